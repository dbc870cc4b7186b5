// The end of a packet delivered to the host itself: the socket listening on its address and port,
// or none (refused). Pure.
import type { Container } from '../../../shared/model';
import type { Listener } from '../host/parse-listeners';
import { nodeId } from '../../../shared/topology/graph';
import type { Packet, PathOutcome, PathStep } from './path-types';

const WILDCARDS = new Set(['0.0.0.0', '::', '*', '']);

export function listenerFor(listeners: readonly Listener[], packet: Packet): Listener | undefined {
  const candidates = listeners.filter((l) => l.protocol === packet.protocol && l.port === packet.port);
  // An exact address wins over a wildcard, as the kernel's socket lookup prefers it.
  return candidates.find((l) => l.address === packet.destination) ?? candidates.find((l) => WILDCARDS.has(l.address));
}

/** The container docker-proxy relays this host port to, from the containers' published ports. */
function proxiedContainer(containers: readonly Container[], packet: Packet): string | null {
  for (const c of containers) {
    const binding = c.ports.find(
      (p) => p.protocol === packet.protocol && p.hostPort === packet.port && (WILDCARDS.has(p.hostIp) || p.hostIp === packet.destination),
    );
    if (binding) return `${c.name} port ${binding.containerPort}`;
  }
  return null;
}

export interface LocalEnd {
  step: PathStep;
  outcome: PathOutcome;
  caveats: string[];
}

function refused(listeners: readonly Listener[], packet: Packet, device: string): LocalEnd {
  const where = `${packet.destination}:${packet.port}/${packet.protocol}`;
  const elsewhere = listeners.filter((l) => l.protocol === packet.protocol && l.port === packet.port).map((l) => `${l.process ?? 'a process'} on ${l.address}`);
  const answer = packet.protocol === 'tcp' ? 'the host answers with a TCP reset (connection refused)' : 'the host answers with ICMP port unreachable';
  const note = elsewhere.length > 0 ? ` (port ${packet.port} is bound only by ${elsewhere.join(', ')})` : '';
  const description = `No socket listens on ${where}${note}: ${answer}.`;
  return {
    step: { stage: 'socket', description, ruleId: null, verdict: 'reject', nodeIds: [nodeId.link(device)] },
    outcome: { kind: 'no-listener', description },
    caveats: [],
  };
}

export function deliverLocally(listeners: readonly Listener[], containers: readonly Container[], packet: Packet, device: string): LocalEnd {
  const listener = listenerFor(listeners, packet);
  if (!listener) return refused(listeners, packet, device);
  const process = listener.process ?? 'a process (its name needs root to read)';
  const relay = listener.process === 'docker-proxy' ? proxiedContainer(containers, packet) : null;
  const relayed = relay ? `; docker-proxy relays it from userland to ${relay}` : '';
  const description = `Delivered to ${process} listening on ${listener.address}:${listener.port}/${listener.protocol}${relayed}.`;
  const caveats =
    listener.process === 'docker-proxy'
      ? ['docker-proxy (the userland proxy) opens a second connection to the container; that second leg is not traced here.']
      : [];
  return {
    step: { stage: 'socket', description, ruleId: null, verdict: 'deliver', nodeIds: [nodeId.link(device)] },
    outcome: { kind: 'host-process', description, process: listener.process ?? undefined },
    caveats,
  };
}
