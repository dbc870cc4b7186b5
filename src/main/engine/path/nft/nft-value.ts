// What an nft expression reads from the packet at this point of its path: addresses, ports,
// interface names, marks, conntrack state, fib address types. Pure apart from the state it reads.
import { isMulticastIpv4 } from '../../../netcore/addresses/ipv4';
import { isRecord, kindOf, metaKeyOf, payloadOf, stringField, stringList, type NftValue } from '../../../netcore/nft/nft-json-value';
import type { WalkEnv } from '../walk-state';

/** A value read from the packet; `absent` when the packet has no such field (a UDP packet's `tcp dport`). */
export type Read =
  | { kind: 'address'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'name'; value: string }
  | { kind: 'flags'; value: ReadonlySet<string> }
  | { kind: 'concat'; parts: Read[] }
  | { kind: 'absent' }
  | { kind: 'unknown'; what: string };

export const PROTOCOL_NUMBERS: Readonly<Record<string, number>> = {
  icmp: 1,
  igmp: 2,
  tcp: 6,
  udp: 17,
  dccp: 33,
  gre: 47,
  esp: 50,
  ah: 51,
  'ipv6-icmp': 58,
  icmpv6: 58,
  sctp: 132,
  udplite: 136,
};

const unknown = (what: string): Read => ({ kind: 'unknown', what });

function payload(env: WalkEnv, protocol: string, field: string): Read {
  const { packet } = env.state;
  if (protocol === 'ip') {
    if (field === 'saddr') return { kind: 'address', value: packet.source };
    if (field === 'daddr') return { kind: 'address', value: packet.destination };
    if (field === 'protocol') return { kind: 'number', value: PROTOCOL_NUMBERS[packet.protocol]! };
    return unknown(`ip ${field}`);
  }
  // An IPv4 packet has no IPv6 header: the match fails, as it does in the kernel.
  if (protocol === 'ip6') return { kind: 'absent' };
  if (protocol === 'tcp' || protocol === 'udp' || protocol === 'th') {
    if (protocol !== 'th' && protocol !== packet.protocol) return { kind: 'absent' };
    if (field === 'dport') return { kind: 'number', value: packet.port };
    if (field === 'sport') return unknown(`${protocol} sport (the source port is not known in advance)`);
    return unknown(`${protocol} ${field}`);
  }
  if (['sctp', 'dccp', 'udplite', 'icmp', 'icmpv6'].includes(protocol)) return { kind: 'absent' };
  return unknown(`${protocol} ${field}`);
}

function interfaceName(name: string | null): Read {
  // No device (the input of a locally generated packet, the output before routing): the kernel reads "".
  return { kind: 'name', value: name ?? '' };
}

function meta(env: WalkEnv, key: string): Read {
  const { state } = env;
  switch (key) {
    case 'l4proto':
      return { kind: 'number', value: PROTOCOL_NUMBERS[state.packet.protocol]! };
    case 'nfproto':
      return { kind: 'name', value: 'ipv4' };
    case 'protocol':
      return { kind: 'name', value: 'ip' };
    case 'iifname':
    case 'iif':
      return interfaceName(state.inInterface);
    case 'oifname':
    case 'oif':
      return interfaceName(state.outInterface);
    case 'mark':
      return state.mark === null ? unknown('meta mark (set earlier by a rule Bridgeport does not follow)') : { kind: 'number', value: state.mark };
    default:
      return unknown(`meta ${key}`);
  }
}

function ct(env: WalkEnv, body: unknown): Read {
  const key = stringField(body, 'key');
  if (stringField(body, 'dir') !== null) return unknown(`ct ${stringField(body, 'dir')} ${key}`);
  const { state } = env;
  if (key === 'state') return { kind: 'flags', value: new Set([state.untracked ? 'untracked' : state.established ? 'established' : 'new']) };
  if (key === 'status') {
    if (state.untracked) return { kind: 'flags', value: new Set() };
    const flags = new Set<string>();
    if (state.dnat) flags.add('dnat');
    if (state.snat) flags.add('snat');
    if (state.established) flags.add('seen-reply').add('confirmed');
    return { kind: 'flags', value: flags };
  }
  if (key === 'direction') return { kind: 'name', value: state.established ? 'reply' : 'original' };
  return unknown(`ct ${key}`);
}

function addressType(env: WalkEnv, address: string): string {
  if (env.facts.isLocal(address)) return 'local';
  if (isMulticastIpv4(address)) return 'multicast';
  if (address === '255.255.255.255') return 'broadcast';
  return 'unicast';
}

function fib(env: WalkEnv, body: unknown): Read {
  const flags = stringList(isRecord(body) ? body.flags : null);
  if (stringField(body, 'result') !== 'type' || flags.length !== 1) return unknown(`fib ${flags.join(' . ')} ${stringField(body, 'result') ?? ''}`.trim());
  if (flags[0] === 'daddr') return { kind: 'name', value: addressType(env, env.state.packet.destination) };
  if (flags[0] === 'saddr') return { kind: 'name', value: addressType(env, env.state.packet.source) };
  return unknown(`fib ${flags[0]} type`);
}

function bitwise(env: WalkEnv, op: string, operands: unknown): Read {
  if (!Array.isArray(operands) || operands.length !== 2) return unknown(`a "${op}" expression`);
  const [left, right] = operands.map((o) => readValue(env, o));
  if (left?.kind !== 'number' || right?.kind !== 'number') return left?.kind === 'unknown' ? left : unknown(`a "${op}" expression`);
  const value = op === '&' ? left.value & right.value : op === '|' ? left.value | right.value : op === '^' ? left.value ^ right.value : null;
  return value === null ? unknown(`a "${op}" expression`) : { kind: 'number', value: value >>> 0 };
}

/** Reads an expression of a match's left side (or a statement's value) from the packet. */
export function readValue(env: WalkEnv, expr: NftValue): Read {
  if (typeof expr === 'number') return { kind: 'number', value: expr };
  const p = payloadOf(expr);
  if (p) return payload(env, p.protocol, p.field);
  const key = metaKeyOf(expr);
  if (key) return meta(env, key);
  const k = kindOf(expr);
  if (!k) return unknown(JSON.stringify(expr));
  if (k.kind === 'ct') return ct(env, k.body);
  if (k.kind === 'fib') return fib(env, k.body);
  if (k.kind === '&' || k.kind === '|' || k.kind === '^') return bitwise(env, k.kind, k.body);
  if (k.kind === 'concat' && Array.isArray(k.body)) {
    const parts = k.body.map((part) => readValue(env, part));
    return parts.find((r) => r.kind === 'unknown') ?? parts.find((r) => r.kind === 'absent') ?? { kind: 'concat', parts };
  }
  return unknown(k.kind);
}
