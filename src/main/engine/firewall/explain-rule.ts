// One plain sentence per rule: the conditions it matches, then what happens. Pure.
import type { RuleMatch } from '../../../shared/firewall-model';
import type { ParsedRule } from '../../netcore/rules/parsed-rule';

const not = (negated: boolean) => (negated ? 'not ' : '');

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

function protocolPhrase(m: RuleMatch): string {
  const set = protocolSetOf(m);
  if (set) return set.names.map((n) => n.toUpperCase()).join(' or ');
  if (!m.protocol || m.protocol === 'all') return 'All traffic';
  return `${m.protocolNegated ? 'Non-' : ''}${m.protocol.toUpperCase()}`;
}

function portPhrase(port: string): string {
  return port.includes(':') ? `ports ${port.replace(':', '-')}` : `port ${port}`;
}

function destinationPhrase(m: RuleMatch, impliedLocal: boolean): string | null {
  const address = m.destination?.replace(/\/32$/, '') ?? null;
  const local = m.dstType === 'LOCAL' || (impliedLocal && m.dstType === null);
  if (local && address) return m.destinationNegated ? `to a local address other than ${address}` : `to ${address}`;
  if (address) return `${not(m.destinationNegated)}to ${address}`;
  if (local) return 'to any local address';
  if (m.dstType === '!LOCAL') return 'to a non-local address';
  if (m.dstType) return `to a ${m.dstType.toLowerCase()} address`;
  return null;
}

export function conditionsOf(m: RuleMatch, impliedLocal = false): string {
  const parts = [protocolPhrase(m)];
  const head = [parts[0], destinationPhrase(m, impliedLocal)].filter(Boolean).join(' ');
  const rest: string[] = [];
  if (m.dport) rest.push(`${not(m.dportNegated)}${portPhrase(m.dport)}`);
  if (m.sport) rest.push(`${not(m.sportNegated)}from ${portPhrase(m.sport)}`);
  if (m.source) rest.push(`${not(m.sourceNegated)}from ${m.source.replace(/\/32$/, '')}`);
  if (m.inInterface) rest.push(`${not(m.inInterfaceNegated)}arriving from ${m.inInterface}`);
  if (m.outInterface) rest.push(`${not(m.outInterfaceNegated)}leaving by ${m.outInterface}`);
  if (m.ctstate) rest.push(`${not(m.ctstateNegated)}in connection state ${m.ctstate.join('/')}`);
  if (m.mark) rest.push(`${not(m.markNegated)}marked ${m.mark}`);
  if (m.comment) rest.push(`(“${m.comment}”)`);
  const said = protocolSetOf(m)?.text;
  const unsaid = m.unparsed.filter((u) => u !== said);
  if (unsaid.length > 0) rest.push(`and ${unsaid.join(' ')}`);
  return [head, ...rest].join(', ');
}

function isHairpin(rule: ParsedRule): boolean {
  const m = rule.match;
  return m.source !== null && m.source === m.destination && m.source.endsWith('/32');
}

/** What a jump into one of netavark's port-forwarding chains does, in words (its chain names are not self-explaining). */
function netavarkJump(target: string, containerName: string | null): string | null {
  const forWho = containerName ? ` of ${containerName}` : '';
  if (target === 'NETAVARK-HOSTPORT-SETMARK') {
    return `→ marked for masquerading (${target}): a connection from the host itself or from the container's own network to the published port${forWho}, so the reply comes back through the host`;
  }
  if (target === 'NETAVARK-HOSTPORT-DNAT') return `→ continues in chain ${target} (Podman's published ports)`;
  if (target === 'NETAVARK-HOSTPORT-MASQ') return `→ continues in chain ${target} (masquerades what Podman marked for it)`;
  if (/^NETAVARK-DN-|^nv_.+_dnat$/.test(target)) {
    return `→ continues in chain ${target} (Podman's published ports on one network${containerName ? `; this port is ${containerName}'s` : ''})`;
  }
  return null;
}

export function actionOf(rule: ParsedRule, containerName: string | null, targetIsChain: boolean): string {
  const who = containerName ? `${containerName} ` : '';
  switch (rule.target) {
    case 'DNAT':
      return `→ ${who}${rule.toDestination ?? rule.targetArgs}`;
    case 'SNAT':
      return `→ source rewritten to ${rule.toDestination ?? rule.targetArgs}`;
    case 'MASQUERADE':
      return isHairpin(rule)
        ? `→ masqueraded: ${who}reaching its own published port through the host (hairpin)`
        : '→ masqueraded (source rewritten to the outgoing interface address)';
    case 'REDIRECT':
      return `→ redirected to local port ${rule.toDestination ?? rule.targetArgs}`;
    case 'ACCEPT':
      return `→ accepted${who ? ` (for ${who.trim()})` : ''}`;
    case 'DROP':
      return '→ dropped';
    case 'REJECT':
      return '→ rejected';
    case 'RETURN':
      return '→ back to the calling chain';
    case '':
      return '→ counted only (no target)';
    case 'MARK':
      return rule.chain === 'NETAVARK-HOSTPORT-SETMARK'
        ? '→ marked 0x2000, which netavark\'s POSTROUTING rule masquerades'
        : `→ packet mark set (${rule.targetArgs})`;
    default:
      return netavarkJump(rule.target, containerName) ?? (targetIsChain ? `→ continues in chain ${rule.target}` : `→ ${rule.target} ${rule.targetArgs}`.trimEnd());
  }
}

export interface ExplainContext {
  containerName: string | null;
  /** Every jump into this rule's chain requires a local destination (Docker's nat DOCKER chain). */
  impliedLocal: boolean;
  targetIsChain: boolean;
}

export function explainRule(rule: ParsedRule, context: ExplainContext): string {
  return `${conditionsOf(rule.match, context.impliedLocal)} ${actionOf(rule, context.containerName, context.targetIsChain)}`;
}
