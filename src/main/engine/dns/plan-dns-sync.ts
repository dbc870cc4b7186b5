// The DNS sync policy: for every container, what its DNS is, where it came from, and what Bridgeport
// does so it follows the host's DNS in force now: rewrite a host copy of resolv.conf, redirect the
// stale upstreams of Docker's embedded resolver, or nothing (and why). Pure: facts in, plans out.
import type { ContainerDns, DnsSettings, DnsSource, HostsEntry, ResolvSettings, Upstreams } from '../../../shared/dns-model';
import { copyWasEdited } from './copy-edited';
import { containerCopyOfHost, dockerContentHash, isIpv6Server, isLoopbackServer } from './docker-copy';
import { learnUpstreams, mergeRedirects, redirectsFor, sameRedirects, throughRedirects, type Redirect, type Upstream } from './embedded-upstreams';
import { resolvOriginOf, sharedWith, type ResolvOrigin } from './network-mode';
import { embeddedNote } from './embedded-note';
import { parseResolvConf, renderResolvConf, sameResolvSettings, settingsOf, type ParsedResolvConf } from '../../netcore/resolv-conf/resolv-conf';
import { message, type Message } from '../../../shared/message';
import { noteOf, serverList } from './dns-words';

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
  podman?: { aardvark: string[]; networkDns?: string[] };
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
  /**
   * Bridgeport's redirect of the queries root's dockerd forwards from the host's namespace (Docker
   * 28's `host(…)` upstreams), and the cgroup one would match or why none can be made; absent when
   * not read (no privilege, or no rootful Docker).
   */
  dockerd?: DockerdRedirectFacts;
  /** Root's aardvark-dns processes here, and those not yet told the host's DNS in force now; absent when not read. */
  aardvark?: { pids: number[]; stale: number[] };
}

export interface DockerdRedirectFacts {
  current: Redirect[];
  scope: string | null;
  problem: string | null;
}

/** The whole set of dockerd's redirects wanted now, when it differs from what is in place. */
export interface DockerdAction {
  redirects: Redirect[];
  before: Redirect[];
}

export interface DnsPlan {
  containers: PlannedDns[];
  dockerd: DockerdAction | null;
  /** Tell aardvark-dns (SIGHUP) to read the host's DNS now: it serves a container that follows the host. */
  reloadAardvark: boolean;
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
  /** The redirects of dockerd's queries this container needs (asked for while it is synced). */
  dockerdNeeds: Redirect[];
  /** It follows the host through aardvark-dns, which must have read the host's DNS in force. */
  needsAardvark?: boolean;
  /** The note for a report (which changes nothing) while aardvark-dns has not been told yet. */
  untoldNote?: string;
  untoldNoteMessage?: Message;
}

const NONE: DnsAction = { kind: 'none' };
const EMBEDDED_RESOLVER = '127.0.0.11';

interface Context {
  input: PlanInput;
  facts: ContainerDnsFacts;
  origin: ResolvOrigin;
  base: ContainerDns;
  customised: boolean;
  /** The reason sync may not touch it (a switch is off), or null. */
  off: Message | null;
  /** dockerd's redirects once this plan is carried out (every container's needs together). */
  dockerdRedirects: readonly Redirect[];
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

function leaveAlone(ctx: Context, source: DnsSource, note: Message, synced = false, upstreams: Upstreams | null = null): PlannedDns {
  const action = removalOf(ctx, upstreams?.servers ?? null);
  const fullNote = action.kind === 'none' ? note : message('engine-dns:note.redirectRemoved', { note });
  return { view: { ...ctx.base, source, ...noteOf(fullNote), synced, upstreams, reach: upstreams ? reachOf(upstreams) : ctx.base.reach }, action, dockerdNeeds: [] };
}

function rewriteHeader(inForcePath: string, engine: 'Docker' | 'Podman'): string[] {
  return [`Written by Bridgeport from the host's DNS in force (${inForcePath}).`, `${engine} writes this file anew when the container restarts.`];
}

/** What the file should say for a host state (the one in force now unless given): the engine's copy of it, with the container's own search and options. */
function desiredCopy(ctx: Context, host: ResolvSettings = ctx.input.host.settings): ResolvSettings {
  const fromHost = ctx.origin === 'host' ? settingsOf(host) : containerCopyOfHost(host, { ipv6: ctx.facts.ipv6 });
  const { search, options } = ctx.facts.custom;
  return { nameservers: fromHost.nameservers, search: search.length > 0 ? [...search] : fromHost.search, options: options.length > 0 ? [...options] : fromHost.options };
}

/** Docker's copy: edited when it matches neither Docker's hash (or a copy Docker would write) nor what Bridgeport wrote. */
function dockerCopyEdited(ctx: Context, resolvConf: { text: string; hash: string | null }): boolean {
  const { input, facts } = ctx;
  const hostTexts = [...input.history, input.host].map((s) => s.text);
  return copyWasEdited(resolvConf, input.writtenByBridgeport[facts.container.id], hostTexts, facts.ipv6, startedBeforeWatching(input, facts));
}

/**
 * Podman's copy (a network without DNS) keeps no hash and drops the host file's comments: edited when
 * its settings are a copy of no host state Bridgeport has seen and it is not what Bridgeport wrote.
 * One started before Bridgeport looked is taken as Podman's, as for Docker's host-network copies.
 */
function podmanCopyEdited(ctx: Context, file: ParsedResolvConf, text: string): boolean {
  const { input, facts } = ctx;
  if (dockerContentHash(text) === input.writtenByBridgeport[facts.container.id] || startedBeforeWatching(input, facts)) return false;
  const current = settingsOf(file);
  return ![...input.history, input.host].some((state) => sameResolvSettings(current, desiredCopy(ctx, state.settings)));
}

function planCopy(ctx: Context, file: ParsedResolvConf, resolvConf: { text: string; hash: string | null }, engine: 'Docker' | 'Podman' = 'Docker'): PlannedDns {
  const { input, facts } = ctx;
  const source: DnsSource = ctx.customised ? 'custom' : 'host';
  // On the host's network a loopback server is the host's own resolver, which follows the host by itself.
  if (ctx.origin === 'host' && file.nameservers.length > 0 && file.nameservers.every(isLoopbackServer)) {
    return leaveAlone(ctx, source, message('engine-dns:note.ownResolver', { servers: serverList(file.nameservers) }), true);
  }
  if (engine === 'Docker' ? dockerCopyEdited(ctx, resolvConf) : podmanCopyEdited(ctx, file, resolvConf.text)) {
    return leaveAlone(ctx, 'user-modified', message('engine-dns:note.edited'));
  }
  const current = settingsOf(file);
  const desired = desiredCopy(ctx);
  const upToDate = sameResolvSettings(current, desired);
  if (facts.networkMode === 'none') return leaveAlone(ctx, source, message('engine-dns:note.noNetwork'), upToDate);
  if (ctx.off) return leaveAlone(ctx, source, ctx.off, upToDate);
  if (!facts.running) return leaveAlone(ctx, source, message('engine-dns:note.notRunningCopy'), true);
  if (upToDate) return { view: { ...ctx.base, source, synced: true, ...noteOf(message('engine-dns:note.follows', { path: input.inForcePath })) }, action: NONE, dockerdNeeds: [] };
  return {
    dockerdNeeds: [],
    view: { ...ctx.base, source, synced: true, ...noteOf(message('engine-dns:note.rewritten', { path: input.inForcePath })), reach: { servers: desired.nameservers, via: 'resolv.conf' } },
    action: {
      kind: 'rewrite',
      content: renderResolvConf(desired, rewriteHeader(input.inForcePath, engine)),
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

/** Where each upstream's queries go once the redirects in its namespace and dockerd's apply, without repeats. */
function reachedThrough(servers: readonly Upstream[], inContainer: readonly Redirect[], ofDockerd: readonly Redirect[]): string[] {
  const redirects = (u: Upstream) => (u.askedFrom === 'dockerd' ? ofDockerd : inContainer);
  return [...new Set(servers.map((u) => redirects(u).find((r) => r.from === u.ip)?.to ?? u.ip))];
}

/** The view's "queries reach": the servers and the way there (Docker's own, or a redirect of Bridgeport's). */
function reachOf(upstreams: Upstreams): ContainerDns['reach'] {
  return { servers: upstreams.reached, via: upstreams.via };
}

function planEmbedded(ctx: Context, file: ParsedResolvConf, hash: string | null): PlannedDns {
  const { input, facts } = ctx;
  if (!isEmbeddedFile(file)) return leaveAlone(ctx, 'user-modified', message('engine-dns:note.edited'));
  const source: DnsSource = ctx.customised ? 'custom' : 'embedded';
  const learnt = learnUpstreams(file, { hash, startedAt: facts.startedAt, ipv6: facts.ipv6, custom: facts.custom }, [...input.history, input.host]);
  if (!learnt) return leaveAlone(ctx, source, message('engine-dns:note.upstreamsUnknown'));
  const servers = learnt.servers.map((s) => s.ip);
  // A redirect is IPv4 to IPv4: the host's IPv4 servers as a container copy would have them.
  const desired = containerCopyOfHost(input.host.settings, { ipv6: false }).nameservers;
  const hostServers = input.host.settings.nameservers;
  const ownResolver = learnt.known === 'host-resolver';
  const follows = (reached: readonly string[]) => ownResolver || (reached.length > 0 && reached.every((s) => desired.includes(s) || hostServers.includes(s)));
  const dockerdNow = input.dockerd?.current ?? [];
  const upstreams = (inContainer: readonly Redirect[], ofDockerd: readonly Redirect[], redirectedTo: string[] | null): Upstreams => {
    const viaDockerd = ofDockerd.some((r) => learnt.servers.some((u) => u.askedFrom === 'dockerd' && u.ip === r.from));
    const viaContainer = inContainer.some((r) => servers.includes(r.from));
    return {
      servers,
      known: learnt.known,
      redirectedTo,
      reached: reachedThrough(learnt.servers, inContainer, ofDockerd),
      via: viaDockerd ? 'dockerd-redirect' : viaContainer ? 'namespace-redirect' : ownResolver ? 'host-resolver' : 'docker-resolver',
    };
  };

  // Switched off, Bridgeport's redirects in its namespace go; dockerd's stay only for others' sake.
  if (ctx.off) {
    const view = upstreams([], ctx.dockerdRedirects, null);
    const note = view.via === 'dockerd-redirect' ? message('engine-dns:note.offStillRedirected', { off: ctx.off, servers: serverList(servers) }) : ctx.off;
    return leaveAlone(ctx, source, note, follows(view.reached), view);
  }
  if (!facts.running) return leaveAlone(ctx, source, message('engine-dns:note.notRunningEmbedded'), true, upstreams([], [], null));

  const inContainer = ownResolver ? [] : redirectsFor(learnt.servers, desired, 'container');
  const dockerdNeeds = ownResolver ? [] : redirectsFor(learnt.servers, desired, 'dockerd');
  const view = upstreams(inContainer, ctx.dockerdRedirects, inContainer.length + dockerdNeeds.length > 0 ? desired : null);
  const synced = follows(view.reached);
  const action: DnsAction = sameRedirects(inContainer, facts.currentRedirects)
    ? NONE
    : { kind: 'redirect', redirects: inContainer, before: reachedThrough(learnt.servers, facts.currentRedirects, dockerdNow), after: view.reached };
  const note = embeddedNote({ servers, hostServers, desired, inContainer, dockerdNeeds, synced, ownResolver, hadRedirects: facts.currentRedirects.length > 0, dockerd: input.dockerd });
  return { view: { ...ctx.base, source, synced, upstreams: view, reach: reachOf(view), ...noteOf(note) }, action, dockerdNeeds };
}

/**
 * Podman has no 127.0.0.11: on a network with DNS on it points the container at aardvark-dns on the
 * gateway (unless --dns says otherwise), else it copies the host's file. Its resolv.conf is read from
 * Podman's runroot like Docker's from its data root; sync does not act on Podman's containers yet.
 */
function planPodman(ctx: Context, aardvark: readonly string[], file: ParsedResolvConf | null, networkDns: readonly string[]): PlannedDns {
  const { dns } = ctx.facts.custom;
  if (dns.length > 0) return leaveAlone(ctx, 'custom', message('engine-dns:note.customDns', { flags: customFlags(ctx.facts.custom) }));
  const answering = file ? file.nameservers.filter((s) => aardvark.includes(s)) : [...aardvark];
  if (answering.length > 0 && networkDns.length > 0) {
    return leaveAlone(ctx, 'custom', message('engine-dns:aardvark.networkDns', { servers: serverList(answering), networkServers: serverList(networkDns) }));
  }
  if (answering.length > 0) return planAardvark(ctx, answering, file !== null);
  const source: DnsSource = ctx.customised ? 'custom' : 'host';
  // Podman gives a container without a network no resolv.conf of its own: the image's file stays.
  if (!file && ctx.facts.networkMode === 'none') return leaveAlone(ctx, source, message('engine-dns:note.podmanNoNetwork'));
  if (!file || !ctx.facts.resolvConf) return leaveAlone(ctx, source, message('engine-dns:note.unreadable'));
  // Podman copied the host's DNS (a network without DNS, or the host's): kept in step as Docker's copies are.
  return planCopy(ctx, file, ctx.facts.resolvConf, 'Podman');
}

/**
 * aardvark-dns forwards to the servers of the host's resolv.conf, read when it starts and when
 * told (SIGHUP): it follows the host once Bridgeport tells it after every change.
 */
function planAardvark(ctx: Context, answering: readonly string[], fileRead: boolean): PlannedDns {
  const { input } = ctx;
  const at = message(fileRead ? 'engine-dns:aardvark.at' : 'engine-dns:aardvark.atUnread', { servers: serverList(answering) });
  const hostServers = input.host.settings.nameservers;
  const told = input.aardvark !== undefined && input.aardvark.pids.length > 0 && input.aardvark.stale.length === 0;
  const reach = (synced: boolean): ContainerDns['reach'] => (synced ? { servers: [...hostServers], via: 'aardvark' } : null);
  const untold = noteOf(message('engine-dns:aardvark.untold', { at }));
  const view = (synced: boolean, note: Message, needsAardvark = false): PlannedDns => ({
    view: { ...ctx.base, source: 'aardvark', synced, ...noteOf(note), reach: reach(synced) },
    action: NONE,
    dockerdNeeds: [],
    needsAardvark,
    untoldNote: untold.note,
    untoldNoteMessage: untold.noteMessage,
  });
  if (!input.aardvark) return view(false, message('engine-dns:aardvark.notRead', { at }));
  if (input.aardvark.pids.length === 0) return view(false, message('engine-dns:aardvark.noneRuns', { at }));
  // One aardvark-dns serves every container: a switched-off container still gets what it is told for the others.
  if (ctx.off) return view(told, message('engine-dns:aardvark.off', { off: ctx.off }));
  return view(true, message('engine-dns:aardvark.follows', { at, servers: serverList(hostServers) }), true);
}

/** The per-container switch (by name, which survives re-creation, or id). */
const switchedOn = (settings: DnsSettings, container: { id: string; name: string }) =>
  !settings.disabledContainers.includes(container.name) && !settings.disabledContainers.includes(container.id);

function planOwn(input: PlanInput, facts: ContainerDnsFacts, dockerdRedirects: readonly Redirect[]): PlannedDns {
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
    reach: file ? { servers: file.nameservers, via: 'resolv.conf' } : null,
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
    off: !syncAllowed ? message('engine-dns:note.containerOff') : !input.settings.enabled ? message('engine-dns:note.globalOff') : null,
    dockerdRedirects,
  };
  if (facts.podman) return planPodman(ctx, facts.podman.aardvark, file, facts.podman.networkDns ?? []);
  const fallbackSource: DnsSource = ctx.customised ? 'custom' : ctx.origin === 'embedded' ? 'embedded' : 'host';
  if (!file || !facts.resolvConf) return leaveAlone(ctx, fallbackSource, message('engine-dns:note.unreadable'));
  // --dns fixes the servers; --dns-search and --dns-option alone leave them to the host, as Docker does.
  if (dns.length > 0) return leaveAlone(ctx, 'custom', message('engine-dns:note.customDns', { flags: customFlags(facts.custom) }));
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
    reach: target?.view.reach ?? null,
    syncAllowed: switchedOn(input.settings, facts.container),
    ...noteOf(message('engine-dns:note.shares', { name: target?.view.container.name ?? ref.slice(0, 12) })),
  };
  return { view, action: NONE, dockerdNeeds: [] };
}

/**
 * Every container's DNS and what to do. dockerd's redirects serve all containers at once: a first
 * pass collects what each needs, the second describes every container with the merged set.
 */
export function planDns(input: PlanInput): DnsPlan {
  const pass = (dockerdRedirects: readonly Redirect[]) => {
    const own = input.containers.map((c) => (resolvOriginOf(c.networkMode) === 'shared' ? null : planOwn(input, c, dockerdRedirects)));
    return input.containers.map((c, i) => own[i] ?? planShared(input, c, own));
  };
  const current = input.dockerd?.current ?? [];
  const usable = input.dockerd?.scope ? input.settings.enabled : false;
  const wanted = usable ? mergeRedirects(pass(current).map((p) => p.dockerdNeeds)) : input.dockerd ? [] : current;
  const containers = pass(wanted);
  // Where no redirect can be made, the ones in place go too (their scope is gone: dockerd moved).
  const changed = input.dockerd !== undefined && !sameRedirects(wanted, current);
  const reloadAardvark = (input.aardvark?.stale.length ?? 0) > 0 && containers.some((c) => c.needsAardvark);
  return { containers, dockerd: changed ? { redirects: wanted, before: current } : null, reloadAardvark };
}

export function planDnsSync(input: PlanInput): PlannedDns[] {
  return planDns(input).containers;
}
