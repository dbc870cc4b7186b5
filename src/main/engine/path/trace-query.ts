// Turns the contract's path question into the evaluator's, naming what it cannot resolve. Pure.
import { ContractError } from '../../../shared/contract';
import type { Container } from '../../../shared/model';
import type { PathQuery } from '../../../shared/path-model';
import type { PacketQuery } from './path-types';

export function packetQueryOf(query: Required<PathQuery>, containers: readonly Container[]): PacketQuery {
  const from = query.from;
  if (from === 'lan' || from === 'host') return { ...query, from: { kind: from } };
  const wanted = from.container;
  const container = containers.find((c) => c.name === wanted || c.id === wanted) ?? containers.find((c) => wanted.length >= 4 && c.id.startsWith(wanted));
  if (!container) throw new ContractError(`no container named "${wanted}"`);
  if (container.pid === null) throw new ContractError(`container ${container.name} is not running: it sends nothing`);
  return { ...query, from: { kind: 'container', containerId: container.id } };
}
