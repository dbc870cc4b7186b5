// Mappings in a sentence: the confirmation after publishing and the question before unpublishing.
// Pure: the words come from `say` (the 'publish' catalogue).
import type { Mapping, MappingStatus } from '../../../../shared/publish-model';
import type { Say } from '../../i18n/say';

const range = (start: number, end: number) => (start === end ? `${start}` : `${start}-${end}`);

/** "9393/tcp on all addresses" or "8000-8010/udp on 127.0.0.1". */
export function hostSide(m: Pick<Mapping, 'hostIp' | 'hostPort' | 'hostPortEnd' | 'protocol'>, say: Say): string {
  const where = m.hostIp === '' || m.hostIp === '0.0.0.0' ? say('mapping.allAddresses') : m.hostIp;
  return say('mapping.hostSide', { ports: range(m.hostPort, m.hostPortEnd), protocol: m.protocol, where });
}

export function containerSide(m: Pick<Mapping, 'container' | 'containerPort' | 'containerPortEnd'>, say: Say): string {
  return say('mapping.containerSide', { container: m.container.name, ports: range(m.containerPort, m.containerPortEnd) });
}

/** The confirmation shown once the engine has published: what, where, and whether it flows yet. */
export function publishedSentence(m: MappingStatus, say: Say): string {
  const sides = { host: hostSide(m, say), inner: containerSide(m, say) };
  if (m.state !== 'active') return say('mapping.waiting', { ...sides, detail: m.detail ?? say('mapping.notRunning') });
  if (m.containerIp) return say('mapping.activeAt', { ...sides, ip: m.containerIp, network: m.network });
  return say('mapping.active', sides);
}
