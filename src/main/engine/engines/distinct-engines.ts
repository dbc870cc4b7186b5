// The same engine reached twice (a symlinked socket, DOCKER_HOST naming the usual socket, unix and
// tcp to one daemon) is shown once: the first way it was reached wins. Pure.
import type { EngineKind } from '../../../shared/model';

export interface ReachedEngine {
  /** realpath of its socket, or null (tcp). */
  realPath: string | null;
  kind: EngineKind;
  /** The engine's identity (Docker's /info ID, Podman's storage root); '' when it gave none. */
  id: string;
}

export function distinctEngines<T extends ReachedEngine>(reached: readonly T[]): T[] {
  const paths = new Set<string>();
  const ids = new Set<string>();
  const kept: T[] = [];
  for (const r of reached) {
    const identity = r.id ? `${r.kind}:${r.id}` : null;
    if ((r.realPath !== null && paths.has(r.realPath)) || (identity !== null && ids.has(identity))) continue;
    if (r.realPath !== null) paths.add(r.realPath);
    if (identity !== null) ids.add(identity);
    kept.push(r);
  }
  return kept;
}
