// One plain sentence per rule: the conditions it matches, then what happens, as a message (catalogue
// engine-nat) built phrase by phrase so the window can say it in its language. Pure.
import type { RuleMatch } from '../../../shared/firewall-model';
import { message, type Message } from '../../../shared/message';
import type { ParsedRule } from '../../netcore/rules/parsed-rule';

const nat = (key: string, params: Record<string, string | number | Message | Message[]> = {}) => message(`engine-nat:${key}`, params);
/** A phrase said one way, or its negation (`not to …`). */
const maybeNot = (negated: boolean, key: string, params: Record<string, string | number | Message>) => nat(negated ? `${key}Not` : key, params);
const noHostMask = (address: string) => address.replace(/\/32$/, '');

// nft's `meta l4proto { tcp, udp }` (netavark's DNS rule, firewalld's ICMP rule): the model holds one
// protocol, so the set stays an unread condition, but it is said as protocols.
const PROTOCOL_SET = /^meta l4proto \{ ([\w-]+(?:, [\w-]+)*) \}$/;

function protocolSetOf(m: RuleMatch): { text: string; names: string[] } | null {
  if (m.protocol !== null) return null;
  for (const text of m.unparsed) {
    const names = PROTOCOL_SET.exec(text)?.[1]?.split(', ');
    if (names) return { text, names };
  }
  return null;
}

function protocolPhrase(m: RuleMatch): Message {
  const set = protocolSetOf(m);
  if (set) {
    const [first, ...rest] = set.names.map((n) => nat('protocol.one', { protocol: n.toUpperCase() }));
    return rest.reduce((either, next) => nat('protocol.either', { first: either, second: next }), first!);
  }
  if (!m.protocol || m.protocol === 'all') return nat('protocol.all');
  return nat(m.protocolNegated ? 'protocol.non' : 'protocol.one', { protocol: m.protocol.toUpperCase() });
}

function portPhrase(port: string): Message {
  return port.includes(':') ? nat('port.range', { range: port.replace(':', '-') }) : nat('port.one', { port });
}

function destinationPhrase(m: RuleMatch, impliedLocal: boolean): Message | null {
  const address = m.destination ? noHostMask(m.destination) : null;
  const local = m.dstType === 'LOCAL' || (impliedLocal && m.dstType === null);
  if (local && address) return nat(m.destinationNegated ? 'to.localOther' : 'to.address', { address });
  if (address) return maybeNot(m.destinationNegated, 'to.address', { address });
  if (local) return nat('to.anyLocal');
  if (m.dstType === '!LOCAL') return nat('to.nonLocal');
  if (m.dstType) return nat('to.type', { type: m.dstType.toLowerCase() });
  return null;
}

/** The conditions a rule matches, e.g. "TCP to 172.17.0.2, port 80, arriving from docker0". */
export function conditionsOf(m: RuleMatch, impliedLocal = false): Message {
  const destination = destinationPhrase(m, impliedLocal);
  const head = destination ? nat('head', { protocol: protocolPhrase(m), destination }) : protocolPhrase(m);
  const rest: Message[] = [];
  if (m.dport) rest.push(maybeNot(m.dportNegated, 'dport', { port: portPhrase(m.dport) }));
  if (m.sport) rest.push(maybeNot(m.sportNegated, 'sport', { port: portPhrase(m.sport) }));
  if (m.source) rest.push(maybeNot(m.sourceNegated, 'from', { address: noHostMask(m.source) }));
  if (m.inInterface) rest.push(maybeNot(m.inInterfaceNegated, 'in', { interface: m.inInterface }));
  if (m.outInterface) rest.push(maybeNot(m.outInterfaceNegated, 'out', { interface: m.outInterface }));
  if (m.ctstate) rest.push(maybeNot(m.ctstateNegated, 'ctstate', { states: m.ctstate.join('/') }));
  if (m.mark) rest.push(maybeNot(m.markNegated, 'mark', { mark: m.mark }));
  if (m.comment) rest.push(nat('comment', { comment: m.comment }));
  const said = protocolSetOf(m)?.text;
  const unsaid = m.unparsed.filter((u) => u !== said);
  if (unsaid.length > 0) rest.push(nat('unread', { text: unsaid.join(' ') }));
  return nat('conditions', { phrases: [head, ...rest] });
}

function isHairpin(rule: ParsedRule): boolean {
  const m = rule.match;
  return m.source !== null && m.source === m.destination && m.source.endsWith('/32');
}

/** What a jump into one of netavark's port-forwarding chains does, in words (its chain names are not self-explaining). */
function netavarkJump(target: string, containerName: string | null): Message | null {
  if (target === 'NETAVARK-HOSTPORT-SETMARK') {
    return containerName ? nat('action.netavarkSetmarkOf', { chain: target, container: containerName }) : nat('action.netavarkSetmark', { chain: target });
  }
  if (target === 'NETAVARK-HOSTPORT-DNAT') return nat('action.netavarkDnat', { chain: target });
  if (target === 'NETAVARK-HOSTPORT-MASQ') return nat('action.netavarkMasq', { chain: target });
  if (/^NETAVARK-DN-|^nv_.+_dnat$/.test(target)) {
    return containerName ? nat('action.netavarkNetworkOf', { chain: target, container: containerName }) : nat('action.netavarkNetwork', { chain: target });
  }
  return null;
}

export function actionOf(rule: ParsedRule, containerName: string | null, targetIsChain: boolean): Message {
  const to = rule.toDestination ?? rule.targetArgs;
  switch (rule.target) {
    case 'DNAT':
      return containerName ? nat('action.dnatTo', { container: containerName, to }) : nat('action.dnat', { to });
    case 'SNAT':
      return nat('action.snat', { to });
    case 'MASQUERADE':
      if (!isHairpin(rule)) return nat('action.masquerade');
      return containerName ? nat('action.hairpinOf', { container: containerName }) : nat('action.hairpin');
    case 'REDIRECT':
      return nat('action.redirect', { port: to });
    case 'ACCEPT':
      return containerName ? nat('action.acceptFor', { container: containerName }) : nat('action.accept');
    case 'DROP':
      return nat('action.drop');
    case 'REJECT':
      return nat('action.reject');
    case 'RETURN':
      return nat('action.return');
    case '':
      return nat('action.countOnly');
    case 'MARK':
      return rule.chain === 'NETAVARK-HOSTPORT-SETMARK' ? nat('action.netavarkMark') : nat('action.mark', { args: rule.targetArgs });
    default:
      return (
        netavarkJump(rule.target, containerName) ??
        (targetIsChain ? nat('action.jump', { chain: rule.target }) : rule.targetArgs ? nat('action.otherWith', { target: rule.target, args: rule.targetArgs.trimEnd() }) : nat('action.other', { target: rule.target }))
      );
  }
}

export interface ExplainContext {
  containerName: string | null;
  /** Every jump into this rule's chain requires a local destination (Docker's nat DOCKER chain). */
  impliedLocal: boolean;
  targetIsChain: boolean;
}

export function explainRule(rule: ParsedRule, context: ExplainContext): Message {
  return nat('rule', { conditions: conditionsOf(rule.match, context.impliedLocal), action: actionOf(rule, context.containerName, context.targetIsChain) });
}
