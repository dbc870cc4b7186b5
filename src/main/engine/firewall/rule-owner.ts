// Who wrote a rule or a chain, read from the marks each writer leaves: the native nftables table it
// sits in, its chain names, its comments. Pure.
import type { RuleOwner } from '../../../shared/firewall-model';

/**
 * Native nftables tables that one writer keeps whole (model table names are `<nft family> <name>`):
 * Docker 29's nftables backend, netavark's nftables driver (Podman 5), firewalld's nftables backend.
 */
export function tableOwner(table: string): RuleOwner | null {
  // Asked for every rule: the answer for each table name is kept.
  let owner = tableOwners.get(table);
  if (owner === undefined) {
    owner = ownerOfTable(table);
    if (tableOwners.size < 1000) tableOwners.set(table, owner);
  }
  return owner;
}

const tableOwners = new Map<string, RuleOwner | null>();

function ownerOfTable(table: string): RuleOwner | null {
  const [family, name] = table.split(' ');
  if (name === undefined) return null; // an iptables table (nat, filter …): chains and rules decide
  if ((family === 'ip' || family === 'ip6') && name === 'docker-bridges') return 'docker';
  if (family === 'inet' && name === 'netavark') return 'podman';
  if ((family === 'inet' || family === 'ip' || family === 'ip6') && name === 'firewalld') return 'firewalld';
  if (name.startsWith('bridgeport')) return 'bridgeport';
  return null;
}

/**
 * By chain name, in iptables' shared tables: DOCKER*, Bridgeport's own, and netavark's iptables
 * driver (NETAVARK-HOSTPORT-DNAT, NETAVARK-DN-<hash>, NETAVARK-<hash>, NETAVARK_FORWARD …).
 */
export function chainOwner(name: string): RuleOwner | null {
  if (name.startsWith('BRIDGEPORT') || name.startsWith('bridgeport')) return 'bridgeport';
  if (name.startsWith('DOCKER')) return 'docker';
  if (name.startsWith('NETAVARK-') || name.startsWith('NETAVARK_')) return 'podman';
  return null;
}

/** netavark's iptables driver comments its jumps: "netavark firewall rules", "dnat name: N id: ID", "netavark portfw masq mark". */
export function commentOwner(comment: string | null): RuleOwner | null {
  if (comment === null) return null;
  if (/bridgeport/i.test(comment)) return 'bridgeport';
  if (/^netavark /.test(comment) || /^dnat name: \S+ id: [0-9a-f]+$/.test(comment)) return 'podman';
  return null;
}

/** The container id in netavark's iptables DNAT comment ("dnat name: podman id: 3f2a…"). */
export function netavarkCommentContainerId(comment: string | null): string | null {
  return comment?.match(/^dnat name: \S+ id: ([0-9a-f]{12,64})$/)?.[1] ?? null;
}

export type Engine = 'docker' | 'podman';

/** The engines whose chains are in the firewall: Docker's DOCKER* chains or docker-bridges tables, netavark's. */
export function enginesOf(chains: ReadonlyArray<{ table: string; name: string }>): Set<Engine> {
  const engines = new Set<Engine>();
  for (const c of chains) {
    const owner = tableOwner(c.table) ?? chainOwner(c.name);
    if (owner === 'docker' || owner === 'podman') engines.add(owner);
  }
  return engines;
}

/**
 * Whose a rule outside the engines' own chains is when it names a container, a bridge or a subnet
 * of theirs: the one engine present, or with both, the one whose bridge names it (docker0 and br-…
 * are Docker's, podman0, podman1 … netavark's defaults); null when that cannot be told.
 */
export function engineOfRule(engines: ReadonlySet<Engine>, interfaces: ReadonlyArray<string | null>): Engine | null {
  if (engines.size === 0) return 'docker'; // no chains at all (e.g. Docker with iptables off): as before
  if (engines.size === 1) return [...engines][0]!;
  const named = interfaces.filter((i): i is string => i !== null);
  if (named.some((i) => /^podman\d+$/.test(i))) return 'podman';
  if (named.some((i) => i === 'docker0' || i.startsWith('br-'))) return 'docker';
  return null;
}
