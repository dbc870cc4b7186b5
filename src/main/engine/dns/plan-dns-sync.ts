// The DNS sync policy: for every container, what its DNS is, where it came from, and what Bridgeport
// does so it follows the host's DNS in force now: rewrite a host copy of resolv.conf, redirect the
// stale upstreams of Docker's embedded resolver, or nothing (and why). Pure: facts in, plans out.
import type { ContainerDns, DnsSettings, DnsSource, HostsEntry, ResolvSettings, Upstreams } from '../../../shared/dns-model';
import { copyWasEdited } from './copy-edited';
import { containerCopyOfHost, dockerContentHash, isIpv6Server, isLoopbackServer } from './docker-copy';
import { learnUpstreams, redirectsFor, sameRedirects, throughRedirects, type Redirect } from './embedded-upstreams';
import { resolvOriginOf, sharedWith, type ResolvOrigin } from './network-mode';
import { parseResolvConf, renderResolvConf, sameResolvSettings, settingsOf, type ParsedResolvConf } from './resolv-conf';

export interface ContainerDnsFacts {
  container: { id: string; name: string };
  /** HostConfig.NetworkMode: 'default'|'bridge'|'host'|'none'|'container:<id>'|<network name> */
  networkMode: string;
  /** The names in NetworkSettings.Networks. */
  networks: string[];
  running: boolean;
  /** State.StartedAt */
  startedAt: string;
  hostname: string;
  /** HostConfig.Dns/DnsSearch/DnsOptions (null → []) */
  custom: { dns: string[]; search: string[]; options: string[] };
  /** False unless a network of it has IPv6 on. */
  ipv6: boolean;
  /** null when unreadable */
  resolvConf: { text: string; hash: string | null } | null;
  hosts: HostsEntry[];
  /** The DNAT rules Bridgeport has in the container's namespace now. */
  currentRedirects: Redirect[];
  /** Present for Podman's containers: where aardvark-dns answers for their networks (the gateways of those with DNS on). */
  podman?: { aardvark: string[] };
}

/** text: the raw content of the file in force (Docker 20.10's hash is matched against it). */
export interface HostDnsState {
  since: string;
  settings: ResolvSettings;
  text: string;
}

export interface PlanInput {
  containers: ContainerDnsFacts[];
  /** The host's DNS now. */
  host: HostDnsState;
  /** Host states Bridgeport saw before, oldest first (may be empty). */
  history: HostDnsState[];
  settings: DnsSettings;
  /** container id → dockerContentHash of the file Bridgeport last wrote */
  writtenByBridgeport: Record<string, string>;
  /** For the header comment of a rewritten file. */
  inForcePath: string;
}

export type DnsAction =
  | {
      kind: 'rewrite';
      content: string;
      before: ResolvSettings;
      after: ResolvSettings;
      /** dockerContentHash of the text now: the write happens only if the file is still that (compare-and-swap). */
      expectedHash: string;
    }
  /** The full set of redirects wanted (empty: remove them all); before/after: the servers the resolver reaches. */
  | { kind: 'redirect'; redirects: Redirect[]; before: string[]; after: string[] }
  | { kind: 'none' };

export interface PlannedDns {
  view: ContainerDns;
  action: DnsAction;
}

const NONE: DnsAction = { kind: 'none' };
const EMBEDDED_RESOLVER = '127.0.0.11';
const list = (servers: readonly string[]) => (servers.length > 0 ? servers.join(', ') : 'none');

interface Context {
  input: PlanInput;
  facts: ContainerDnsFacts;
  origin: ResolvOrigin;
  base: ContainerDns;
  customised: boolean;
  /** The reason sync may not touch it (a switch is off), or null. */
  off: string | null;
}

function customFlags(custom: ContainerDnsFacts['custom']): string {
  return [...custom.dns.map((s) => `--dns ${s}`), ...custom.search.map((s) => `--dns-search ${s}`), ...custom.options.map((o) => `--dns-option ${o}`)].join(' ');
}

/** Removes Bridgeport's redirects from a container sync no longer looks after (a switch went off, the file was edited). */
function removalOf(ctx: Context, upstreams: readonly string[] | null): DnsAction {
  const { facts, origin } = ctx;
  // Never in the host's own namespace, nor through another container's.
  if (!facts.running || facts.currentRedirects.length === 0 || origin === 'host' || origin === 'shared') return NONE;
  const before = upstreams ? throughRedirects(upstreams, facts.currentRedirects) : [...new Set(facts.currentRedirects.map((r) => r.to))];
  const after = upstreams ? [...upstreams] : [...new Set(facts.currentRedirects.map((r) => r.from))];
  return { kind: 'redirect', redirects: [], before, after };
}

function leaveAlone(ctx: Context, source: DnsSource, note: string, synced = false, upstreams: Upstreams | null = null): PlannedDns {
  const action = removalOf(ctx, upstreams?.servers ?? null);
  const fullNote = action.kind === 'none' ? note : `${note}; Bridgeport's redirect is removed`;
  return { view: { ...ctx.base, source, note: fullNote, synced, upstreams }, action };
}

function rewriteHeader(inForcePath: string): string[] {
  return [`Written by Bridgeport from the host's DNS in force (${inForcePath}).`, 'Docker writes this file anew when the container restarts.'];
}

/** What the file should say now: Docker's copy of the host's DNS in force, with the container's own search and options. */
function desiredCopy(ctx: Context): ResolvSettings {
  const host = ctx.input.host.settings;
  const fromHost = ctx.origin === 'host' ? settingsOf(host) : containerCopyOfHost(host, { ipv6: ctx.facts.ipv6 });
  const { search, options } = ctx.facts.custom;
  return { nameservers: fromHost.nameservers, search: search.length > 0 ? [...search] : fromHost.search, options: options.length > 0 ? [...options] : fromHost.options };
}

function planCopy(ctx: Context, file: ParsedResolvConf, resolvConf: { text: string; hash: string | null }): PlannedDns {
  const { input, facts } = ctx;
  const source: DnsSource = ctx.customised ? 'custom' : 'host';
  // On the host's network a loopback server is the host's own resolver, which follows the host by itself.
  if (ctx.origin === 'host' && file.nameservers.length > 0 && file.nameservers.every(isLoopbackServer)) {
    return leaveAlone(ctx, source, `uses the host's own resolver (${list(file.nameservers)}), which follows the host's DNS`, true);
  }
  const hostTexts = [...input.history, input.host].map((s) => s.text);
  if (copyWasEdited(resolvConf, input.writtenByBridgeport[facts.container.id], hostTexts, facts.ipv6, startedBeforeWatching(input, facts))) {
    return leaveAlone(ctx, 'user-modified', 'resolv.conf was edited inside the container: left alone');
  }
  const current = settingsOf(file);
  const desired = desiredCopy(ctx);
  const upToDate = sameResolvSettings(current, desired);
  if (facts.networkMode === 'none') return leaveAlone(ctx, source, 'has no network (--network none): nothing to sync', upToDate);
  if (ctx.off) return leaveAlone(ctx, source, ctx.off, upToDate);
  if (!facts.running) return leaveAlone(ctx, source, "not running: Docker writes its resolv.conf anew from the host's when it starts", true);
  if (upToDate) return { view: { ...ctx.base, source, synced: true, note: `follows the host's DNS (${input.inForcePath})` }, action: NONE };
  return {
    view: { ...ctx.base, source, synced: true, note: `resolv.conf brought in line with the host's DNS (${input.inForcePath})` },
    action: {
      kind: 'rewrite',
      content: renderResolvConf(desired, rewriteHeader(input.inForcePath)),
      before: current,
      after: desired,
      expectedHash: dockerContentHash(resolvConf.text),
    },
  };
}

/** Started before the first host state Bridgeport saw: what Docker copied then is unknown. */
function startedBeforeWatching(input: PlanInput, facts: ContainerDnsFacts): boolean {
  const first = input.history[0]?.since ?? input.host.since;
  return facts.startedAt !== '' && facts.startedAt < first;
}

/** Docker's file for its resolver: 127.0.0.11, then any IPv6 servers it lets the container ask directly. */
const isEmbeddedFile = (file: ParsedResolvConf) => file.nameservers[0] === EMBEDDED_RESOLVER && file.nameservers.slice(1).every(isIpv6Server);

function planEmbedded(ctx: Context, file: ParsedResolvConf, hash: string | null): PlannedDns {
  const { input, facts } = ctx;
  if (!isEmbeddedFile(file)) return leaveAlone(ctx, 'user-modified', 'resolv.conf was edited inside the container: left alone');
  const source: DnsSource = ctx.customised ? 'custom' : 'embedded';
  const learnt = learnUpstreams(file, { hash, startedAt: facts.startedAt, ipv6: facts.ipv6, custom: facts.custom }, [...input.history, input.host]);
  if (!learnt) return leaveAlone(ctx, source, "the upstream servers of Docker's resolver are unknown: left alone");
  const servers = learnt.servers.map((s) => s.ip);
  // A redirect is IPv4 to IPv4: the host's IPv4 servers as a container copy would have them.
  const desired = containerCopyOfHost(input.host.settings, { ipv6: false }).nameservers;
  const hostServers = input.host.settings.nameservers;
  const follows = (reached: readonly string[]) =>
    learnt.known === 'host-resolver' || (reached.length > 0 && reached.every((s) => desired.includes(s) || hostServers.includes(s)));
  const view = (redirectedTo: string[] | null): Upstreams => ({ servers, known: learnt.known, redirectedTo });

  // Switched off, Bridgeport's redirects go: what follows is Docker's own upstreams.
  if (ctx.off) return leaveAlone(ctx, source, ctx.off, follows(servers), view(null));
  if (!facts.running) return leaveAlone(ctx, source, "not running: Docker gives its resolver the host's DNS when it starts", true, view(null));

  const needed = learnt.known === 'host-resolver' ? [] : redirectsFor(learnt.servers, desired);
  const reached = throughRedirects(servers, needed);
  const synced = follows(reached);
  const action: DnsAction = sameRedirects(needed, facts.currentRedirects)
    ? NONE
    : { kind: 'redirect', redirects: needed, before: throughRedirects(servers, facts.currentRedirects), after: reached };
  let note: string;
  if (learnt.known === 'host-resolver') note = `Docker's resolver asks the host's own resolver (${list(servers)}), which follows the host's DNS`;
  else if (needed.length > 0) note = `Docker's resolver forwards to ${list(needed.map((r) => r.from))}; Bridgeport redirects that to ${list([...new Set(needed.map((r) => r.to))])} in its namespace`;
  else if (synced && facts.currentRedirects.length > 0) note = `Docker's resolver is back on the host's DNS (${list(servers)}); Bridgeport's redirect is removed`;
  else if (synced) note = `Docker's resolver forwards to the host's DNS (${list(servers)})`;
  else if (learnt.servers.every((s) => !s.redirectable)) {
    note = `Docker's resolver asks ${list(servers)} from the host's namespace, where no redirect reaches: restart it to pick up the host's DNS (${list(hostServers)})`;
  } else note = `Docker's resolver forwards to ${list(servers)}, which cannot be redirected to ${list(desired)}: restart it to pick up the host's DNS`;
  return { view: { ...ctx.base, source, synced, upstreams: view(needed.length > 0 ? desired : null), note }, action };
}

/**
 * Podman has no 127.0.0.11: on a network with DNS on it points the container at aardvark-dns on the
 * gateway (unless --dns says otherwise), else it copies the host's file. Its resolv.conf is read from
 * Podman's runroot like Docker's from its data root; sync does not act on Podman's containers yet.
 */
function planPodman(ctx: Context, aardvark: readonly string[], file: ParsedResolvConf | null): PlannedDns {
  const { dns } = ctx.facts.custom;
  if (dns.length > 0) return leaveAlone(ctx, 'custom', `started with ${customFlags(ctx.facts.custom)}: left alone`);
  const answering = file ? file.nameservers.filter((s) => aardvark.includes(s)) : [...aardvark];
  if (answering.length > 0) {
    const read = file ? '' : ' (what Podman writes for a network with DNS on; its resolv.conf could not be read)';
    return leaveAlone(ctx, 'aardvark', `answered by aardvark-dns at ${list(answering)}, Podman's resolver for its network${read}: left alone`);
  }
  const source: DnsSource = ctx.customised ? 'custom' : 'host';
  // Podman gives a container without a network no resolv.conf of its own: the image's file stays.
  if (!file && ctx.facts.networkMode === 'none') return leaveAlone(ctx, source, "no network: Podman writes no resolv.conf for it (the image's own file is used): left alone");
  return leaveAlone(ctx, source, file ? "Podman's copy of the host's DNS: Bridgeport does not sync Podman's containers yet" : 'its resolv.conf could not be read: left alone');
}

/** The per-container switch (by name, which survives re-creation, or id). */
const switchedOn = (settings: DnsSettings, container: { id: string; name: string }) =>
  !settings.disabledContainers.includes(container.name) && !settings.disabledContainers.includes(container.id);

function planOwn(input: PlanInput, facts: ContainerDnsFacts): PlannedDns {
  const file = facts.resolvConf ? parseResolvConf(facts.resolvConf.text) : null;
  const syncAllowed = switchedOn(input.settings, facts.container);
  const base: ContainerDns = {
    container: { ...facts.container },
    nameservers: file?.nameservers ?? [],
    search: file?.search ?? [],
    options: file?.options ?? [],
    source: 'host',
    synced: false,
    networkMode: facts.networkMode,
    hostname: facts.hostname,
    hosts: facts.hosts,
    upstreams: null,
    syncAllowed,
    note: '',
  };
  const { dns, search, options } = facts.custom;
  const ctx: Context = {
    input,
    facts,
    origin: resolvOriginOf(facts.networkMode, facts.networks),
    base,
    customised: dns.length + search.length + options.length > 0,
    off: !syncAllowed ? 'sync is off for this container' : !input.settings.enabled ? 'DNS sync is off' : null,
  };
  if (facts.podman) return planPodman(ctx, facts.podman.aardvark, file);
  const fallbackSource: DnsSource = ctx.customised ? 'custom' : ctx.origin === 'embedded' ? 'embedded' : 'host';
  if (!file || !facts.resolvConf) return leaveAlone(ctx, fallbackSource, 'its resolv.conf could not be read: left alone');
  // --dns fixes the servers; --dns-search and --dns-option alone leave them to the host, as Docker does.
  if (dns.length > 0) return leaveAlone(ctx, 'custom', `started with ${customFlags(facts.custom)}: left alone`);
  return ctx.origin === 'embedded' ? planEmbedded(ctx, file, facts.resolvConf.hash) : planCopy(ctx, file, facts.resolvConf);
}

/** A container in another's namespace reads that one's files: it is as that one is, and never acted on. */
function planShared(input: PlanInput, facts: ContainerDnsFacts, own: ReadonlyArray<PlannedDns | null>): PlannedDns {
  const ref = sharedWith(facts.networkMode);
  const at = input.containers.findIndex((c) => c.container.id === ref || c.container.name === ref || (ref.length >= 12 && c.container.id.startsWith(ref)));
  const target = at >= 0 ? own[at] : null;
  const file = facts.resolvConf ? parseResolvConf(facts.resolvConf.text) : null;
  const view: ContainerDns = {
    container: { ...facts.container },
    nameservers: target?.view.nameservers ?? file?.nameservers ?? [],
    search: target?.view.search ?? file?.search ?? [],
    options: target?.view.options ?? file?.options ?? [],
    source: target?.view.source ?? 'host',
    synced: target?.view.synced ?? false,
    networkMode: facts.networkMode,
    hostname: facts.hostname,
    hosts: facts.hosts,
    upstreams: target?.view.upstreams ?? null,
    syncAllowed: switchedOn(input.settings, facts.container),
    note: `shares ${target?.view.container.name ?? ref.slice(0, 12)}'s DNS files`,
  };
  return { view, action: NONE };
}

export function planDnsSync(input: PlanInput): PlannedDns[] {
  const own = input.containers.map((c) => (resolvOriginOf(c.networkMode) === 'shared' ? null : planOwn(input, c)));
  return input.containers.map((c, i) => own[i] ?? planShared(input, c, own));
}
