// Tags each rule with its owner and the container/port it serves, and explains it. Pure.
import type { FirewallChain, FirewallRule, RuleOwner } from '../../../shared/firewall-model';
import { publishedPortKey, type DockerFacts } from './docker-facts';
import { inEnglish } from '../../../shared/i18n/english';
import { explainRule } from './explain-rule';
import { chainOwner, commentOwner, engineOfRule, enginesOf, netavarkCommentContainerId, tableOwner, type Engine } from './rule-owner';
import type { ParsedChain, ParsedRule, ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { ruleIds } from '../../netcore/rules/rule-id';

const ip = (cidr: string | null) => (cidr === null ? null : cidr.endsWith('/32') ? cidr.slice(0, -3) : cidr);

const ANY_HOST_IPS = ['0.0.0.0', '', '::'];

/** A rule about a published host port (e.g. Docker 28's raw-table guard of a 127.0.0.1 binding). */
function publishedPortContainer(rule: ParsedRule, facts: DockerFacts) {
  const m = rule.match;
  const port = Number(m.dport);
  if (!m.protocol || !Number.isInteger(port) || m.destinationNegated) return undefined;
  // A rule for any address serves a port published on all addresses, however the engine spells that.
  const hostIps = m.destination === null ? ANY_HOST_IPS : [ip(m.destination)!];
  for (const hostIp of hostIps) {
    const c = facts.containerByPublishedPort.get(publishedPortKey(m.protocol, hostIp, port));
    if (c) return c;
  }
  return undefined;
}

const byIp = (facts: DockerFacts, address: string | null) => (address ? facts.containerByIp.get(address) : undefined);

function containerOf(rule: ParsedRule, facts: DockerFacts) {
  const byComment = netavarkCommentContainerId(rule.match.comment);
  const named = byComment ? facts.containerById?.get(byComment) : undefined;
  if (named) return named;
  const to = rule.toDestination;
  const target = to === null ? null : to.includes(':') ? to.slice(0, to.indexOf(':')) : to;
  const byAddress = byIp(facts, target) ?? byIp(facts, ip(rule.match.destination)) ?? byIp(facts, ip(rule.match.source));
  if (byAddress) return byAddress;
  // By port only where an engine writes: firewalld's own `tcp dport 9090 accept` (cockpit) is not a container's.
  const portTable = tableOwner(rule.table);
  if (portTable === 'firewalld' || portTable === 'bridgeport') return null;
  return (rule.target !== 'DNAT' && publishedPortContainer(rule, facts)) || null;
}

function ownerOf(rule: ParsedRule, facts: DockerFacts, container: unknown, engines: ReadonlySet<Engine>): RuleOwner {
  const byTable = tableOwner(rule.table);
  if (byTable) return byTable;
  const byName = chainOwner(rule.chain) ?? chainOwner(rule.target) ?? commentOwner(rule.match.comment);
  if (byName) return byName;
  const m = rule.match;
  const dockerInterface = [m.inInterface, m.outInterface].some((i) => i !== null && facts.bridges.has(i));
  const dockerSubnet = [m.source, m.destination].some((a) => a !== null && facts.subnets.has(a));
  if (!(dockerInterface || dockerSubnet || container)) return 'other';
  return engineOfRule(engines, [m.inInterface, m.outInterface]) ?? 'other';
}

function hostPortOf(rule: ParsedRule): number | null {
  if (rule.target !== 'DNAT' || !rule.match.dport) return null;
  const first = Number(rule.match.dport.split(':')[0]);
  return Number.isInteger(first) ? first : null;
}

/**
 * Chains only entered for local destinations: every jump into them says --dst-type LOCAL (fib daddr
 * type local), or comes from a chain that is itself only entered so (netavark's nv_…_dnat chains,
 * entered from NETAVARK-HOSTPORT-DNAT).
 */
function localOnlyChains(rules: readonly ParsedRule[], chainNames: ReadonlySet<string>): Set<string> {
  const jumps = new Map<string, Array<{ from: string; local: boolean }>>();
  for (const r of rules) {
    const table = `${r.family}:${r.table}:`;
    const key = table + r.target;
    // Only jumps: ACCEPT, DNAT … lead nowhere.
    if (!chainNames.has(key)) continue;
    const list = jumps.get(key) ?? [];
    list.push({ from: table + r.chain, local: r.match.dstType === 'LOCAL' });
    jumps.set(key, list);
  }
  const localOnly = new Set<string>();
  // Least fixed point: a chain counts only once every way in is known to be local.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [key, ways] of jumps) {
      if (!localOnly.has(key) && ways.every((w) => w.local || (w.from !== key && localOnly.has(w.from)))) {
        localOnly.add(key);
        changed = true;
      }
    }
  }
  return localOnly;
}

export function attributeChains(chains: readonly ParsedChain[]): FirewallChain[] {
  return chains.map((c) => ({ ...c, owner: tableOwner(c.table) ?? chainOwner(c.name) ?? 'other' }));
}

/** What Bridgeport adds to a rule; the same for the same rule text while Docker's facts are unchanged. */
export type Attribution = Pick<FirewallRule, 'owner' | 'container' | 'hostPort' | 'toDestination' | 'explain' | 'explainMessage'>;

function attributionOf(rule: ParsedRule, facts: DockerFacts, engines: ReadonlySet<Engine>, impliedLocal: boolean, targetIsChain: boolean): Attribution {
  const container = containerOf(rule, facts);
  const explained = explainRule(rule, { containerName: container?.name ?? null, impliedLocal, targetIsChain });
  return {
    owner: ownerOf(rule, facts, container, engines),
    container,
    hostPort: hostPortOf(rule),
    toDestination: rule.target === 'DNAT' ? rule.toDestination : null,
    explain: inEnglish(explained),
    explainMessage: explained,
  };
}

/**
 * Attributes and explains every rule. `memo` (valid for one set of Docker facts) lets a once-a-second
 * counter sample skip the work for rules already seen: only their counters change.
 */
export function attributeRules(ruleset: ParsedRuleset, facts: DockerFacts, memo?: Map<string, Attribution>): FirewallRule[] {
  const ids = ruleIds(ruleset.rules);
  const chainNames = new Set(ruleset.chains.map((c) => `${c.family}:${c.table}:${c.name}`));
  const localOnly = localOnlyChains(ruleset.rules, chainNames);
  const engines = enginesOf(ruleset.chains);
  const enginesKey = [...engines].sort().join('+');
  return ruleset.rules.map((rule, i) => {
    const table = `${rule.family}:${rule.table}:`;
    const impliedLocal = localOnly.has(table + rule.chain);
    const targetIsChain = chainNames.has(table + rule.target);
    const key = memo ? `${ids[i]}|${impliedLocal ? 1 : 0}|${targetIsChain ? 1 : 0}|${enginesKey}` : '';
    let attribution = memo?.get(key);
    if (!attribution) {
      attribution = attributionOf(rule, facts, engines, impliedLocal, targetIsChain);
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
