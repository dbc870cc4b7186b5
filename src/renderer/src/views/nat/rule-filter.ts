// Which rules the NAT view shows: the user's filters, pure so they are cheap to rerun every tick.
import type { FirewallRule, RuleOwner } from '../../../../shared/firewall-model';

export interface RuleFilter {
  /** Container name, or null for any. */
  container: string | null;
  /** Free text: a port number (host port, --dport/--sport, to-destination …) or any part of the spec. */
  port: string;
  owners: RuleOwner[];
  hideZero: boolean;
  /** Only these rule ids (the rules behind one published port), or null for all. */
  only: ReadonlySet<string> | null;
}

export const noFilter: RuleFilter = { container: null, port: '', owners: ['docker', 'podman', 'firewalld', 'bridgeport', 'other'], hideZero: false, only: null };

/** Whether anything narrows the list (then chains without a matching rule are left out). */
export function isFiltering(f: RuleFilter): boolean {
  return f.container !== null || f.port.trim() !== '' || f.owners.length < noFilter.owners.length || f.hideZero || f.only !== null;
}

function inRange(range: string | null, port: number): boolean {
  if (!range) return false;
  const [low, high = low] = range.split(':').map(Number);
  return low !== undefined && high !== undefined && port >= low && port <= high;
}

/** Matches the port text against a rule; built once per filter change, run on every rule every tick. */
export function portMatcher(text: string): (rule: FirewallRule) => boolean {
  const wanted = text.trim();
  if (!wanted) return () => true;
  if (/^\d{1,5}$/.test(wanted)) {
    const port = Number(wanted);
    // In the spec the port must stand alone, not be part of an address, a mask or a longer number.
    const inSpec = new RegExp(`(?<![\\d./])${wanted}(?![\\d.])`);
    return (rule) => rule.hostPort === port || inRange(rule.match.dport, port) || inRange(rule.match.sport, port) || inSpec.test(rule.spec);
  }
  const lower = wanted.toLowerCase();
  return (rule) => rule.spec.toLowerCase().includes(lower);
}

export function ruleMatcher(f: RuleFilter): (rule: FirewallRule) => boolean {
  const portMatches = portMatcher(f.port);
  return (rule) =>
    (f.only === null || f.only.has(rule.id)) &&
    f.owners.includes(rule.owner) &&
    (!f.hideZero || rule.packets > 0) &&
    (f.container === null || rule.container?.name === f.container) &&
    portMatches(rule);
}

/** The containers the rules are attributed to, for the container filter. */
export function containersInRules(rules: readonly FirewallRule[]): string[] {
  return [...new Set(rules.flatMap((r) => (r.container ? [r.container.name] : [])))].sort();
}
