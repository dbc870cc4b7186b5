// ports.apply: reads the rule set, plans the batch, applies it atomically, re-reads to verify, and
// sets route_localnet and hairpin where the mappings need them. The rules go to iptables or to the
// native `table inet bridgeport` (as netcore/rulesets/port-backend chooses), both rendered here from
// the same checked mappings. I/O; the policy is in the planners, what a request may mean in
// meaning/check-ports-request.
import { desiredRules, viaLoopback } from '../../netcore/rulesets/port-rules';
import { desiredNftTable, NFT_CHAINS, NFT_TABLE, type AcceptMark, type NftDesiredOptions } from '../../netcore/rulesets/port-nft-rules';
import { addedNftUdpPorts, planNftTable } from '../../netcore/owned-chains/plan-owned-nft-table';
import { choosePortBackend, iptablesDropsForwarded, type PortBackend, type PortBackendFacts } from '../../netcore/rulesets/port-backend';
import { ACCEPT_FWMARK_OPTION } from '../../netcore/rulesets/accept-fwmark';
import { hasDockerUser, planBatch } from '../../netcore/rulesets/plan-port-batch';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { inEnglish } from '../../../shared/i18n/english';
import { message } from '../../../shared/message';
import { OperationError, type ApplyPortsResult, type OperationArgs } from '../contract/operations';
import { applyAndVerify } from '../firewall/apply-and-verify';
import { applyNftAndVerify } from '../firewall/apply-and-verify-nft';
import { readAcceptFwmark, readPortBackendFacts } from './port-backend-facts';
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

/** The iptables chains (Docker 20–28, hosts with iptables): one iptables-restore batch, verified. */
async function applyIptables(args: OperationArgs<'ports.apply'>, keepLoopbackGuard: boolean): Promise<{ changed: boolean; warnings: string[] }> {
  const planFor = (current: ParsedRuleset) => planBatch(desiredRules(args.mappings, hasDockerUser(current), { keepLoopbackGuard }), current);
  const outcome = await applyAndVerify({
    plan: (current) => planFor(current).batch,
    failure: (left) => `the rules did not take effect; still to apply:\n${left}`,
  });
  const warnings = outcome.applied !== null ? await flushUdpConntrack(planFor(outcome.before).addedUdpPorts) : [];
  return { changed: outcome.applied !== null, warnings };
}

/** The native table (nftables engines, hosts without iptables): one nft transaction, verified. */
async function applyNftables(args: OperationArgs<'ports.apply'>, options: NftDesiredOptions): Promise<{ changed: boolean; warnings: string[] }> {
  const desired = desiredNftTable(args.mappings, options);
  const outcome = await applyNftAndVerify({
    table: NFT_TABLE,
    plan: (current) => planNftTable(desired, current, NFT_TABLE),
    failure: (left) => `the nftables rules did not take effect; still to apply:\n${left}`,
  });
  const warnings = outcome.applied !== null ? await flushUdpConntrack(addedNftUdpPorts(desired, outcome.before, NFT_TABLE, NFT_CHAINS.dnat.name)) : [];
  return { changed: outcome.applied !== null, warnings };
}

/** Our rules of the backend not chosen (left from before a switch) go, so exactly one set is in force. */
async function clearOtherBackend(backend: PortBackend, facts: PortBackendFacts, publishing: boolean): Promise<{ changed: boolean; warnings: string[] }> {
  if (backend === 'iptables') {
    const ours = facts.nativeTables.some((t) => t.family === NFT_TABLE.family && t.name === NFT_TABLE.name);
    return ours ? applyNftables({ mappings: [], resetRouteLocalnet: [], firewall: 'nftables' }, {}) : { changed: false, warnings: [] };
  }
  if (!facts.hasIptables) return { changed: false, warnings: [] };
  let drops: string | null = null;
  const outcome = await applyAndVerify({
    plan: (current) => {
      drops = iptablesDropsForwarded(current, facts.nativeTables);
      return planBatch(desiredRules([], hasDockerUser(current)), current).batch;
    },
    failure: (left) => `Bridgeport's old iptables chains could not be removed; still to apply:\n${left}`,
  });
  // An accept in our table is not final: iptables still judges the same packets.
  const warnings =
    drops !== null && publishing
      ? [`${drops as string}: with the nftables backend, Bridgeport's accept cannot override it, so the LAN may not reach these ports (BRIDGEPORT_FIREWALL_BACKEND=auto writes iptables rules on this host)`]
      : [];
  return { changed: outcome.applied !== null, warnings };
}

/** Docker 29's nftables backend drops forwarded packets it did not accept itself, unless they carry its accept mark. */
async function acceptMarkFor(backend: PortBackend, facts: PortBackendFacts, args: OperationArgs<'ports.apply'>): Promise<AcceptMark | null> {
  const dockerNft = facts.nativeTables.some((t) => t.family === 'ip' && t.name === 'docker-bridges');
  if (backend !== 'nftables' || !dockerNft || args.mappings.length === 0) return null;
  const setting = await readAcceptFwmark();
  if (setting) return setting.mark;
  const said = message('engine-errors:ports.needsAcceptMark', { option: ACCEPT_FWMARK_OPTION });
  throw new OperationError(inEnglish(said), 'refused', said);
}

export async function applyPorts(args: OperationArgs<'ports.apply'>): Promise<ApplyPortsResult> {
  // Everything the request means is checked against the system before anything changes.
  const checked = await checkPortsRequest(args);
  const facts = await readPortBackendFacts();
  const choice = choosePortBackend(args.firewall ?? 'auto', facts);
  if ('refused' in choice) throw new OperationError(`${choice.refused}; nothing was changed`, 'refused');
  const acceptMark = await acceptMarkFor(choice.backend, facts, args);
  const localnet = await setRouteLocalnet(args, checked.resetBridges);
  const warnings = [...localnet.warnings];
  for (const port of new Set(checked.bridgePorts.values())) await ensureHairpin(port);
  // route_localnet left on anywhere (a caller that never asked to reset it, another tool) keeps the guard.
  const keepLoopbackGuard = await anyRouteLocalnetOn();
  const applied = choice.backend === 'iptables' ? await applyIptables(args, keepLoopbackGuard) : await applyNftables(args, { keepLoopbackGuard, acceptMark });
  const cleared = await clearOtherBackend(choice.backend, facts, args.mappings.length > 0);
  warnings.push(...applied.warnings, ...cleared.warnings);
  return { changed: applied.changed || cleared.changed, backend: choice.backend, routeLocalnetSet: localnet.set, warnings };
}
