// The upstream servers of Docker's embedded resolver (127.0.0.11) for one container, and the DNAT
// redirects that point stale ones at the host's DNS now. dockerd forwards a query from the
// container's namespace (a redirect there reaches it), except for servers written `host(IP)`,
// which it asks from its own, the host's, namespace (28 writes every server of the host's file so;
// 26.1 did not): those are redirected there, scoped to dockerd. Pure.
import ipaddr from 'ipaddr.js';
import type { Upstreams } from '../../../shared/dns-model';
import { docker20CustomText, docker20HostCopyText, dockerContentHash, isLoopbackServer } from './docker-copy';
import type { ParsedResolvConf } from '../../netcore/resolv-conf/resolv-conf';
import { parseResolvConf } from '../../netcore/resolv-conf/resolv-conf';
import type { Redirect } from '../../netcore/rulesets/dns-redirect-rules';

export interface HostState {
  since: string;
  text: string;
}

/** Where dockerd sends the queries for an upstream from, and so where a redirect must sit. */
export type AskedFrom = 'container' | 'dockerd';

export interface Upstream {
  ip: string;
  askedFrom: AskedFrom;
}

export interface LearntUpstreams {
  servers: Upstream[];
  known: Upstreams['known'];
}

export type { Redirect };

const isIpv4 = (address: string) => ipaddr.IPv4.isValidFourPartDecimal(address);

/** Docker 20.10 takes the IPv4 servers of its host copy as upstreams (setExternalResolvers, IPv4). */
const upstreamsOfCopy = (copyText: string): Upstream[] =>
  parseResolvConf(copyText)
    .nameservers.filter(isIpv4)
    .map((ip) => ({ ip, askedFrom: 'container' as const }));

// Docker's nanoseconds are more than Date.parse promises to read.
const millis = (iso: string) => Date.parse(iso.replace(/(\.\d{3})\d+/, '$1'));

/** The host state in force when the container started: the latest one seen before, else the earliest known. */
export function stateAt<T extends HostState>(states: readonly T[], startedAt: string): T | null {
  const started = millis(startedAt);
  const before = states.filter((s) => millis(s.since) <= started);
  return before.at(-1) ?? states[0] ?? null;
}

/**
 * states: every host state Bridgeport knows, oldest first (the current one last). The file's
 * ExtServers line says it outright; else the state whose Docker 20.10 copy hashes to the
 * container's .hash confirms it; else it is assumed from the time the container started.
 */
export function learnUpstreams(
  file: ParsedResolvConf,
  container: { hash: string | null; startedAt: string; ipv6: boolean; custom: { search: string[]; options: string[] } },
  states: readonly HostState[],
): LearntUpstreams | null {
  if (file.extServers) {
    const servers = file.extServers.map((s): Upstream => ({ ip: s.ip, askedFrom: s.fromHost ? 'dockerd' : 'container' }));
    const ownResolver = file.extServers.length > 0 && file.extServers.every((s) => s.fromHost && isLoopbackServer(s.ip));
    return { servers, known: ownResolver ? 'host-resolver' : 'docker' };
  }
  if (container.hash) {
    const hasCustom = container.custom.search.length > 0 || container.custom.options.length > 0;
    for (const state of [...states].reverse()) {
      for (const ipv6 of new Set([container.ipv6, false])) {
        const copy = docker20HostCopyText(state.text, ipv6);
        const hashed = hasCustom ? docker20CustomText(copy, container.custom) : copy;
        if (dockerContentHash(hashed) === container.hash) return { servers: upstreamsOfCopy(copy), known: 'confirmed' };
      }
    }
  }
  const assumed = stateAt(states, container.startedAt);
  return assumed ? { servers: upstreamsOfCopy(docker20HostCopyText(assumed.text, false)), known: 'assumed' } : null;
}

/**
 * Each stale upstream asked from `from` goes to the desired server at its position (or the last
 * one); only where the family matches, as a DNAT cannot change it.
 */
export function redirectsFor(upstreams: readonly Upstream[], desired: readonly string[], from: AskedFrom): Redirect[] {
  const redirects: Redirect[] = [];
  upstreams.forEach((u, i) => {
    if (u.askedFrom !== from || desired.includes(u.ip) || redirects.some((r) => r.from === u.ip)) return;
    const to = desired[Math.min(i, desired.length - 1)];
    if (to !== undefined && isIpv4(to) === isIpv4(u.ip)) redirects.push({ from: u.ip, to });
  });
  return redirects;
}

const key = (r: Redirect) => `${r.from}>${r.to}`;

/** The same redirects, in any order (the planner compares the chain's rules themselves). */
export function sameRedirects(a: readonly Redirect[], b: readonly Redirect[]): boolean {
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

/** The redirects of all, each upstream once (the first container's wins: they all aim at the host's DNS now). */
export function mergeRedirects(lists: ReadonlyArray<readonly Redirect[]>): Redirect[] {
  const merged = new Map<string, Redirect>();
  for (const r of lists.flat()) if (!merged.has(r.from)) merged.set(r.from, { ...r });
  return [...merged.values()];
}

/** The servers the resolver reaches once the redirects apply, without repeats. */
export function throughRedirects(servers: readonly string[], redirects: readonly Redirect[]): string[] {
  const reached = servers.map((s) => redirects.find((r) => r.from === s)?.to ?? s);
  return [...new Set(reached)];
}
