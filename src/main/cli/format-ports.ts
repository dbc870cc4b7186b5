// The port map as a terminal table. Pure.
import type { PublishedPort } from '../../shared/firewall-model';

export function formatPorts(ports: PublishedPort[]): string {
  if (ports.length === 0) return 'No published ports.';
  const rows = ports.map((p) => [
    `${p.hostIp}:${p.hostPort}/${p.protocol}`,
    `${p.container.name} ${p.containerIp ?? '-'}:${p.containerPort}`,
    p.network ?? '-',
    p.source,
    `${p.packets} pkts ${p.bytes} B`,
  ]);
  const header = ['HOST', 'CONTAINER', 'NETWORK', 'SOURCE', 'COUNTERS'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [line(header)];
  ports.forEach((p, i) => {
    out.push(line(rows[i]!));
    for (const hint of p.hints) out.push(`    ! ${hint}`);
  });
  return out.join('\n');
}
