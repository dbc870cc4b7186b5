// Docker networks as the Networks view and `bridgeport networks` see and change them. The create
// input mirrors `docker network create` flags; everything is checked before anything changes.
import { z } from 'zod';
import { SAFE_KEY, safeNameSchema } from './atoms/names';
import { networkRefusal } from './network-refused';
import { engineRefSchema } from './model';

/** Docker's own rule for names; nothing a shell would read. */
export const dockerNameSchema = safeNameSchema('a name', 128);

export const networkDriverSchema = z.enum(['bridge', 'macvlan', 'ipvlan', 'overlay']);
/** The drivers Bridgeport creates networks with. */
export type CreatableDriver = z.infer<typeof networkDriverSchema>;

/** The name of a driver option (`-o key=value`): 1-128 of letters, digits, _ . and -. */
export const optionNameSchema = z.string().min(1).max(128).regex(SAFE_KEY, 'an option name has only letters, digits, _ . and -');

/** -o key=value: Docker's driver options (com.docker.network.bridge.name, …, macvlan_mode, parent …). */
export const networkOptionsSchema = z.record(
  optionNameSchema,
  z.string().max(256),
  // zod reports a bad key as "Invalid key in record" unless told otherwise.
  { error: (issue) => (issue.code === 'invalid_key' ? 'an option name is 1-128 letters, digits, _ . and -' : undefined) },
);

/**
 * Repeated `-o key=value` flags as Docker's CLI reads them: split at the first '=', a bare key means
 * an empty value (`-o encrypted`). The same key twice with different values is refused.
 */
export function parseOptionPairs(pairs: readonly string[]): Record<string, string> {
  const options: Record<string, string> = {};
  for (const pair of pairs) {
    const at = pair.indexOf('=');
    const key = (at < 0 ? pair : pair.slice(0, at)).trim();
    const value = at < 0 ? '' : pair.slice(at + 1);
    if (key === '') throw networkRefusal('options', 'options.pairNeedsValue', { pair });
    if (Object.hasOwn(options, key) && options[key] !== value) {
      throw networkRefusal('options', 'options.givenTwice', { key, first: options[key]!, second: value });
    }
    options[key] = value;
  }
  return options;
}

/** `--driver` as typed: the four Bridgeport creates; host and none are Docker's fixed built-ins. */
export function parseDriver(text: string): CreatableDriver {
  if (text === 'bridge' || text === 'macvlan' || text === 'ipvlan' || text === 'overlay') return text;
  if (text === 'host' || text === 'null' || text === 'none') {
    throw networkRefusal('driver', 'create.builtInDriver', { driver: text === 'null' ? 'none' : text });
  }
  throw networkRefusal('driver', 'create.unknownDriver', { driver: text });
}

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
  /** The engine that owns it (Docker and Podman side by side); actions on it go there. */
  engine: engineRefSchema.optional(),
});
export type NetworkDetail = z.infer<typeof networkDetailSchema>;

export const subnetSuggestionSchema = z.object({ subnet: z.string(), gateway: z.string() });
