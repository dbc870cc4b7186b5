// ports.apply: reads the rule set, plans the batch, applies it atomically, re-reads to verify, and
// sets route_localnet and hairpin where the mappings need them. I/O; the policy is in the planner.
import { desiredRules, viaLoopback } from '../../netcore/rulesets/port-rules';
import { hasDockerUser, planBatch } from '../../netcore/rulesets/plan-port-batch';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { runCommand } from '../../system/run-command';
import type { ApplyPortsResult, OperationArgs } from '../contract/operations';
import { applyAndVerify } from '../firewall/apply-and-verify';
import { flushUdpConntrack } from './flush-udp-conntrack';
import { ensureHairpin } from './hairpin';
import { readRouteLocalnet, writeRouteLocalnet } from './route-localnet';

export async function saveIpv4(): Promise<string> {
  return runCommand(['iptables-save', '-c']);
}

async function setRouteLocalnet(args: OperationArgs<'ports.apply'>): Promise<{ set: string[]; warnings: string[] }> {
  const needed = [...new Set(args.mappings.filter(viaLoopback).map((m) => m.bridge))];
  const set: string[] = [];
  const warnings: string[] = [];
  for (const bridge of needed) {
    const on = await readRouteLocalnet(bridge);
    if (on === null) warnings.push(`bridge ${bridge} does not exist: 127.0.0.1 cannot reach its containers`);
    else if (!on) {
      await writeRouteLocalnet(bridge, true);
      set.push(bridge);
    }
  }
  for (const bridge of args.resetRouteLocalnet.filter((b) => !needed.includes(b))) {
    if ((await readRouteLocalnet(bridge)) === true) await writeRouteLocalnet(bridge, false);
  }
  return { set, warnings };
}

export async function applyPorts(args: OperationArgs<'ports.apply'>): Promise<ApplyPortsResult> {
  const localnet = await setRouteLocalnet(args);
  const warnings = [...localnet.warnings];
  const seen = new Set<string>();
  for (const m of args.mappings) {
    const key = `${m.containerPid}/${m.containerIp}/${m.bridge}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const warning = await ensureHairpin(m.containerPid, m.containerIp, m.bridge);
    if (warning) warnings.push(warning);
  }
  const planFor = (current: ParsedRuleset) => planBatch(desiredRules(args.mappings, hasDockerUser(current)), current);
  const outcome = await applyAndVerify({
    plan: (current) => planFor(current).batch,
    failure: (left) => `the rules did not take effect; still to apply:\n${left}`,
  });
  if (outcome.applied !== null) warnings.push(...(await flushUdpConntrack(planFor(outcome.before).addedUdpPorts)));
  return { changed: outcome.applied !== null, routeLocalnetSet: localnet.set, warnings };
}
