// Words for the container engines in the header and on container nodes: "Podman 5.8.6", "Docker 28.5.2",
// both when both run; a marker on containers only when more than one engine runs. Pure.
import type { Container, EngineKind, Snapshot } from '../../../shared/model';

const engineName: Record<EngineKind, string> = { docker: 'Docker', podman: 'Podman' };

export interface EngineBadge {
  key: string;
  /** In English (the CLI's words; tests). */
  text: string;
  /** The engine's name and version: data, the same in every language. */
  name: string;
  /** What the window says after the name, in its language. */
  note: 'rootless' | 'unavailable' | null;
  available: boolean;
}

/** One badge per engine that answered; snapshots without the engine list (older engines) show the Docker status. */
export function engineBadges(snapshot: Pick<Snapshot, 'docker' | 'engines'>): EngineBadge[] {
  const engines = snapshot.engines ?? [];
  if (engines.length > 0) {
    return engines.map((e) => {
      const name = `${engineName[e.kind]} ${e.version ?? ''}`.trim();
      return { key: `${e.kind}:${e.id}`, text: `${name}${e.rootless ? ' (rootless)' : ''}`, name, note: e.rootless ? 'rootless' : null, available: true };
    });
  }
  const d = snapshot.docker;
  const name = d.available ? `Docker ${d.version ?? ''}`.trim() : 'Docker';
  return [{ key: 'docker', text: d.available ? name : 'Docker unavailable', name, note: d.available ? null : 'unavailable', available: d.available }];
}

/** "podman", "docker (rootless)" … where more than one engine runs; undefined where one does. */
export function engineMarkerOf(snapshot: Pick<Snapshot, 'engines'>, container: Pick<Container, 'engine'>): string | undefined {
  const engines = snapshot.engines ?? [];
  if (engines.length < 2 || !container.engine) return undefined;
  const { kind, id } = container.engine;
  const sameKind = engines.filter((e) => e.kind === kind);
  const rootless = engines.find((e) => e.kind === kind && e.id === id)?.rootless ?? false;
  return sameKind.length > 1 ? `${kind}${rootless ? ' (rootless)' : ''}` : kind;
}
