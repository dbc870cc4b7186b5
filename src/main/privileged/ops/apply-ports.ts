// ports.apply: reads the rule set, plans the batch, applies it atomically, re-reads to verify, and
// sets route_localnet and hairpin where the mappings need them. I/O; the policy is in the planner.
import { desiredRules, viaLoopback } from '../../engine/publish/bridgeport-rules';
import { planBatch } from '../../engine/publish/plan-batch';
import { parseIptablesSave } from '../../engine/firewall/parse-iptables-save';
import type { ParsedRuleset } from '../../engine/firewall/parsed-rule';
import { runCommand } from '../../engine/system/run-command';
import type { ApplyPortsResult, OperationArgs } from '../operations';
import { OperationError } from '../operations';
import { flushUdpConntrack } from './flush-udp-conntrack';
import { ensureHairpin } from './hairpin';
import { readRouteLocalnet, writeRouteLocalnet } from './route-localnet';

export async function saveIpv4(): Promise<string> {
  return runCommand(['iptables-save', '-c']);
}

const hasDockerUser = (rules: ParsedRuleset) => rules.chains.some((c) => c.table === 'filter' && c.name === 'DOCKER-USER');

async function plan(mappings: OperationArgs<'ports.apply'>['mappings']) {
  const current = parseIptablesSave(await saveIpv4(), 'ipv4');
  return planBatch(desiredRules(mappings, hasDockerUser(current)), current);
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
  const first = await plan(args.mappings);
  if (first.batch !== null) {
    await runCommand(['iptables-restore', '--noflush', '--counters'], { input: first.batch });
    const after = await plan(args.mappings);
    if (after.batch !== null) throw new OperationError(`the rules did not take effect; still to apply:\n${after.batch}`);
    warnings.push(...(await flushUdpConntrack(first.addedUdpPorts)));
  }
  return { changed: first.batch !== null, routeLocalnetSet: localnet.set, warnings };
}
