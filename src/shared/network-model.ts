// Docker networks as the Networks view and `bridgeport networks` see and change them. The create
// input mirrors `docker network create` flags; everything is checked before anything changes.
import { z } from 'zod';

/** Docker's own rule for names; nothing a shell would read. */
export const dockerNameSchema = z
  .string()
  .min(1, 'give a name')
  .max(128, 'a name is at most 128 characters')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'a name has only letters, digits, _ . and -');

export const networkDriverSchema = z.enum(['bridge', 'macvlan', 'ipvlan', 'overlay']);

/** -o key=value: Docker's driver options (com.docker.network.bridge.name, …, macvlan_mode, parent …). */
export const networkOptionsSchema = z.record(
  z.string().min(1).max(128).regex(/^[a-zA-Z0-9_.-]+$/, 'an option name has only letters, digits, _ . and -'),
  z.string().max(256),
  // zod reports a bad key as "Invalid key in record" unless told otherwise.
  { error: (issue) => (issue.code === 'invalid_key' ? 'an option name is 1-128 letters, digits, _ . and -' : undefined) },
);

export const networkCreateSchema = z
  .object({
    name: dockerNameSchema,
    driver: networkDriverSchema.default('bridge'),
    /** CIDR, e.g. 172.30.0.0/16; Docker picks one when left out. */
    subnet: z.string().max(64).optional(),
    gateway: z.string().max(64).optional(),
    ipRange: z.string().max(64).optional(),
    internal: z.boolean().default(false),
    attachable: z.boolean().default(false),
    options: networkOptionsSchema.default({}),
  })
  .strict();
export type NetworkCreate = z.infer<typeof networkCreateSchema>;

export const networkRemoveSchema = z.object({ name: dockerNameSchema, disconnectContainers: z.boolean().default(false) }).strict();
export const networkConnectSchema = z
  .object({ network: dockerNameSchema, container: dockerNameSchema, ip: z.string().max(64).optional(), aliases: z.array(dockerNameSchema).max(32).default([]) })
  .strict();
export const networkDisconnectSchema = z.object({ network: dockerNameSchema, container: dockerNameSchema, force: z.boolean().default(false) }).strict();

export const networkDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  /** host, none and the default bridge: Docker's built-ins, never removed. */
  builtIn: z.boolean(),
  subnets: z.array(z.object({ subnet: z.string(), gateway: z.string().nullable(), ipRange: z.string().nullable() })),
  /** The host bridge of a bridge network; the parent NIC of macvlan/ipvlan. */
  bridge: z.string().nullable(),
  parent: z.string().nullable(),
  options: z.record(z.string(), z.string()),
  internal: z.boolean(),
  attachable: z.boolean(),
  mtu: z.number().int().nullable(),
  icc: z.boolean().nullable(),
  masquerade: z.boolean().nullable(),
  hostBindingIpv4: z.string().nullable(),
  containers: z.array(z.object({ id: z.string(), name: z.string(), ipv4: z.string().nullable(), aliases: z.array(z.string()) })),
});
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

export const subnetSuggestionSchema = z.object({ subnet: z.string(), gateway: z.string() });
