// The end of a forwarded or host-sent packet: out of a bridge, across a veth, into a container;
// or out of the host by another interface. Pure.
import type { Message } from '../../../shared/message';
import type { Container, Endpoint } from '../../../shared/model';
import { nodeId } from '../../../shared/topology/graph';
import type { HostFacts } from './host-facts';
import { addressPart } from '../../netcore/addresses/ipv4';
import { pathMessage as p, said } from './path-message';
import type { Packet, PathOutcome, PathStep } from './path-types';
import { bridgeOf } from './source-of';

export interface OutEnd {
  steps: PathStep[];
  outcome: PathOutcome;
  caveats: Message[];
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
    const switched = endpoint.hostVeth ? p('step.bridgeSwitches', { bridge, veth: endpoint.hostVeth }) : p('step.bridgeSwitchesUnknownPort', { bridge });
    steps.push({ stage: 'bridge', ...said(switched), ruleId: null, verdict: 'continue', nodeIds: [nodeId.link(bridge)] });
  }
  if (endpoint.hostVeth) {
    const crosses = inner
      ? p('step.vethInto', { veth: endpoint.hostVeth, container: container.name, interface: inner })
      : p('step.vethIntoContainer', { veth: endpoint.hostVeth, container: container.name });
    steps.push({ stage: 'veth', ...said(crosses), ruleId: null, verdict: 'continue', nodeIds: [`veth:${endpoint.hostVeth}`, nodeId.link(endpoint.hostVeth)] });
  }
  const at = `${packet.destination}:${packet.port}/${packet.protocol}`;
  const description = said(
    inner !== undefined ? p('step.reachesContainer', { container: container.name, interface: inner, at }) : p('step.reachesContainerUnknownInterface', { container: container.name, at }),
  );
  steps.push({ stage: 'container', ...description, ruleId: null, verdict: 'deliver', nodeIds: [nodeId.container(container.id)] });
  return {
    steps,
    outcome: { kind: 'container', ...description, containerId: container.id, hostVeth: endpoint.hostVeth ?? undefined, interface: inner },
    caveats: container.state === 'running' ? [] : [p('caveat.containerState', { container: container.name, state: container.state })],
  };
}

function unanswered(bridge: string, packet: Packet): OutEnd {
  const description = said(p('step.noArpAnswer', { bridge, destination: packet.destination }));
  return {
    steps: [{ stage: 'bridge', ...description, ruleId: null, verdict: 'drop', nodeIds: [nodeId.link(bridge)] }],
    outcome: { kind: 'dropped', ...description, interface: bridge },
    caveats: [],
  };
}

function leavesHost(device: string, gateway: string | null, packet: Packet): OutEnd {
  const description = said(
    gateway ? p('step.leavesByGateway', { device, gateway }) : p('step.leavesOnLink', { device, destination: packet.destination }),
  );
  return {
    steps: [{ stage: 'egress', ...description, ruleId: null, verdict: 'continue', nodeIds: [nodeId.link(device)] }],
    outcome: { kind: 'unknown', ...description, interface: device },
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
