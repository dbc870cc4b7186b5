// The published-port rules of port-rules.ts, rendered natively for nftables hosts (Podman 5's
// netavark nftables driver, Docker 29's nftables backend, hosts without iptables): the same meaning
// per mapping, in Bridgeport's own `table inet bridgeport`, as nft's JSON expressions. Pure.
//   raw-PREROUTING   filter, prerouting, raw-10    DROP loopback destinations arriving from outside
//   nat-PREROUTING   nat, prerouting, dstnat-10    local destinations → nat-DNAT
//   nat-OUTPUT       nat, output, dstnat-10        local destinations → nat-DNAT
//   nat-DNAT         one DNAT per port
//   nat-POSTROUTING  nat, postrouting, srcnat-10   hairpin / loopback MASQUERADE
//   filter-FORWARD   filter, forward, filter-10    ACCEPT what our DNAT made (both directions)
// Each base chain runs before the engine's own at the same hook (netavark and Docker use the
// standard priorities), so our DNAT wins and the engine's nat chains never see those connections.
import type { DesiredNftTable, NftChainSpec, NftExpr, NftRuleSpec } from '../owned-chains/owned-nft-table';
import { viaLoopback, type PortRuleMapping } from './port-rules';

export type { DesiredNftTable, NftChainSpec, NftExpr, NftRuleSpec };

export const NFT_TABLE = { family: 'inet', name: 'bridgeport' } as const;

/** Docker's `bridge-accept-fwmark`: packets with (mark & mask) == value pass Docker 29's forward chain. */
export interface AcceptMark {
  value: number;
  mask: number;
}

export interface NftDesiredOptions {
  /** As in port-rules: keep the loopback guard without mappings while route_localnet is on somewhere. */
  keepLoopbackGuard?: boolean;
  /** Set on the packets we accept, so Docker 29's nftables forward chain accepts them too. */
  acceptMark?: AcceptMark | null;
}

/** Standard priorities (nft's names), ours 10 earlier. */
export const NFT_PRIORITIES = { raw: -310, dstnat: -110, srcnat: 90, filter: -10 } as const;

export const NFT_CHAINS = {
  raw: { name: 'raw-PREROUTING', base: { type: 'filter', hook: 'prerouting', prio: NFT_PRIORITIES.raw } },
  prerouting: { name: 'nat-PREROUTING', base: { type: 'nat', hook: 'prerouting', prio: NFT_PRIORITIES.dstnat } },
  output: { name: 'nat-OUTPUT', base: { type: 'nat', hook: 'output', prio: NFT_PRIORITIES.dstnat } },
  dnat: { name: 'nat-DNAT' },
  postrouting: { name: 'nat-POSTROUTING', base: { type: 'nat', hook: 'postrouting', prio: NFT_PRIORITIES.srcnat } },
  forward: { name: 'filter-FORWARD', base: { type: 'filter', hook: 'forward', prio: NFT_PRIORITIES.filter } },
} as const satisfies Record<string, NftChainSpec>;

export const LOOPBACK_GUARD_COMMENT = 'bridgeport: loopback guard';

const match = (left: NftExpr, right: unknown, op = '=='): NftExpr => ({ match: { op, left, right } });
const payload = (protocol: string, field: string): NftExpr => ({ payload: { protocol, field } });
const meta = (key: string): NftExpr => ({ meta: { key } });

/** An address or a network (172.17.0.0/16); a /32 is the address itself, as nft prints it. */
function address(value: string): unknown {
  const [addr, bits] = value.split('/');
  return bits === undefined || bits === '32' ? addr : { prefix: { addr, len: Number(bits) } };
}

const ports = (start: number, end: number): unknown => (start === end ? start : { range: [start, end] });
const ctDnat = match({ ct: { key: 'status' } }, 'dnat', 'in');
const comment = (m: PortRuleMapping) => `bridgeport:${m.id}`;

/** The fwmark statement: the whole mark when the mask is all ones, else only the mask's bits. */
export function setMark(mark: AcceptMark): NftExpr {
  const mask = mark.mask >>> 0;
  const value = (mark.value & mask) >>> 0;
  if (mask === 0xffffffff) return { mangle: { key: meta('mark'), value } };
  return { mangle: { key: meta('mark'), value: { '|': [{ '&': [meta('mark'), ~mask >>> 0] }, value] } } };
}

function dnatRules(m: PortRuleMapping): NftRuleSpec[] {
  const destination = m.hostIp === '' ? [match(meta('nfproto'), 'ipv4')] : [match(payload('ip', 'daddr'), m.hostIp)];
  const rules: NftRuleSpec[] = [];
  for (let i = 0; i <= m.hostPortEnd - m.hostPort; i++) {
    rules.push({
      chain: NFT_CHAINS.dnat.name,
      expr: [...destination, match(payload(m.protocol, 'dport'), m.hostPort + i), { dnat: { family: 'ip', addr: m.containerIp, port: m.containerPort + i } }],
      comment: comment(m),
    });
  }
  return rules;
}

function masqueradeRules(m: PortRuleMapping): NftRuleSpec[] {
  const tail = [
    match(payload('ip', 'daddr'), m.containerIp),
    match(meta('oifname'), m.bridge),
    match(payload(m.protocol, 'dport'), ports(m.containerPort, m.containerPortEnd)),
    ctDnat,
    { masquerade: null },
  ];
  const sources: string[] = [];
  // Replies to a neighbour on the same bridge would go straight back over the bridge, un-NATed.
  if (!m.hostIp.startsWith('127.')) sources.push(m.subnet);
  // The container would answer 127.0.0.1 on its own loopback.
  if (viaLoopback(m)) sources.push('127.0.0.0/8');
  return sources.map((source) => ({ chain: NFT_CHAINS.postrouting.name, expr: [match(payload('ip', 'saddr'), address(source)), ...tail], comment: comment(m) }));
}

function forwardRules(m: PortRuleMapping, mark: AcceptMark | null): NftRuleSpec[] {
  const verdict = [ctDnat, ...(mark ? [setMark(mark)] : []), { accept: null }];
  const range = ports(m.containerPort, m.containerPortEnd);
  return [
    { chain: NFT_CHAINS.forward.name, expr: [match(payload('ip', 'daddr'), m.containerIp), match(meta('oifname'), m.bridge), match(payload(m.protocol, 'dport'), range), ...verdict], comment: comment(m) },
    { chain: NFT_CHAINS.forward.name, expr: [match(payload('ip', 'saddr'), m.containerIp), match(meta('iifname'), m.bridge), match(payload(m.protocol, 'sport'), range), ...verdict], comment: comment(m) },
  ];
}

const LOOPBACK_GUARD: NftRuleSpec = {
  chain: NFT_CHAINS.raw.name,
  expr: [match(payload('ip', 'daddr'), address('127.0.0.0/8')), match(meta('iifname'), 'lo', '!='), { drop: null }],
  comment: LOOPBACK_GUARD_COMMENT,
};

const localJump: NftExpr[] = [match({ fib: { result: 'type', flags: ['daddr'] } }, 'local'), { jump: { target: NFT_CHAINS.dnat.name } }];

/** What `table inet bridgeport` should hold for these mappings (nothing at all without mappings or a kept guard). */
export function desiredNftTable(mappings: readonly PortRuleMapping[], options: NftDesiredOptions = {}): DesiredNftTable {
  const empty = mappings.length === 0;
  const guard = !empty || options.keepLoopbackGuard === true;
  if (!guard) return { chains: [], rules: [] };
  if (empty) return { chains: [NFT_CHAINS.raw], rules: [LOOPBACK_GUARD] };
  const sorted = [...mappings].sort((a, b) => a.hostPort - b.hostPort || a.protocol.localeCompare(b.protocol) || a.hostIp.localeCompare(b.hostIp));
  const mark = options.acceptMark ?? null;
  return {
    chains: [NFT_CHAINS.raw, NFT_CHAINS.prerouting, NFT_CHAINS.output, NFT_CHAINS.dnat, NFT_CHAINS.postrouting, NFT_CHAINS.forward],
    rules: [
      LOOPBACK_GUARD,
      { chain: NFT_CHAINS.prerouting.name, expr: localJump },
      { chain: NFT_CHAINS.output.name, expr: localJump },
      ...sorted.flatMap(dnatRules),
      ...sorted.flatMap(masqueradeRules),
      ...sorted.flatMap((m) => forwardRules(m, mark)),
    ],
  };
}
