// The rules that implement Bridgeport's published ports, rendered exactly as iptables-save prints
// them. Pure. Only Bridgeport's own chains are filled; the built-in (and DOCKER-USER) chains only get
// one jump each. Design (tested in the lab, see issue 4):
//   nat    BRIDGEPORT-DNAT         from PREROUTING and OUTPUT for local destinations: one DNAT per port
//          BRIDGEPORT-POSTROUTING  MASQUERADE for connections from the container's own bridge (hairpin)
//                                  and from 127.0.0.0/8 (the host's loopback, with route_localnet)
//   filter BRIDGEPORT-FORWARD      from DOCKER-USER (FORWARD without Docker): ACCEPT what our DNAT made
//   raw    BRIDGEPORT-RAW          from PREROUTING: DROP loopback destinations arriving from outside,
//                                  the hole Docker had for 127.0.0.1 bindings (moby#41872)
import type { OwnedChainSet, OwnedTable, TableName } from '../owned-chains/owned-chain-set';
import type { ParsedRuleset } from '../rules/parsed-rule';

/** A published port resolved against its running container (the contract's PortRuleMapping has this shape). */
export interface PortRuleMapping {
  id: string;
  protocol: 'tcp' | 'udp';
  /** '' for every address of the host. */
  hostIp: string;
  hostPort: number;
  hostPortEnd: number;
  containerPort: number;
  containerPortEnd: number;
  containerIp: string;
  bridge: string;
  subnet: string;
}

export type { TableName };

export interface JumpRule {
  table: TableName;
  /** The chain that jumps: PREROUTING, OUTPUT, POSTROUTING, DOCKER-USER or FORWARD. */
  from: string;
  /** The rule as iptables-save prints it (with `-A from`). */
  spec: string;
}

export interface DesiredTable {
  chains: string[];
  /** Rules of our chains, in order, as iptables-save prints them. */
  rules: string[];
}

export interface DesiredRules {
  tables: Record<TableName, DesiredTable>;
  jumps: JumpRule[];
}

export const OWN_CHAINS: Record<TableName, string[]> = {
  filter: ['BRIDGEPORT-FORWARD'],
  nat: ['BRIDGEPORT-DNAT', 'BRIDGEPORT-POSTROUTING'],
  raw: ['BRIDGEPORT-RAW'],
};

/** The jumps into our chains; the filter jump goes into DOCKER-USER when Docker made one. */
export function jumpRules(hasDockerUser: boolean): JumpRule[] {
  const forwardFrom = hasDockerUser ? 'DOCKER-USER' : 'FORWARD';
  return [
    { table: 'filter', from: forwardFrom, spec: `-A ${forwardFrom} -j BRIDGEPORT-FORWARD` },
    { table: 'raw', from: 'PREROUTING', spec: '-A PREROUTING -j BRIDGEPORT-RAW' },
    { table: 'nat', from: 'PREROUTING', spec: '-A PREROUTING -m addrtype --dst-type LOCAL -j BRIDGEPORT-DNAT' },
    { table: 'nat', from: 'OUTPUT', spec: '-A OUTPUT -m addrtype --dst-type LOCAL -j BRIDGEPORT-DNAT' },
    { table: 'nat', from: 'POSTROUTING', spec: '-A POSTROUTING -j BRIDGEPORT-POSTROUTING' },
  ];
}

const comment = (m: PortRuleMapping) => `-m comment --comment "bridgeport:${m.id}"`;
const portMatch = (proto: string, option: '--dport' | '--sport', start: number, end: number) =>
  `-p ${proto} -m ${proto} ${option} ${start === end ? start : `${start}:${end}`}`;

/** One DNAT per port: a range in --to-destination would pick any port of it, not the matching one. */
function dnatRules(m: PortRuleMapping): string[] {
  const destination = m.hostIp === '' ? '' : `-d ${m.hostIp}/32 `;
  const rules: string[] = [];
  for (let i = 0; i <= m.hostPortEnd - m.hostPort; i++) {
    rules.push(
      `-A BRIDGEPORT-DNAT ${destination}${portMatch(m.protocol, '--dport', m.hostPort + i, m.hostPort + i)} ${comment(m)} -j DNAT --to-destination ${m.containerIp}:${m.containerPort + i}`,
    );
  }
  return rules;
}

/** Reachable from the host's 127.0.0.1: when bound to every address or to 127.0.0.1 itself. */
export function viaLoopback(m: Pick<PortRuleMapping, 'hostIp'>): boolean {
  return m.hostIp === '' || m.hostIp.startsWith('127.');
}

function masqueradeRules(m: PortRuleMapping): string[] {
  const tail = `-d ${m.containerIp}/32 -o ${m.bridge} ${portMatch(m.protocol, '--dport', m.containerPort, m.containerPortEnd)} -m conntrack --ctstate DNAT ${comment(m)} -j MASQUERADE`;
  const rules: string[] = [];
  // Replies to a neighbour on the same bridge would go straight back over the bridge, un-NATed.
  if (!m.hostIp.startsWith('127.')) rules.push(`-A BRIDGEPORT-POSTROUTING -s ${m.subnet} ${tail}`);
  // The container would answer 127.0.0.1 on its own loopback.
  if (viaLoopback(m)) rules.push(`-A BRIDGEPORT-POSTROUTING -s 127.0.0.0/8 ${tail}`);
  return rules;
}

/** Both directions: hosts without Docker's RELATED,ESTABLISHED rule would drop the replies. */
function forwardRules(m: PortRuleMapping): string[] {
  const ctstate = `-m conntrack --ctstate DNAT ${comment(m)} -j ACCEPT`;
  return [
    `-A BRIDGEPORT-FORWARD -d ${m.containerIp}/32 -o ${m.bridge} ${portMatch(m.protocol, '--dport', m.containerPort, m.containerPortEnd)} ${ctstate}`,
    `-A BRIDGEPORT-FORWARD -s ${m.containerIp}/32 -i ${m.bridge} ${portMatch(m.protocol, '--sport', m.containerPort, m.containerPortEnd)} ${ctstate}`,
  ];
}

const LOOPBACK_GUARD = '-A BRIDGEPORT-RAW -d 127.0.0.0/8 ! -i lo -m comment --comment "bridgeport: loopback guard" -j DROP';

export interface DesiredOptions {
  /**
   * Keep the loopback guard (raw chain and its jump) even without mappings: some interface still has
   * route_localnet on, so packets to 127.0.0.0/8 from outside would otherwise be routed in.
   */
  keepLoopbackGuard?: boolean;
}

/** What our chains should hold for these mappings; no mappings means no chains and no jumps (but the guard, when kept). */
export function desiredRules(mappings: readonly PortRuleMapping[], hasDockerUser: boolean, options: DesiredOptions = {}): DesiredRules {
  const empty = mappings.length === 0;
  const guard = !empty || options.keepLoopbackGuard === true;
  const sorted = [...mappings].sort((a, b) => a.hostPort - b.hostPort || a.protocol.localeCompare(b.protocol) || a.hostIp.localeCompare(b.hostIp));
  const table = (name: TableName, rules: string[]): DesiredTable => ({ chains: empty ? [] : OWN_CHAINS[name], rules });
  return {
    tables: {
      filter: table('filter', sorted.flatMap(forwardRules)),
      nat: table('nat', [...sorted.flatMap(dnatRules), ...sorted.flatMap(masqueradeRules)]),
      raw: { chains: guard ? OWN_CHAINS.raw : [], rules: guard ? [LOOPBACK_GUARD] : [] },
    },
    jumps: empty ? (guard ? jumpRules(hasDockerUser).filter((j) => j.table === 'raw') : []) : jumpRules(hasDockerUser),
  };
}

/** Whether the rule set holds our loopback guard now. */
export function hasLoopbackGuard(current: ParsedRuleset): boolean {
  return current.rules.some((r) => r.family === 'ipv4' && r.table === 'raw' && r.chain === 'BRIDGEPORT-RAW' && r.match.comment === 'bridgeport: loopback guard');
}

/** The tables in batch order: adding, ACCEPT before DNAT so no moment drops what is already rewritten; removing, DNAT first. */
export function portChainSet(desired: DesiredRules): OwnedChainSet {
  // Removing the published ports (the loopback guard may stay): DNAT goes first.
  const removing = !desired.jumps.some((j) => j.table === 'nat');
  const order: TableName[] = removing ? ['nat', 'raw', 'filter'] : ['filter', 'raw', 'nat'];
  return {
    tables: order.map(
      (table): OwnedTable => ({
        table,
        owned: OWN_CHAINS[table],
        chains: desired.tables[table].chains,
        rules: desired.tables[table].rules,
        // DOCKER-USER ends with `-j RETURN` on Docker before 27: our jump goes before it, after the user's rules.
        jumps: desired.jumps.filter((j) => j.table === table).map((j) => ({ from: j.from, spec: j.spec, at: j.from === 'DOCKER-USER' ? 'before-final-return' : 'first' })),
      }),
    ),
  };
}
