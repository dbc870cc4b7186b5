// The end of a forwarded or host-sent packet: out of a bridge, across a veth, into a container;
// or out of the host by another interface. Pure.
import type { Container, Endpoint } from '../../../shared/model';
import { nodeId } from '../../../shared/topology/graph';
import type { HostFacts } from './host-facts';
import { addressPart } from '../../netcore/addresses/ipv4';
import type { Packet, PathOutcome, PathStep } from './path-types';
import { bridgeOf } from './source-of';

export interface OutEnd {
  steps: PathStep[];
  outcome: PathOutcome;
  caveats: string[];
}

interface Holder {
  container: Container;
  endpoint: Endpoint;
}

function holderOf(containers: readonly Container[], address: string): Holder | null {
  for (const container of containers) {
    const endpoint = container.endpoints.find((e) => e.ip !== null && addressPart(e.ip) === address);
    if (endpoint) return { container, endpoint };
  }
  return null;
}

function intoContainer(holder: Holder, packet: Packet, bridge: string | null): OutEnd {
  const { container, endpoint } = holder;
  const inner = endpoint.interface ?? undefined;
  const steps: PathStep[] = [];
  if (bridge) {
    const port = endpoint.hostVeth ? `its port ${endpoint.hostVeth}` : 'the port of that container';
    steps.push({ stage: 'bridge', description: `Bridge ${bridge} switches it to ${port}.`, ruleId: null, verdict: 'continue', nodeIds: [nodeId.link(bridge)] });
  }
  if (endpoint.hostVeth) {
    const description = `Crosses the veth pair ${endpoint.hostVeth} into ${container.name}${inner ? ` (${inner})` : ''}.`;
    steps.push({ stage: 'veth', description, ruleId: null, verdict: 'continue', nodeIds: [`veth:${endpoint.hostVeth}`, nodeId.link(endpoint.hostVeth)] });
  }
  const at = `${packet.destination}:${packet.port}/${packet.protocol}`;
  const description = `Reaches container ${container.name} on ${inner ?? 'its interface'} at ${at}; whether a process listens there inside the container is not checked.`;
  steps.push({ stage: 'container', description, ruleId: null, verdict: 'deliver', nodeIds: [nodeId.container(container.id)] });
  return {
    steps,
    outcome: { kind: 'container', description, containerId: container.id, hostVeth: endpoint.hostVeth ?? undefined, interface: inner },
    caveats: container.state === 'running' ? [] : [`Container ${container.name} is ${container.state}.`],
  };
}

function unanswered(bridge: string, packet: Packet): OutEnd {
  const description = `No known container on ${bridge} holds ${packet.destination}: ARP gets no answer and the packet is dropped.`;
  return {
    steps: [{ stage: 'bridge', description, ruleId: null, verdict: 'drop', nodeIds: [nodeId.link(bridge)] }],
    outcome: { kind: 'dropped', description, interface: bridge },
    caveats: [],
  };
}

function leavesHost(device: string, gateway: string | null, packet: Packet): OutEnd {
  const towards = gateway ? `towards the gateway ${gateway}` : `towards ${packet.destination} on that link`;
  const description = `Leaves the host by ${device} ${towards}; what happens beyond this host is not modelled.`;
  return {
    steps: [{ stage: 'egress', description, ruleId: null, verdict: 'continue', nodeIds: [nodeId.link(device)] }],
    outcome: { kind: 'unknown', description, interface: device },
    caveats: [],
  };
}

/** Where a packet routed out of `device` ends. */
export function deliverOut(facts: HostFacts, containers: readonly Container[], packet: Packet, device: string, gateway: string | null): OutEnd {
  const link = facts.linkNamed(device);
  const holder = gateway === null ? holderOf(containers, packet.destination) : null;
  if (link?.kind === 'bridge') {
    const onBridge = holder && bridgeOf(holder.endpoint, facts) === device ? holder : null;
    return onBridge ? intoContainer(onBridge, packet, device) : unanswered(device, packet);
  }
  // A routed veth straight into a container (no bridge in between).
  if (holder && holder.endpoint.hostVeth === device) return intoContainer(holder, packet, null);
  return leavesHost(device, gateway, packet);
}
