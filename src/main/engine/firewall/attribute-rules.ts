// Tags each rule with its owner and the container/port it serves, and explains it. Pure.
import type { FirewallChain, FirewallRule, RuleOwner } from '../../../shared/firewall-model';
import { publishedPortKey, type DockerFacts } from './docker-facts';
import { explainRule } from './explain-rule';
import type { ParsedChain, ParsedRule, ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { ruleIds } from '../../netcore/rules/rule-id';

const ip = (cidr: string | null) => (cidr === null ? null : cidr.endsWith('/32') ? cidr.slice(0, -3) : cidr);

function chainOwner(name: string): RuleOwner | null {
  if (name.startsWith('BRIDGEPORT') || name.startsWith('bridgeport')) return 'bridgeport';
  if (name.startsWith('DOCKER')) return 'docker';
  return null;
}

/** A rule about a published host port (e.g. Docker 28's raw-table guard of a 127.0.0.1 binding). */
function publishedPortContainer(rule: ParsedRule, facts: DockerFacts) {
  const m = rule.match;
  const port = Number(m.dport);
  if (!m.protocol || !Number.isInteger(port) || m.destinationNegated) return undefined;
  return facts.containerByPublishedPort.get(publishedPortKey(m.protocol, ip(m.destination) ?? '0.0.0.0', port));
}

function containerOf(rule: ParsedRule, facts: DockerFacts) {
  const target = rule.toDestination?.split(':')[0] ?? null;
  for (const candidate of [target, ip(rule.match.destination), ip(rule.match.source)]) {
    const c = candidate ? facts.containerByIp.get(candidate) : undefined;
    if (c) return c;
  }
  return (rule.target !== 'DNAT' && publishedPortContainer(rule, facts)) || null;
}

/** Docker 29's nftables backend: its native tables are Docker's whole. */
const isDockerNftTable = (table: string) => /(^|\s)docker-bridges$/.test(table);

function ownerOf(rule: ParsedRule, facts: DockerFacts, container: unknown): RuleOwner {
  if (isDockerNftTable(rule.table)) return 'docker';
  const byName = chainOwner(rule.chain) ?? chainOwner(rule.target);
  if (byName) return byName;
  if (rule.match.comment && /bridgeport/i.test(rule.match.comment)) return 'bridgeport';
  const m = rule.match;
  const dockerInterface = [m.inInterface, m.outInterface].some((i) => i !== null && facts.bridges.has(i));
  const dockerSubnet = [m.source, m.destination].some((a) => a !== null && facts.subnets.has(a));
  return dockerInterface || dockerSubnet || container ? 'docker' : 'other';
}

function hostPortOf(rule: ParsedRule): number | null {
  if (rule.target !== 'DNAT' || !rule.match.dport) return null;
  const first = Number(rule.match.dport.split(':')[0]);
  return Number.isInteger(first) ? first : null;
}

/** Chains only entered for local destinations (every jump into them says --dst-type LOCAL). */
function localOnlyChains(rules: readonly ParsedRule[]): Set<string> {
  const jumps = new Map<string, boolean>();
  for (const r of rules) {
    const key = `${r.family}:${r.table}:${r.target}`;
    jumps.set(key, (jumps.get(key) ?? true) && r.match.dstType === 'LOCAL');
  }
  return new Set([...jumps].filter(([, local]) => local).map(([key]) => key));
}

export function attributeChains(chains: readonly ParsedChain[]): FirewallChain[] {
  return chains.map((c) => ({ ...c, owner: isDockerNftTable(c.table) ? 'docker' : (chainOwner(c.name) ?? 'other') }));
}

/** What Bridgeport adds to a rule; the same for the same rule text while Docker's facts are unchanged. */
export type Attribution = Pick<FirewallRule, 'owner' | 'container' | 'hostPort' | 'toDestination' | 'explain'>;

function attributionOf(rule: ParsedRule, facts: DockerFacts, impliedLocal: boolean, targetIsChain: boolean): Attribution {
  const container = containerOf(rule, facts);
  return {
    owner: ownerOf(rule, facts, container),
    container,
    hostPort: hostPortOf(rule),
    toDestination: rule.target === 'DNAT' ? rule.toDestination : null,
    explain: explainRule(rule, { containerName: container?.name ?? null, impliedLocal, targetIsChain }),
  };
}

/**
 * Attributes and explains every rule. `memo` (valid for one set of Docker facts) lets a once-a-second
 * counter sample skip the work for rules already seen: only their counters change.
 */
export function attributeRules(ruleset: ParsedRuleset, facts: DockerFacts, memo?: Map<string, Attribution>): FirewallRule[] {
  const ids = ruleIds(ruleset.rules);
  const localOnly = localOnlyChains(ruleset.rules);
  const chainNames = new Set(ruleset.chains.map((c) => `${c.family}:${c.table}:${c.name}`));
  return ruleset.rules.map((rule, i) => {
    const table = `${rule.family}:${rule.table}:`;
    const impliedLocal = localOnly.has(table + rule.chain);
    const targetIsChain = chainNames.has(table + rule.target);
    const key = `${ids[i]}|${impliedLocal ? 1 : 0}|${targetIsChain ? 1 : 0}`;
    let attribution = memo?.get(key);
    if (!attribution) {
      attribution = attributionOf(rule, facts, impliedLocal, targetIsChain);
      memo?.set(key, attribution);
    }
    return {
      id: ids[i]!,
      family: rule.family,
      table: rule.table,
      chain: rule.chain,
      position: rule.position,
      spec: rule.spec,
      target: rule.target,
      targetArgs: rule.targetArgs,
      match: rule.match,
      packets: rule.packets,
      bytes: rule.bytes,
      ...attribution,
    };
  });
}
