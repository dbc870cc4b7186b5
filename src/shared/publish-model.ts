// Ports that Bridgeport publishes itself, on containers that are already running: what a user asks
// for, what is remembered, and what the privileged side is given to apply. IPv4 only (see issue 4).
import { z } from 'zod';
import { containerNameSchema, SAFE_NAME } from './atoms/names';
import { MAX_RANGE, portSchema } from './atoms/ports';
import { containerRefSchema } from './firewall-model';
import { messageSchema } from './message';

export const publishProtocolSchema = z.enum(['tcp', 'udp']);
export type PublishProtocol = z.infer<typeof publishProtocolSchema>;

/** Dotted IPv4 with each part 0–255 and no leading zeros (which some tools read as octal). */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const ipv4Schema = z.string().regex(IPV4, 'not an IPv4 address (like 192.168.1.10)');

/** A host IP: '' for every address of the host, else one IPv4 address of the host (or 127.0.0.1). */
export const hostIpSchema = z.union([z.literal(''), ipv4Schema]);

function checkRanges(
  value: { hostPort: number; hostPortEnd?: number | undefined; containerPort: number; containerPortEnd?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  const hostEnd = value.hostPortEnd ?? value.hostPort;
  const containerEnd = value.containerPortEnd ?? value.containerPort;
  if (hostEnd < value.hostPort) ctx.addIssue({ code: 'custom', path: ['hostPortEnd'], message: 'the host port range ends before it starts' });
  if (containerEnd < value.containerPort) ctx.addIssue({ code: 'custom', path: ['containerPortEnd'], message: 'the container port range ends before it starts' });
  if (hostEnd - value.hostPort !== containerEnd - value.containerPort) {
    ctx.addIssue({ code: 'custom', path: ['containerPortEnd'], message: 'host and container port ranges must have the same length' });
  }
  if (hostEnd - value.hostPort + 1 > MAX_RANGE) ctx.addIssue({ code: 'custom', path: ['hostPortEnd'], message: `a range is at most ${MAX_RANGE} ports` });
}

export const publishRequestSchema = z
  .object({
    container: containerNameSchema,
    hostIp: hostIpSchema.default(''),
    hostPort: portSchema,
    hostPortEnd: portSchema.optional(),
    containerPort: portSchema,
    containerPortEnd: portSchema.optional(),
    protocol: publishProtocolSchema.default('tcp'),
    /** Which of the container's bridge networks; its first bridge network when left out. */
    network: z.string().min(1).max(128).regex(SAFE_NAME, 'not a network name').optional(),
  })
  .strict()
  .superRefine(checkRanges);
export type PublishRequest = z.infer<typeof publishRequestSchema>;

export const unpublishRequestSchema = z
  .object({ container: containerNameSchema, hostIp: hostIpSchema.default(''), hostPort: portSchema, protocol: publishProtocolSchema.default('tcp') })
  .strict();
export type UnpublishRequest = z.infer<typeof unpublishRequestSchema>;

/** What Bridgeport remembers (the mappings file is the source of truth). */
export const mappingSchema = z.object({
  id: z.string().regex(/^[a-z0-9]{8,32}$/),
  container: containerRefSchema,
  network: z.string(),
  hostIp: hostIpSchema,
  hostPort: portSchema,
  hostPortEnd: portSchema,
  containerPort: portSchema,
  containerPortEnd: portSchema,
  protocol: publishProtocolSchema,
  createdAt: z.string(),
});
export type Mapping = z.infer<typeof mappingSchema>;

/** A mapping and how it stands right now. */
export const mappingStatusSchema = mappingSchema.extend({
  /** active: rules in place; waiting: the container is not running (rules come back when it does). */
  state: z.enum(['active', 'waiting']),
  containerIp: z.string().nullable(),
  bridge: z.string().nullable(),
  detail: z.string().nullable(),
  /** The detail as a message (catalogue engine-ports), for the window's language. */
  detailMessage: messageSchema.nullable().optional(),
});
export type MappingStatus = z.infer<typeof mappingStatusSchema>;

export const portEventSchema = z.object({
  at: z.string(),
  kind: z.enum(['published', 'unpublished', 'restored', 'removed', 'refused', 'failed']),
  message: z.string(),
  /** The message as a message (catalogue engine-ports), for the window's language. */
  messageMessage: messageSchema.optional(),
  mappingId: z.string().nullable(),
});
export type PortEvent = z.infer<typeof portEventSchema>;

export const reconcileResultSchema = z.object({
  /** True when rules had to be (re)written; false when everything was already in place. */
  changed: z.boolean(),
  mappings: z.array(mappingStatusSchema),
  warnings: z.array(z.string()),
});
export type ReconcileResult = z.infer<typeof reconcileResultSchema>;
