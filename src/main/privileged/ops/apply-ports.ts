// ports.apply: reads the rule set, plans the batch, applies it atomically, re-reads to verify, and
// sets route_localnet and hairpin where the mappings need them. I/O; the policy is in the planner,
// what a request may mean in meaning/check-ports-request.
import { desiredRules, viaLoopback } from '../../netcore/rulesets/port-rules';
import { hasDockerUser, planBatch } from '../../netcore/rulesets/plan-port-batch';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import type { ApplyPortsResult, OperationArgs } from '../contract/operations';
import { applyAndVerify } from '../firewall/apply-and-verify';
import { flushUdpConntrack } from './flush-udp-conntrack';
import { ensureHairpin } from './hairpin';
import { checkPortsRequest } from '../meaning/check-ports-request';
import { anyRouteLocalnetOn, readRouteLocalnet, writeRouteLocalnet } from './route-localnet';

async function setRouteLocalnet(args: OperationArgs<'ports.apply'>, resetBridges: readonly string[]): Promise<{ set: string[]; warnings: string[] }> {
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
  for (const bridge of resetBridges.filter((b) => !needed.includes(b))) {
    if ((await readRouteLocalnet(bridge)) === true) await writeRouteLocalnet(bridge, false);
  }
  return { set, warnings };
}

export async function applyPorts(args: OperationArgs<'ports.apply'>): Promise<ApplyPortsResult> {
  // Everything the request means is checked against the system before anything changes.
  const checked = await checkPortsRequest(args);
  const localnet = await setRouteLocalnet(args, checked.resetBridges);
  const warnings = [...localnet.warnings];
  for (const port of new Set(checked.bridgePorts.values())) await ensureHairpin(port);
  // route_localnet left on anywhere (a caller that never asked to reset it, another tool) keeps the guard.
  const keepLoopbackGuard = await anyRouteLocalnetOn();
  const planFor = (current: ParsedRuleset) => planBatch(desiredRules(args.mappings, hasDockerUser(current), { keepLoopbackGuard }), current);
  const outcome = await applyAndVerify({
    plan: (current) => planFor(current).batch,
    failure: (left) => `the rules did not take effect; still to apply:\n${left}`,
  });
  if (outcome.applied !== null) warnings.push(...(await flushUdpConntrack(planFor(outcome.before).addedUdpPorts)));
  return { changed: outcome.applied !== null, routeLocalnetSet: localnet.set, warnings };
}
