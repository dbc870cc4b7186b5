// The model every face and the renderer share. Zod schemas are the single source:
// the TypeScript types are inferred from them, so a field cannot drift between the two.
import { z } from 'zod';
import { messageSchema } from './message';

export const linkKindSchema = z.enum([
  'physical',
  'loopback',
  'bridge',
  'veth',
  'macvlan',
  'ipvlan',
  'vxlan',
  'tun',
  'dummy',
  'other',
]);
export type LinkKind = z.infer<typeof linkKindSchema>;

/** The other end of a veth pair, as the kernel reports it (never guessed). */
export const vethPeerSchema = z.object({
  ifindex: z.number().int(),
  /** nsid of the peer's namespace as seen from this namespace; null when the peer is in the same one. */
  netnsId: z.number().int().nullable(),
  /** Set only when the pair was matched exactly from both sides. */
  containerId: z.string().nullable(),
  /** Name of the `ip netns` namespace holding the peer, when it is one. */
  namespace: z.string().nullable(),
  /** Interface name on the peer side, when it could be read. */
  interface: z.string().nullable(),
});
export type VethPeer = z.infer<typeof vethPeerSchema>;

export const linkSchema = z.object({
  name: z.string(),
  ifindex: z.number().int(),
  kind: linkKindSchema,
  /** Kernel driver kind (`info_kind`), e.g. "ifb", kept for kinds folded into "other". */
  driver: z.string().nullable(),
  mac: z.string().nullable(),
  mtu: z.number().int(),
  up: z.boolean(),
  operState: z.string(),
  addresses: z.array(z.string()),
  master: z.string().nullable(),
  peer: vethPeerSchema.nullable(),
});
export type Link = z.infer<typeof linkSchema>;

/** Which container engine a container or network belongs to (issue 15: Docker and Podman side by side). */
export const engineKindSchema = z.enum(['docker', 'podman']);
export type EngineKind = z.infer<typeof engineKindSchema>;
export const engineRefSchema = z.object({ kind: engineKindSchema, id: z.string() });
export type EngineRef = z.infer<typeof engineRefSchema>;

export const subnetSchema = z.object({ subnet: z.string(), gateway: z.string().nullable() });

export const networkSchema = z.object({
  id: z.string(),
  name: z.string(),
  driver: z.string(),
  scope: z.string(),
  /** Host bridge of a bridge network; null for other drivers. */
  bridge: z.string().nullable(),
  subnets: z.array(subnetSchema),
  options: z.record(z.string(), z.string()),
  internal: z.boolean(),
  containers: z.array(z.string()),
  /** The engine that owns it; absent in snapshots made before engines were told apart. */
  engine: engineRefSchema.optional(),
});
export type Network = z.infer<typeof networkSchema>;

export const endpointSchema = z.object({
  network: z.string(),
  networkId: z.string(),
  /** 'a.b.c.d/len', or null when the container is not running. */
  ip: z.string().nullable(),
  mac: z.string().nullable(),
  gateway: z.string().nullable(),
  /** Host side of the container's veth; null when not matched exactly (not root, not running, no veth). */
  hostVeth: z.string().nullable(),
  /** The interface inside the container (eth0, eth1 …) when it could be read. */
  interface: z.string().nullable(),
});
export type Endpoint = z.infer<typeof endpointSchema>;

/** A port Docker publishes for a container (`-p`), one per host port and address family. */
export const portBindingSchema = z.object({
  hostIp: z.string(),
  hostPort: z.number().int(),
  containerPort: z.number().int(),
  protocol: z.enum(['tcp', 'udp', 'sctp']),
});
export type PortBinding = z.infer<typeof portBindingSchema>;

export const networkModeSchema = z.enum(['bridge', 'host', 'none', 'container', 'custom']);

export const containerSchema = z.object({
  id: z.string(),
  name: z.string(),
  image: z.string(),
  state: z.string(),
  status: z.string(),
  /** What kind of network namespace it has: its own on bridge/custom networks, the host's, none, or another container's. */
  networkMode: networkModeSchema,
  pid: z.number().int().nullable(),
  endpoints: z.array(endpointSchema),
  /** Published ports: what Docker bound (running) or will bind (stopped, from its configuration). */
  ports: z.array(portBindingSchema),
  /** The container's own links, read from inside its namespace (root only); null when not read. */
  links: z.array(linkSchema).nullable(),
  /** The engine that runs it; absent in snapshots made before engines were told apart. */
  engine: engineRefSchema.optional(),
});
export type Container = z.infer<typeof containerSchema>;

export const namespaceSchema = z.object({
  name: z.string(),
  /** nsid of the namespace as seen from the host namespace, when one is assigned. */
  id: z.number().int().nullable(),
  /** This is the namespace Bridgeport itself runs in: its links are the host links above. */
  current: z.boolean(),
  links: z.array(linkSchema),
  /** Why the links could not be read (e.g. needs root); the links list is empty then. */
  error: z.string().nullable(),
  /** The same as a message, when Bridgeport worded it (a tool's own text has none). */
  errorMessage: messageSchema.optional(),
});
export type Namespace = z.infer<typeof namespaceSchema>;

export const dockerProblemSchema = z.enum(['not-installed', 'daemon-down', 'permission-denied', 'error']);

export const dockerStatusSchema = z.object({
  available: z.boolean(),
  version: z.string().optional(),
  apiVersion: z.string().optional(),
  endpoint: z.string(),
  error: z.string().optional(),
  problem: dockerProblemSchema.optional(),
  /** What the user can do about it, in one sentence. */
  hint: z.string().optional(),
  /** The hint as a catalogue key, for the window's language (the English is `hint`). */
  hintMessage: messageSchema.optional(),
});
export type DockerStatus = z.infer<typeof dockerStatusSchema>;

/** One engine that answered (Docker or Podman, rootful or rootless). */
export const engineStatusSchema = dockerStatusSchema.extend({
  kind: engineKindSchema,
  id: z.string(),
  /** Its networks live in a user namespace (slirp4netns, pasta, rootlessport): no host bridges, no host NAT rules. */
  rootless: z.boolean(),
});
export type EngineStatus = z.infer<typeof engineStatusSchema>;

export const snapshotSchema = z.object({
  takenAt: z.string(),
  host: z.object({ hostname: z.string(), privileged: z.boolean() }),
  links: z.array(linkSchema),
  networks: z.array(networkSchema),
  containers: z.array(containerSchema),
  namespaces: z.array(namespaceSchema),
  /** The first engine that answered (Docker before Podman), or why none did: kept for callers that know one engine. */
  docker: dockerStatusSchema,
  /** Every engine that answered, each once (absent in snapshots made before engines were told apart). */
  engines: z.array(engineStatusSchema).optional(),
  /** What this snapshot could not see and why, in plain sentences (never silently guessed). */
  limitations: z.array(z.string()),
  /** The same, as messages where the engine said them as such (null: English only), in the same order. */
  limitationMessages: z.array(messageSchema.nullable()).optional(),
});
export type Snapshot = z.infer<typeof snapshotSchema>;
