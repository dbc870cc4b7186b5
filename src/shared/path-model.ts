// The packet-path question and its answer, as the contract carries them.
import { z } from 'zod';
import { messageSchema } from './message';

export const packetOriginSchema = z.union([
  z.literal('lan'),
  z.literal('host'),
  z.object({ container: z.string().min(1, 'a container name or id') }),
]);

export const pathQuerySchema = z
  .object({
    destination: z.ipv4({ message: 'destination must be an IPv4 address' }),
    port: z.number().int().min(1, 'port must be 1-65535').max(65535, 'port must be 1-65535'),
    protocol: z.enum(['tcp', 'udp']).default('tcp'),
    from: packetOriginSchema.default('lan'),
  })
  .strict();
export type PathQuery = z.input<typeof pathQuerySchema>;

export const pathStepSchema = z.object({
  stage: z.string(),
  description: z.string(),
  /** The description as a message, for the window's language. */
  descriptionMessage: messageSchema.optional(),
  ruleId: z.string().nullable(),
  verdict: z.enum(['continue', 'jump', 'return', 'accept', 'drop', 'reject', 'dnat', 'snat', 'masquerade', 'route', 'deliver', 'policy']),
  nodeIds: z.array(z.string()),
});
export type PathStep = z.infer<typeof pathStepSchema>;

export const pathOutcomeSchema = z.object({
  kind: z.enum(['container', 'host-process', 'no-listener', 'dropped', 'rejected', 'no-route', 'unknown']),
  description: z.string(),
  descriptionMessage: messageSchema.optional(),
  containerId: z.string().optional(),
  hostVeth: z.string().optional(),
  interface: z.string().optional(),
  process: z.string().optional(),
});

export const pathResultSchema = z.object({
  steps: z.array(pathStepSchema),
  outcome: pathOutcomeSchema,
  caveats: z.array(z.string()),
  /** The caveats as messages, in the same order. */
  caveatMessages: z.array(messageSchema).optional(),
  packet: z.object({ protocol: z.enum(['tcp', 'udp']), source: z.string(), destination: z.string(), port: z.number().int() }),
});
export type PathResult = z.infer<typeof pathResultSchema>;
