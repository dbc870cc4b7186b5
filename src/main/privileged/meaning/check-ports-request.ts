// What a ports.apply request MEANS, checked before anything changes: every bridge an engine's or
// Bridgeport's, every subnet that bridge's own network, every DNAT target inside it and held by the
// named container's namespace on a port of that bridge, no host port taken from a host process,
// and the request within its caps. I/O (reads, pins); the rules are in netcore/meaning.
import type { HostLink } from '../../netcore/meaning/host-links';
import { portsOf } from '../../netcore/meaning/host-links';
import { checkMappingAddresses, checkRequestSize, hostPortConflict } from '../../netcore/meaning/port-request';
import type { OperationArgs } from '../contract/operations';
import { OperationError } from '../contract/operations';
import type { ResolvedMapping } from '../contract/resolved-mapping';
import { requireOwnedBridge } from './bridges';
import { readBridgeOwnership, readHostLinks, readListeners } from './host-facts';
import { pinContainerNamespace } from './pinned-namespace';

/** conf/<name> entries of /proc/sys/net/ipv4 that are no interface. */
const SYSCTL_PSEUDO = new Set(['all', 'default']);

const refuse = (message: string): never => {
  throw new OperationError(message, 'refused');
};

export interface CheckedPortsRequest {
  /** Bridges in resetRouteLocalnet that exist (each an engine's or Bridgeport's). */
  resetBridges: string[];
  /** For each mapping's container: the host-side bridge port that leads to it (for hairpin). */
  bridgePorts: Map<ResolvedMapping, string>;
}

/** The host-side port of `bridge` whose veth peer, inside the pinned namespace, holds `ip`. */
function bridgePortOf(inside: readonly HostLink[], m: ResolvedMapping, host: readonly HostLink[]): string {
  const iface = inside.find((l) => l.ipv4.some((a) => a.split('/')[0] === m.containerIp));
  const port = iface && portsOf(host, m.bridge).find((p) => p.index === iface.peerIndex && p.peerIndex === iface.index);
  if (!port) {
    refuse(`process ${m.containerPid} holds ${m.containerIp} on no interface whose peer is a port of bridge ${m.bridge}: it is not a container on that bridge with that address; refused`);
  }
  return port!.name;
}

export async function checkPortsRequest(args: OperationArgs<'ports.apply'>): Promise<CheckedPortsRequest> {
  const size = checkRequestSize(args.mappings);
  if (size !== null) refuse(size);
  const facts = await readBridgeOwnership();
  const bridges = new Map<string, HostLink>();
  for (const name of new Set(args.mappings.map((m) => m.bridge))) bridges.set(name, requireOwnedBridge(name, facts));
  // A bridge that is gone has nothing to reset; one that is there must be an engine's or ours. `all`
  // and `default` are no links but do have a conf/ directory: they are refused, never skipped.
  const resetBridges = [...new Set(args.resetRouteLocalnet)].filter((name) => SYSCTL_PSEUDO.has(name) || facts.links.some((l) => l.name === name));
  for (const name of resetBridges) requireOwnedBridge(name, facts);
  for (const m of args.mappings) {
    const problem = checkMappingAddresses(m, bridges.get(m.bridge)!);
    if (problem !== null) refuse(problem);
  }
  if (args.mappings.length > 0) {
    const listeners = await readListeners();
    for (const m of args.mappings) {
      const conflict = hostPortConflict(m, listeners);
      if (conflict !== null) refuse(conflict);
    }
  }
  const bridgePorts = new Map<ResolvedMapping, string>();
  for (const pid of new Set(args.mappings.map((m) => m.containerPid))) {
    const ns = pinContainerNamespace(pid);
    try {
      const inside = await readHostLinks(['nsenter', `--net=${ns.path}`]).catch(() => [] as HostLink[]);
      for (const m of args.mappings.filter((x) => x.containerPid === pid)) bridgePorts.set(m, bridgePortOf(inside, m, facts.links));
    } finally {
      ns.close();
    }
  }
  return { resetBridges, bridgePorts };
}
