// Maps one nft `match` statement onto the conditions Bridgeport models (the same RuleMatch that
// iptables rules fill). Returns false when the match does not fit, so the caller keeps it as text. Pure.
import type { RuleMatch } from '../../../shared/firewall-model';
import { isRecord, kindOf, metaKeyOf, payloadOf, setMembers, stringField, stringList, type NftValue } from './nft-json-value';
import { portNumberOf } from './service-ports';

// Headers whose mention alone restricts a rule to that protocol, as `tcp dport 80` does.
const TRANSPORT_HEADERS = new Set(['tcp', 'udp', 'sctp', 'dccp', 'udplite', 'icmp', 'icmpv6']);
const PORT_HEADERS = new Set(['tcp', 'udp', 'sctp', 'dccp', 'udplite', 'th']);

type Op = '==' | '!=' | 'in';

/** A single address or a prefix, as iptables writes it: a.b.c.d/32, 10.0.0.0/8, fd00::1/128. */
function addressOf(right: NftValue): string | null {
  if (typeof right === 'string') return right.startsWith('@') ? null : `${right}/${right.includes(':') ? 128 : 32}`;
  const k = kindOf(right);
  if (k?.kind !== 'prefix' || !isRecord(k.body)) return null;
  const { addr, len } = k.body;
  return typeof addr === 'string' && typeof len === 'number' ? `${addr}/${len}` : null;
}

function portPart(value: NftValue): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value.startsWith('@') ? null : portNumberOf(value);
  const k = kindOf(value);
  if (k?.kind !== 'range' || !Array.isArray(k.body) || k.body.length !== 2) return null;
  const [low, high] = k.body.map(portPart);
  return low && high ? `${low}:${high}` : null;
}

/** 80, a range "9000:9002", or an anonymous set as a list "22,80,8000:8010" (iptables' multiport form). */
export function portsOf(right: NftValue): string | null {
  const members = setMembers(right);
  if (members === null) return portPart(right);
  const parts = members.map(portPart);
  return parts.length > 0 && parts.every((p) => p !== null) ? parts.join(',') : null;
}

function protocolOf(right: NftValue): string | null {
  if (typeof right === 'number') return String(right);
  return typeof right === 'string' && !right.startsWith('@') ? right : null;
}

type NegationKey =
  | 'protocolNegated'
  | 'sourceNegated'
  | 'destinationNegated'
  | 'inInterfaceNegated'
  | 'outInterfaceNegated'
  | 'dportNegated';

/** Sets a field once; a second condition on the same field is kept as text instead of overwritten. */
function setOnce<K extends Exclude<keyof RuleMatch, NegationKey | 'unparsed'>>(
  m: RuleMatch,
  key: K,
  value: NonNullable<RuleMatch[K]> | null,
  negatedKey: NegationKey | null,
  negated: boolean,
): boolean {
  if (value === null || m[key] !== null) return false;
  m[key] = value;
  if (negatedKey) m[negatedKey] = negated;
  return true;
}

function applyProtocol(m: RuleMatch, protocol: string | null, negated: boolean): boolean {
  if (protocol === null) return false;
  // `meta l4proto tcp tcp dport 80`: the port match already implied the same protocol.
  if (m.protocol === protocol && m.protocolNegated === negated) return true;
  return setOnce(m, 'protocol', protocol, 'protocolNegated', negated);
}

function applyPayload(m: RuleMatch, protocol: string, field: string, right: NftValue, op: Op): boolean {
  const negated = op === '!=';
  if (op === 'in') return false;
  if (protocol === 'ip' || protocol === 'ip6') {
    if (field === 'saddr') return setOnce(m, 'source', addressOf(right), 'sourceNegated', negated);
    if (field === 'daddr') return setOnce(m, 'destination', addressOf(right), 'destinationNegated', negated);
    if (field === 'protocol' || field === 'nexthdr') return applyProtocol(m, protocolOf(right), negated);
    return false;
  }
  if (PORT_HEADERS.has(protocol)) {
    if (field === 'dport') return setOnce(m, 'dport', portsOf(right), 'dportNegated', negated);
    // The model has no negated source port.
    if (field === 'sport' && !negated) return setOnce(m, 'sport', portsOf(right), null, false);
  }
  return false;
}

/** iptables spells an interface wildcard `br-+`; nft spells it `br-*`. */
function interfaceOf(right: NftValue): string | null {
  if (typeof right !== 'string' || right.startsWith('@')) return null;
  return right.endsWith('*') && !right.endsWith('\\*') ? `${right.slice(0, -1)}+` : right;
}

function markOf(right: NftValue): string | null {
  if (typeof right === 'number') return `0x${right.toString(16)}`;
  return typeof right === 'string' && !right.startsWith('@') ? right : null;
}

function applyMeta(m: RuleMatch, key: string, right: NftValue, op: Op): boolean {
  if (op === 'in') return false;
  const negated = op === '!=';
  switch (key) {
    case 'l4proto':
      return applyProtocol(m, protocolOf(right), negated);
    case 'iifname':
    case 'iif':
      return setOnce(m, 'inInterface', interfaceOf(right), 'inInterfaceNegated', negated);
    case 'oifname':
    case 'oif':
      return setOnce(m, 'outInterface', interfaceOf(right), 'outInterfaceNegated', negated);
    case 'mark':
      return !negated && setOnce(m, 'mark', markOf(right), null, false);
    default:
      return false;
  }
}

// The state bits, as `nft -n` prints them.
const CT_STATE_BITS = new Map([
  [1, 'INVALID'],
  [2, 'ESTABLISHED'],
  [4, 'RELATED'],
  [8, 'NEW'],
  [64, 'UNTRACKED'],
]);

function ctStateNames(value: NftValue): (string | null)[] {
  if (typeof value === 'number') return [CT_STATE_BITS.get(value) ?? null];
  // Old versions may print the list as one string, "established,related".
  return typeof value === 'string' && !value.startsWith('@') ? value.toUpperCase().split(',') : [null];
}

function ctStatesOf(right: NftValue): string[] | null {
  const values = setMembers(right) ?? (Array.isArray(right) ? right : [right]);
  const states = values.flatMap(ctStateNames);
  return states.length > 0 && states.every((s) => s !== null) ? (states as string[]) : null;
}

/** `fib daddr type local` is iptables' `-m addrtype --dst-type LOCAL`. */
function applyFib(m: RuleMatch, body: unknown, right: NftValue, op: Op): boolean {
  if (stringField(body, 'result') !== 'type' || typeof right !== 'string' || op === 'in') return false;
  const flags = stringList(isRecord(body) ? body.flags : null);
  if (flags.length !== 1) return false;
  const type = `${op === '!=' ? '!' : ''}${right.toUpperCase()}`;
  if (flags[0] === 'daddr') return setOnce(m, 'dstType', type, null, false);
  if (flags[0] === 'saddr') return setOnce(m, 'srcType', type, null, false);
  return false;
}

/** `meta mark & 0xff == 0x2` is iptables' `--mark 0x2/0xff`. */
function applyMaskedMark(m: RuleMatch, operands: unknown, right: NftValue, op: Op): boolean {
  if (op !== '==' || !Array.isArray(operands) || metaKeyOf(operands[0]) !== 'mark') return false;
  const value = markOf(right);
  const mask = markOf(operands[1]);
  return value !== null && mask !== null && setOnce(m, 'mark', `${value}/${mask}`, null, false);
}

/** Applies `{ "match": { op, left, right } }` to `m`; false when it must stay in `unparsed`. */
export function applyNftMatch(m: RuleMatch, body: unknown): boolean {
  if (!isRecord(body)) return false;
  const op = typeof body.op === 'string' ? body.op : '==';
  const { left, right } = body;
  const payload = payloadOf(left);
  // Whatever is asked of it, a look into the TCP header only matches TCP packets.
  if (payload && TRANSPORT_HEADERS.has(payload.protocol) && m.protocol === null) m.protocol = payload.protocol;
  if (op !== '==' && op !== '!=' && op !== 'in') return false;
  if (payload) return applyPayload(m, payload.protocol, payload.field, right, op);
  const metaKey = metaKeyOf(left);
  if (metaKey) return applyMeta(m, metaKey, right, op);
  const k = kindOf(left);
  if (k?.kind === 'ct' && stringField(k.body, 'key') === 'state' && !stringField(k.body, 'dir') && op !== '!=') {
    return setOnce(m, 'ctstate', ctStatesOf(right), null, false);
  }
  if (k?.kind === 'fib') return applyFib(m, k.body, right, op);
  if (k?.kind === '&') return applyMaskedMark(m, k.body, right, op);
  return false;
}
