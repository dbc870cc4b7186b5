// Where the first packet comes from: a LAN peer on the uplink, a host process, or a container
// behind its bridge. Pure.
import type { Message } from '../../../shared/message';
import type { Container, Endpoint, Link } from '../../../shared/model';
import { nodeId } from '../../../shared/topology/graph';
import type { HostFacts } from './host-facts';
import { addressPart, inCidr, isIpv4, isLoopbackIpv4, neighbourIn } from '../../netcore/addresses/ipv4';
import { pathMessage as p, said } from './path-message';
import type { PathInput, PathOutcome, PathStep } from './path-types';

export type Origin =
  | { kind: 'arriving'; source: string; inInterface: string; steps: PathStep[] }
  | { kind: 'host'; caveats: Message[] }
  | { kind: 'stuck'; outcome: PathOutcome; source: string };

const stuck = (description: Message, source = ''): Origin => ({ kind: 'stuck', outcome: { kind: 'unknown', ...said(description) }, source });

function isUplinkCandidate(link: Link): boolean {
  if (link.kind === 'loopback' || link.kind === 'bridge' || link.master !== null) return false;
  return !(link.kind === 'veth' && link.peer?.containerId);
}

function hasIpv4(link: Link): boolean {
  return link.addresses.some((a) => isIpv4(addressPart(a)));
}

/** The interface LAN traffic arrives on: the one with the default route, else the first with IPv4. */
export function uplinkOf(facts: HostFacts): Link | null {
  const candidates = facts.links.filter((l) => isUplinkCandidate(l) && hasIpv4(l));
  const defaults = facts.routes
    .filter((r) => r.table === 'main' && r.type === 'unicast' && r.destination === '0.0.0.0/0')
    .sort((a, b) => (a.metric ?? 0) - (b.metric ?? 0));
  const byDefault = defaults.map((r) => candidates.find((l) => l.name === r.dev)).find((l) => l !== undefined);
  return byDefault ?? candidates[0] ?? null;
}

function lanOrigin(input: PathInput, facts: HostFacts): Origin {
  const uplink = uplinkOf(facts);
  const primary = uplink ? facts.primaryAddress(uplink.name) : null;
  const source = primary ? neighbourIn(primary) : null;
  if (!uplink || !source) return stuck(p('outcome.noUplink'));
  const { protocol, destination, port } = input.packet;
  const description = said(p('step.lanPeer', { source, uplink: uplink.name, protocol: protocol.toUpperCase(), to: `${destination}:${port}` }));
  return {
    kind: 'arriving',
    source,
    inInterface: uplink.name,
    steps: [{ stage: 'arrival', ...description, ruleId: null, verdict: 'continue', nodeIds: [nodeId.link(uplink.name)] }],
  };
}

function findContainer(containers: readonly Container[], wanted: string): Container | undefined {
  return (
    containers.find((c) => c.id === wanted) ??
    containers.find((c) => c.name.replace(/^\//, '') === wanted.replace(/^\//, '')) ??
    containers.find((c) => wanted.length >= 6 && c.id.startsWith(wanted))
  );
}

/** The endpoint a packet to `destination` leaves by: the on-link one, else the one with a gateway. */
function endpointFor(container: Container, destination: string): Endpoint | undefined {
  const running = container.endpoints.filter((e) => e.ip !== null);
  return running.find((e) => inCidr(e.ip!, destination)) ?? running.find((e) => e.gateway !== null) ?? running[0];
}

/** The host bridge an endpoint hangs on: its veth's master, else the bridge holding its subnet. */
export function bridgeOf(endpoint: Endpoint, facts: HostFacts): string | null {
  const master = endpoint.hostVeth ? facts.linkNamed(endpoint.hostVeth)?.master : null;
  if (master) return master;
  const ip = addressPart(endpoint.ip ?? '');
  const bySubnet = facts.links.find((l) => l.kind === 'bridge' && l.addresses.some((a) => isIpv4(addressPart(a)) && inCidr(a, ip)));
  if (bySubnet) return bySubnet.name;
  // Docker's own naming, for a bridge that carries no address.
  const named = endpoint.network === 'bridge' ? 'docker0' : `br-${endpoint.networkId.slice(0, 12)}`;
  return facts.linkNamed(named) ? named : null;
}

function containerSteps(container: Container, endpoint: Endpoint, bridge: string, asked: PathInput['packet']): PathStep[] {
  const opens = {
    container: container.name,
    address: addressPart(endpoint.ip ?? ''),
    protocol: asked.protocol.toUpperCase(),
    to: `${asked.destination}:${asked.port}`,
    network: endpoint.network,
  };
  const steps: PathStep[] = [
    {
      stage: 'container',
      ...said(endpoint.interface === null ? p('step.containerOpensUnknownInterface', opens) : p('step.containerOpens', { ...opens, interface: endpoint.interface })),
      ruleId: null,
      verdict: 'continue',
      nodeIds: [nodeId.container(container.id)],
    },
  ];
  if (endpoint.hostVeth) {
    steps.push({ stage: 'veth', ...said(p('step.vethToHost', { veth: endpoint.hostVeth })), ruleId: null, verdict: 'continue', nodeIds: [`veth:${endpoint.hostVeth}`, nodeId.link(endpoint.hostVeth)] });
  }
  steps.push({ stage: 'bridge', ...said(p('step.entersHost', { bridge })), ruleId: null, verdict: 'continue', nodeIds: [nodeId.link(bridge)] });
  return steps;
}

function containerOrigin(input: PathInput, facts: HostFacts, wanted: string): Origin {
  const container = findContainer(input.containers, wanted);
  if (!container) return stuck(p('outcome.noSuchContainer', { container: wanted }));
  if (container.networkMode === 'host') return { kind: 'host', caveats: [p('caveat.hostNetwork', { container: container.name })] };
  const { destination } = input.packet;
  const endpoint = endpointFor(container, destination);
  if (!endpoint?.ip) return stuck(p('outcome.noAddress', { container: container.name, mode: container.networkMode }));
  const own = addressPart(endpoint.ip);
  if (isLoopbackIpv4(destination) || container.endpoints.some((e) => e.ip && addressPart(e.ip) === destination)) {
    return stuck(p('outcome.ownAddress', { destination, container: container.name }), own);
  }
  const bridge = bridgeOf(endpoint, facts);
  if (!bridge) return stuck(p('outcome.noBridge', { container: container.name, network: endpoint.network }), own);
  return { kind: 'arriving', source: own, inInterface: bridge, steps: containerSteps(container, endpoint, bridge, input.packet) };
}

export function originOf(input: PathInput, facts: HostFacts): Origin {
  const from = input.packet.from;
  if (from.kind === 'lan') return lanOrigin(input, facts);
  if (from.kind === 'host') return { kind: 'host', caveats: [] };
  return containerOrigin(input, facts, from.containerId);
}
