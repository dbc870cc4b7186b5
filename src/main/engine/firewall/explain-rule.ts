// One plain sentence per rule: the conditions it matches, then what happens. Pure.
import type { RuleMatch } from '../../../shared/firewall-model';
import type { ParsedRule } from '../../netcore/rules/parsed-rule';

const not = (negated: boolean) => (negated ? 'not ' : '');

function protocolPhrase(m: RuleMatch): string {
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
  if (m.unparsed.length > 0) rest.push(`and ${m.unparsed.join(' ')}`);
  return [head, ...rest].join(', ');
}

function isHairpin(rule: ParsedRule): boolean {
  const m = rule.match;
  return m.source !== null && m.source === m.destination && m.source.endsWith('/32');
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
    default:
      return targetIsChain ? `→ continues in chain ${rule.target}` : `→ ${rule.target} ${rule.targetArgs}`.trimEnd();
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
