// How a published port is named on screen, in test ids and across updates.
import type { PublishedPort } from '../../../../shared/firewall-model';

/** Unique per row: the same port may be published on two host addresses. */
export function portKey(p: PublishedPort): string {
  return `${p.hostIp}|${p.hostPort}|${p.protocol}`;
}

function address(ip: string | null, port: number): string {
  const host = ip ?? '—';
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export function hostAddress(p: PublishedPort): string {
  return `${address(p.hostIp, p.hostPort)}/${p.protocol}`;
}

export function containerAddress(p: PublishedPort): string {
  return address(p.containerIp, p.containerPort);
}

/** Whether a row matches what the user typed: port, addresses, container or network. */
export function portMatches(p: PublishedPort, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [hostAddress(p), containerAddress(p), p.container.name, p.network ?? '', p.source].some((text) => text.toLowerCase().includes(q));
}
