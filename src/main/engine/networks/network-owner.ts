// Which engine a network action goes to, Docker and Podman side by side: the engine that owns the
// named network (remove, connect, disconnect); a new network goes to Docker when it answers, else to
// the engine there is. Pure.
import { message, type MessageParam } from '../../../shared/message';
import type { EngineKind } from '../../../shared/model';
import { NetworkRefused, networkRefusal } from '../../../shared/network-refused';
import { findNetwork, type MembershipReadings } from './plan-membership';

export interface EngineReadings<E> {
  engine: E;
  kind: EngineKind;
  readings: MembershipReadings;
}

export const engineLabel = (kind: EngineKind) => (kind === 'podman' ? 'Podman' : 'Docker');

const holds = (ref: string, readings: MembershipReadings): boolean => {
  try {
    findNetwork(ref, readings);
    return true;
  } catch (error) {
    if (error instanceof NetworkRefused) return false;
    throw error;
  }
};

/**
 * The engine whose network `ref` (name or id) names. None: the first engine, whose planner then
 * says the network is not there. Two: refused, the id tells them apart.
 */
export function engineOwning<E>(ref: string, parts: ReadonlyArray<EngineReadings<E>>): EngineReadings<E> {
  const owners = parts.filter((p) => holds(ref, p.readings));
  const [only, second] = owners;
  if (only && !second) return only;
  if (only && second) {
    const each = owners.map((o) => `${engineLabel(o.kind)} (${findNetwork(ref, o.readings).id.slice(0, 12)})`);
    const where = each.slice(0, -1).reduceRight<MessageParam>((rest, one) => message('engine-errors:network.and', { first: one, second: rest }), each.at(-1)!);
    throw networkRefusal('network', 'onSeveralEngines', { ref, where });
  }
  const first = parts[0];
  if (!first) throw new Error('no container engine to ask');
  return first;
}

/** Where `networks create` makes a network: Docker when it answers (the default), else the first engine. */
export function createTarget<E>(parts: ReadonlyArray<EngineReadings<E>>): EngineReadings<E> {
  const target = parts.find((p) => p.kind === 'docker') ?? parts[0];
  if (!target) throw new Error('no container engine to ask');
  return target;
}
