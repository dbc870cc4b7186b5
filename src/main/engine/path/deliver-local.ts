// The end of a packet delivered to the host itself: the socket listening on its address and port,
// or none (refused). Pure.
import type { Message } from '../../../shared/message';
import type { Container } from '../../../shared/model';
import type { Listener } from '../host/parse-listeners';
import { nodeId } from '../../../shared/topology/graph';
import { pathMessage as pm, said } from './path-message';
import type { Packet, PathOutcome, PathStep } from './path-types';

const WILDCARDS = new Set(['0.0.0.0', '::', '*', '']);

export function listenerFor(listeners: readonly Listener[], packet: Packet): Listener | undefined {
  const candidates = listeners.filter((l) => l.protocol === packet.protocol && l.port === packet.port);
  // An exact address wins over a wildcard, as the kernel's socket lookup prefers it.
  return candidates.find((l) => l.address === packet.destination) ?? candidates.find((l) => WILDCARDS.has(l.address));
}

/** The container and port docker-proxy relays this host port to, from the containers' published ports. */
function proxiedContainer(containers: readonly Container[], packet: Packet): { container: string; port: number } | null {
  for (const c of containers) {
    const binding = c.ports.find(
      (p) => p.protocol === packet.protocol && p.hostPort === packet.port && (WILDCARDS.has(p.hostIp) || p.hostIp === packet.destination),
    );
    if (binding) return { container: c.name, port: binding.containerPort };
  }
  return null;
}

export interface LocalEnd {
  step: PathStep;
  outcome: PathOutcome;
  caveats: Message[];
}

function refused(listeners: readonly Listener[], packet: Packet, device: string): LocalEnd {
  const where = `${packet.destination}:${packet.port}/${packet.protocol}`;
  const elsewhere = listeners
    .filter((l) => l.protocol === packet.protocol && l.port === packet.port)
    .map((l) => (l.process !== null ? pm('socket.boundBy', { process: l.process, address: l.address }) : pm('socket.boundByUnnamed', { address: l.address })));
  const answer = pm(packet.protocol === 'tcp' ? 'socket.tcpReset' : 'socket.portUnreachable');
  const description = said(
    elsewhere.length > 0 ? pm('socket.noneBoundElsewhere', { where, port: packet.port, elsewhere, answer }) : pm('socket.none', { where, answer }),
  );
  return {
    step: { stage: 'socket', ...description, ruleId: null, verdict: 'reject', nodeIds: [nodeId.link(device)] },
    outcome: { kind: 'no-listener', ...description },
    caveats: [],
  };
}

function delivered(listener: Listener, relay: { container: string; port: number } | null): Message {
  const where = `${listener.address}:${listener.port}/${listener.protocol}`;
  if (listener.process === null) return pm('socket.deliveredUnnamed', { where });
  if (relay) return pm('socket.deliveredRelayed', { process: listener.process, where, container: relay.container, port: relay.port });
  return pm('socket.delivered', { process: listener.process, where });
}

export function deliverLocally(listeners: readonly Listener[], containers: readonly Container[], packet: Packet, device: string): LocalEnd {
  const listener = listenerFor(listeners, packet);
  if (!listener) return refused(listeners, packet, device);
  const relay = listener.process === 'docker-proxy' ? proxiedContainer(containers, packet) : null;
  const description = said(delivered(listener, relay));
  const caveats = listener.process === 'docker-proxy' ? [pm('caveat.dockerProxySecondLeg')] : [];
  return {
    step: { stage: 'socket', ...description, ruleId: null, verdict: 'deliver', nodeIds: [nodeId.link(device)] },
    outcome: { kind: 'host-process', ...description, process: listener.process ?? undefined },
    caveats,
  };
}
