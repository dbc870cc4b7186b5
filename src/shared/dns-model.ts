// Container DNS: what each container resolves with and where it came from, the host's DNS in force,
// and Bridgeport's sync of one to the other (issue 6).
import { z } from 'zod';
import { containerRefSchema } from './firewall-model';
import { containerNameSchema } from './atoms/names';
import { messageSchema } from './message';

/** The parts of a resolv.conf that matter to a resolver. */
export const resolvSettingsSchema = z.object({
  nameservers: z.array(z.string()),
  search: z.array(z.string()),
  options: z.array(z.string()),
});
export type ResolvSettings = z.infer<typeof resolvSettingsSchema>;

/**
 * host: Docker copied the host's DNS (default bridge, host network); custom: --dns/--dns-search/--dns-option;
 * embedded: Docker's resolver at 127.0.0.11 (user-defined networks); user-modified: the file was edited after Docker wrote it;
 * aardvark: Podman's aardvark-dns at the gateway of a network with DNS on.
 */
export const dnsSourceSchema = z.enum(['host', 'custom', 'embedded', 'user-modified', 'aardvark']);
export type DnsSource = z.infer<typeof dnsSourceSchema>;

export const hostsEntrySchema = z.object({
  address: z.string(),
  names: z.array(z.string()),
  /** default: localhost and ip6 lines; self: the container's own name; link: --link; add-host: --add-host; other: anything else (edited). */
  origin: z.enum(['default', 'self', 'link', 'add-host', 'other']),
});
export type HostsEntry = z.infer<typeof hostsEntrySchema>;

/**
 * How a container's queries reach their servers: resolv.conf: straight to the servers in its file
 * (Docker's copy, or Bridgeport's rewrite); docker-resolver: Docker's resolver forwards to its own
 * upstreams; namespace-redirect / dockerd-redirect: Bridgeport redirects them (in the container's
 * namespace, or dockerd's queries on the host); host-resolver: the host's own resolver (systemd-resolved);
 * aardvark: Podman's aardvark-dns forwards to the host's servers.
 */
export const reachViaSchema = z.enum(['resolv.conf', 'docker-resolver', 'namespace-redirect', 'dockerd-redirect', 'host-resolver', 'aardvark']);
export type ReachVia = z.infer<typeof reachViaSchema>;

/** Where the upstream servers of Docker's embedded resolver were learnt. */
export const upstreamsSchema = z.object({
  servers: z.array(z.string()),
  /**
   * docker: Docker wrote them into the file (ExtServers, Docker 25+); confirmed: the host DNS Docker hashed at start matches;
   * assumed: the host's DNS when Bridgeport first looked; host-resolver: dockerd forwards to the host's own resolver, which follows the host.
   */
  known: z.enum(['docker', 'confirmed', 'assumed', 'host-resolver']),
  /** Bridgeport redirects the old servers to these (in the container's namespace, or dockerd's queries on the host), or null when none is needed. */
  redirectedTo: z.array(z.string()).nullable(),
  /** Where the resolver's queries go now, after any redirect. */
  reached: z.array(z.string()),
  via: reachViaSchema,
});
export type Upstreams = z.infer<typeof upstreamsSchema>;

export const containerDnsSchema = z.object({
  container: containerRefSchema,
  /** As in the container's resolv.conf now. */
  nameservers: z.array(z.string()),
  search: z.array(z.string()),
  options: z.array(z.string()),
  source: dnsSourceSchema,
  /** True when its DNS follows the host's now (Docker's copy is current, or Bridgeport brought it up to date). */
  synced: z.boolean(),
  /** The container's network mode (bridge, a network name, host, none, container:…). */
  networkMode: z.string(),
  hostname: z.string(),
  hosts: z.array(hostsEntrySchema),
  /** Embedded resolver only. */
  upstreams: upstreamsSchema.nullable(),
  /** The servers its queries reach now and how; null when unknown (its files were not read). */
  reach: z.object({ servers: z.array(z.string()), via: reachViaSchema }).nullable(),
  /** Whether Bridgeport may change it (the per-container switch; the global one is in the settings). */
  syncAllowed: z.boolean(),
  /** One sentence: what Bridgeport did or why it leaves it alone. */
  note: z.string(),
  /** The note as a message, for the window's language (issue 18). */
  noteMessage: messageSchema.optional(),
});
export type ContainerDns = z.infer<typeof containerDnsSchema>;

export const dhcpSourceSchema = z.object({
  kind: z.enum(['networkmanager', 'dhclient', 'file']),
  /** e.g. "NetworkManager: wlp2s0 (connection Home)", "dhclient lease on eth0 from 192.168.1.1", "the file alone". */
  detail: z.string(),
  detailMessage: messageSchema.optional(),
});
export type DhcpSource = z.infer<typeof dhcpSourceSchema>;

export const hostDnsSchema = resolvSettingsSchema.extend({
  /** The file Bridgeport watches (/etc/resolv.conf, or --resolv-conf PATH). */
  path: z.string(),
  /** The file whose servers containers get: `path`, or systemd-resolved's upstream list when `path` names only its stub. */
  inForce: z.string(),
  followedStub: z.boolean(),
  dhcp: dhcpSourceSchema,
  /** Why the host's DNS could not be read, when it could not. */
  error: z.string().nullable(),
  errorMessage: messageSchema.optional(),
});
export type HostDns = z.infer<typeof hostDnsSchema>;

export const dnsSettingsSchema = z.object({
  /** The global switch. */
  enabled: z.boolean(),
  /** Containers (by name, which survives re-creation) that are never touched. */
  disabledContainers: z.array(z.string()),
});
export type DnsSettings = z.infer<typeof dnsSettingsSchema>;

export const dnsReportSchema = z.object({
  host: hostDnsSchema,
  containers: z.array(containerDnsSchema),
  settings: dnsSettingsSchema,
  /** Whether a sync runs in this process or another (the app or `bridgeport daemon`) at the moment. */
  syncing: z.boolean(),
  /** What could not be read, and why (absent when everything was: root, or the app elevated). */
  limitations: z.array(z.string()).optional(),
  /** The limitations as messages, one per line of `limitations`. */
  limitationsMessages: z.array(messageSchema).optional(),
});
export type DnsReport = z.infer<typeof dnsReportSchema>;

export const dnsEventSchema = z.object({
  at: z.string(),
  /** host-changed: a new lease, VPN up or down; synced: a container updated; left-alone: not touched, and why; failed; settings: a switch. */
  kind: z.enum(['host-changed', 'synced', 'left-alone', 'failed', 'settings']),
  container: containerRefSchema.nullable(),
  before: resolvSettingsSchema.nullable(),
  after: resolvSettingsSchema.nullable(),
  message: z.string(),
  /** `message` as a message (the `<field>Message` of issue 18), for the window's language; absent in entries written before. */
  messageMessage: messageSchema.optional(),
});
export type DnsEvent = z.infer<typeof dnsEventSchema>;

export const dnsSyncSwitchSchema = z
  .object({
    enabled: z.boolean(),
    /** A container name or id: the switch for that container; absent: the global switch. */
    container: containerNameSchema.optional(),
  })
  .strict();
export type DnsSyncSwitch = z.infer<typeof dnsSyncSwitchSchema>;

export const dnsSyncResultSchema = z.object({
  changed: z.array(containerRefSchema),
  events: z.array(dnsEventSchema),
});
export type DnsSyncResult = z.infer<typeof dnsSyncResultSchema>;
