// The BRIDGEPORT-DOCKERD-DNS chains in the host's nat table. Docker 28 forwards the queries of its
// embedded resolver to `host(…)` servers from dockerd's own (the host's) namespace, so a redirect
// in the container's namespace never sees them. These DNATs do, and only dockerd's: every rule
// matches the cgroup v2 of dockerd (`-m cgroup --path`), so no other process's DNS is changed.
// A redirected query may leave by another interface than the old server's (a VPN): the second chain
// gives it that interface's address. Pure; the planning is the one owned-chain planner's.
import type { ParsedRuleset } from '../rules/parsed-rule';
import type { OwnedChainSet } from '../owned-chains/owned-chain-set';
import { planOwnedChains } from '../owned-chains/plan-owned-chains';
import { tokenizeRule } from '../iptables/tokenize-rule';
import type { Redirect } from './dns-redirect-rules';

export const DOCKERD_DNS_CHAIN = 'BRIDGEPORT-DOCKERD-DNS';
export const DOCKERD_DNS_SOURCE_CHAIN = 'BRIDGEPORT-DOCKERD-DNS-SRC';

/** What iptables-restore reads in a cgroup path without quoting (systemd's escapes stay out). */
const CGROUP_PATH = /^\/[A-Za-z0-9_.@:/-]{0,4095}$/;

export const isRuleSafeCgroupPath = (path: string): boolean => CGROUP_PATH.test(path) && !path.split('/').includes('..');

export interface DockerdRedirects {
  /** dockerd's cgroup v2 path, as the rules match it; null when none is in place. */
  cgroup: string | null;
  redirects: Redirect[];
}

/** The value following `flag` in a rule's words. */
function valueAfter(words: readonly string[], flag: string): string | null {
  const at = words.indexOf(flag);
  return at >= 0 ? words[at + 1] ?? null : null;
}

/** The redirects the host's BRIDGEPORT-DOCKERD-DNS holds now (each upstream once), and the cgroup they match. */
export function dockerdRedirectsIn(current: ParsedRuleset): DockerdRedirects {
  const seen = new Map<string, Redirect>();
  let cgroup: string | null = null;
  for (const rule of current.rules) {
    if (rule.family !== 'ipv4' || rule.table !== 'nat' || rule.chain !== DOCKERD_DNS_CHAIN || rule.target !== 'DNAT') continue;
    const words = tokenizeRule(rule.spec);
    const from = /^(\d+\.\d+\.\d+\.\d+)\/32$/.exec(rule.match.destination ?? '')?.[1];
    const to = /^(\d+\.\d+\.\d+\.\d+)(?::53)?$/.exec(rule.toDestination ?? '')?.[1];
    cgroup ??= valueAfter(words, '--path');
    if (from && to && rule.match.dport === '53' && !seen.has(from)) seen.set(from, { from, to });
  }
  return { cgroup, redirects: [...seen.values()] };
}

/** First in OUTPUT and POSTROUTING: dockerd's queries are never Docker's own NAT business. */
export function dockerdRedirectChainSet(wanted: readonly Redirect[], cgroup: string | null): OwnedChainSet {
  if (wanted.length > 0 && (cgroup === null || !isRuleSafeCgroupPath(cgroup))) {
    throw new Error(`dockerd's cgroup ${cgroup ?? '(none)'} cannot scope a DNS redirect`);
  }
  const scope = `-m cgroup --path ${cgroup}`;
  const rules = wanted.flatMap(({ from, to }) =>
    ['udp', 'tcp'].map((proto) => `-A ${DOCKERD_DNS_CHAIN} -d ${from}/32 -p ${proto} -m ${proto} --dport 53 ${scope} -j DNAT --to-destination ${to}:53`),
  );
  const sources = wanted.flatMap(({ from, to }) =>
    ['udp', 'tcp'].map(
      (proto) => `-A ${DOCKERD_DNS_SOURCE_CHAIN} -d ${to}/32 -p ${proto} -m ${proto} --dport 53 ${scope} -m conntrack --ctstate DNAT --ctorigdst ${from} -j MASQUERADE`,
    ),
  );
  const some = wanted.length > 0;
  return {
    tables: [
      {
        table: 'nat',
        owned: [DOCKERD_DNS_CHAIN, DOCKERD_DNS_SOURCE_CHAIN],
        chains: some ? [DOCKERD_DNS_CHAIN, DOCKERD_DNS_SOURCE_CHAIN] : [],
        rules: [...rules, ...sources],
        jumps: some
          ? [
              { from: 'OUTPUT', spec: `-A OUTPUT -j ${DOCKERD_DNS_CHAIN}`, at: 'first' },
              { from: 'POSTROUTING', spec: `-A POSTROUTING -j ${DOCKERD_DNS_SOURCE_CHAIN}`, at: 'first' },
            ]
          : [],
      },
    ],
  };
}

/** One `iptables-restore --noflush --counters` batch for the host's nat table, or null when nothing needs doing. */
export function planDockerdRedirectBatch(current: ParsedRuleset, wanted: readonly Redirect[], cgroup: string | null): string | null {
  return planOwnedChains(dockerdRedirectChainSet(wanted, cgroup), current);
}
