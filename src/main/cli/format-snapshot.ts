// A human-readable summary of a snapshot for the terminal. Pure.
import type { Snapshot } from '../../shared/model';

export function formatSnapshot(s: Snapshot): string {
  const lines: string[] = [];
  lines.push(`Host ${s.host.hostname}${s.host.privileged ? ' (root: exact veth matching)' : ''}`);
  for (const l of s.links) {
    const extra = [l.master ? `master ${l.master}` : '', l.peer?.containerId ? `→ container ${l.peer.containerId.slice(0, 12)} ${l.peer.interface ?? ''}` : '']
      .filter(Boolean)
      .join(' ');
    lines.push(`  ${l.name.padEnd(16)} ${l.kind.padEnd(9)} ${l.up ? 'up  ' : 'down'} ${l.addresses.join(', ')} ${extra}`.trimEnd());
  }
  if (!s.docker.available) {
    lines.push(`Docker unavailable (${s.docker.problem ?? 'error'}): ${s.docker.hint ?? s.docker.error ?? ''}`);
  } else {
    const engines = s.engines?.length ? s.engines : [{ ...s.docker, kind: 'docker' as const, rootless: false }];
    for (const e of engines) {
      lines.push(`${e.kind === 'podman' ? 'Podman' : 'Docker'} ${e.version ?? ''} at ${e.endpoint}${e.rootless ? ' (rootless)' : ''}`);
    }
    for (const n of s.networks) {
      lines.push(`  network ${n.name} (${n.driver}) ${n.subnets.map((x) => x.subnet).join(', ')} ${n.bridge ?? ''}`.trimEnd());
    }
    for (const c of s.containers) {
      const eps = c.endpoints.map((e) => `${e.network}:${e.ip ?? '-'}${e.hostVeth ? ` via ${e.hostVeth}` : ''}`).join(' ');
      const engine = (s.engines?.length ?? 0) > 1 && c.engine ? ` (${c.engine.kind})` : '';
      lines.push(`  container ${c.name}${engine} [${c.state}] ${c.image} ${c.networkMode === 'host' || c.networkMode === 'none' ? c.networkMode : eps}`);
    }
  }
  for (const ns of s.namespaces) {
    lines.push(`Namespace ${ns.name}${ns.error ? ` (${ns.error})` : ''}: ${ns.links.map((l) => l.name).join(', ')}`);
  }
  for (const note of s.limitations) lines.push(`Note: ${note}`);
  return lines.join('\n');
}
