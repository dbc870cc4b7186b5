// Mappings in a sentence: the confirmation after publishing and the question before unpublishing. Pure.
import type { Mapping, MappingStatus } from '../../../../shared/publish-model';

const range = (start: number, end: number) => (start === end ? `${start}` : `${start}-${end}`);

/** "9393/tcp on all addresses" or "8000-8010/udp on 127.0.0.1". */
export function hostSide(m: Pick<Mapping, 'hostIp' | 'hostPort' | 'hostPortEnd' | 'protocol'>): string {
  const where = m.hostIp === '' || m.hostIp === '0.0.0.0' ? 'all addresses' : m.hostIp;
  return `${range(m.hostPort, m.hostPortEnd)}/${m.protocol} on ${where}`;
}

export function containerSide(m: Pick<Mapping, 'container' | 'containerPort' | 'containerPortEnd'>): string {
  return `${m.container.name} port ${range(m.containerPort, m.containerPortEnd)}`;
}

/** The confirmation shown once the engine has published: what, where, and whether it flows yet. */
export function publishedSentence(m: MappingStatus): string {
  const base = `Host port ${hostSide(m)} now leads to ${containerSide(m)}`;
  if (m.state === 'active') return `${base}${m.containerIp ? ` (${m.containerIp}, network ${m.network})` : ''}.`;
  return `${base}, once it can: ${m.detail ?? 'the container is not running'}.`;
}
