// Does one rule's match part fit the packet as it is at this point of its path? Pure.
// Three answers: match, no match, or unknown (an option Bridgeport does not model).
import type { Message } from '../../../shared/message';
import { portInSpec } from '../../netcore/rules/port-spec';
import type { RuleMatch } from '../../../shared/firewall-model';
import { inCidr, isMulticastIpv4, parseCidr } from '../../netcore/addresses/ipv4';
import { pathMessage as p } from './path-message';
import type { Packet } from './path-types';

export interface MatchView {
  packet: Packet;
  /** Null where the kernel has none (locally generated packets). */
  inInterface: string | null;
  /** Null before routing has chosen one. */
  outInterface: string | null;
  /** What `--ctstate` sees: NEW (or UNTRACKED), plus DNAT/SNAT once rewritten. */
  ctStates: ReadonlySet<string>;
  /** The packet mark, or null once a rule set it to something not followed. */
  mark: number | null;
  isLocal(address: string): boolean;
}

export type MatchResult = { kind: 'match' } | { kind: 'no-match' } | { kind: 'unknown'; unmodelled: Message[] };

/** true, false, or the option that cannot be decided (as the rule says it). */
type Condition = boolean | Message;

/** An option of the rule's own text ("--mark 0x1"): data, said as it is. */
const option = (name: string, value: string): Message => p('unmodelled.option', { option: name, value });

const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp' };

function protocolFits(m: RuleMatch, packet: Packet): Condition {
  if (m.protocol === null) return true;
  const name = PROTOCOL_NUMBERS[m.protocol] ?? m.protocol.toLowerCase();
  const fits = name === 'all' || name === '0' || name === packet.protocol;
  return fits !== m.protocolNegated;
}

function addressFits(cidr: string | null, negated: boolean, address: string, name: string): Condition {
  if (cidr === null) return true;
  if (parseCidr(cidr) === null) return option(name, cidr);
  return inCidr(cidr, address) !== negated;
}

/** `-i`/`-o` names, where a trailing '+' matches every name with that prefix. */
export function interfaceFits(pattern: string | null, negated: boolean, name: string | null): Condition {
  if (pattern === null) return true;
  const fits = name !== null && (pattern.endsWith('+') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);
  return fits !== negated;
}


function dportFits(m: RuleMatch, port: number): Condition {
  if (m.dport === null) return true;
  const fits = portInSpec(m.dport, port);
  return fits === null ? option('--dport', m.dport) : fits !== m.dportNegated;
}

function addressTypeIs(type: string, address: string, view: MatchView): boolean | null {
  switch (type) {
    case 'LOCAL':
      return view.isLocal(address);
    case 'UNICAST':
      return !view.isLocal(address) && !isMulticastIpv4(address) && address !== '255.255.255.255';
    case 'MULTICAST':
      return isMulticastIpv4(address);
    case 'BROADCAST':
      return address === '255.255.255.255' ? true : null;
    default:
      return null;
  }
}

function addressTypeFits(typeSpec: string | null, address: string, view: MatchView, name: string): Condition {
  if (typeSpec === null) return true;
  const negated = typeSpec.startsWith('!');
  const answers = typeSpec.replace(/^!/, '').split(',').map((t) => addressTypeIs(t.toUpperCase(), address, view));
  if (answers.includes(true)) return !negated;
  if (answers.includes(null)) return option(name, typeSpec);
  return negated;
}

function ctstateFits(m: RuleMatch, view: MatchView): Condition {
  if (m.ctstate === null) return true;
  const fits = m.ctstate.some((s) => view.ctStates.has(s.toUpperCase()));
  return fits !== m.ctstateNegated;
}

function markFits(m: RuleMatch, view: MatchView): Condition {
  if (m.mark === null) return true;
  const [valueText, maskText] = m.mark.split('/');
  const value = Number(valueText);
  const mask = maskText === undefined ? 0xffffffff : Number(maskText);
  if (view.mark === null || !Number.isFinite(value) || !Number.isFinite(mask)) return option('--mark', m.mark);
  const fits = ((view.mark & mask) >>> 0) === value >>> 0;
  return fits !== m.markNegated;
}

function conditionsOf(m: RuleMatch, spec: string, view: MatchView): Condition[] {
  const { packet } = view;
  return [
    protocolFits(m, packet),
    addressFits(m.source, m.sourceNegated, packet.source, '-s'),
    addressFits(m.destination, m.destinationNegated, packet.destination, '-d'),
    interfaceFits(m.inInterface, m.inInterfaceNegated, view.inInterface),
    interfaceFits(m.outInterface, m.outInterfaceNegated, view.outInterface),
    dportFits(m, packet.port),
    // The first packet's source port is an ephemeral one nobody can know in advance.
    m.sport === null ? true : p('unmodelled.sport', { port: m.sport }),
    addressTypeFits(m.dstType, packet.destination, view, '--dst-type'),
    addressTypeFits(m.srcType, packet.source, view, '--src-type'),
    ctstateFits(m, view),
    markFits(m, view),
    ...m.unparsed.map((text) => p('unmodelled.text', { text })),
  ];
}

export function matchRule(m: RuleMatch, spec: string, view: MatchView): MatchResult {
  const conditions = conditionsOf(m, spec, view);
  if (conditions.includes(false)) return { kind: 'no-match' };
  const unmodelled = conditions.filter((c): c is Message => typeof c === 'object');
  return unmodelled.length > 0 ? { kind: 'unknown', unmodelled } : { kind: 'match' };
}
