// What the snapshot says about engines it could not see fully: rootless ones (their networks live in
// a user namespace) and sockets that are there but did not answer, as messages (engine-errors) and
// in English. Pure.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { EngineKind } from '../../../shared/model';

const title = (kind: EngineKind) => (kind === 'podman' ? 'Podman' : 'Docker');

/** What Bridgeport shows for a rootless engine and what it cannot, so no host bridge is drawn for it. */
export function rootlessNote(kind: EngineKind, version: string, endpoint: string): Message {
  const plumbing = message(kind === 'podman' ? 'engine-errors:status.rootlessPlumbing.podman' : 'engine-errors:status.rootlessPlumbing.docker');
  return message('engine-errors:status.rootless', { engine: title(kind), version, endpoint, plumbing });
}

/** A socket that exists (or was named in DOCKER_HOST/CONTAINER_HOST) but could not be read. */
export function unreachableNote(endpoint: string, code: string | undefined, error: string): Message {
  const why =
    code === 'EACCES'
      ? message('engine-errors:status.unreachableWhy.permission')
      : code === 'ECONNREFUSED' || code === 'ENOENT'
        ? message('engine-errors:status.unreachableWhy.notRunning')
        : message('engine-common:text', { text: error });
  return message('engine-errors:status.unreachable', { endpoint, why });
}

/** A Podman whose own (libpod) API did not answer: its networks come from the Docker-compatible list, without bridge names. */
export function noLibpodNote(endpoint: string, error: string): Message {
  return message('engine-errors:status.noLibpod', { endpoint, error });
}

/** The notes in English. */
export const rootlessStatement = (...args: Parameters<typeof rootlessNote>): string => inEnglish(rootlessNote(...args));
export const unreachableStatement = (...args: Parameters<typeof unreachableNote>): string => inEnglish(unreachableNote(...args));
export const noLibpodStatement = (...args: Parameters<typeof noLibpodNote>): string => inEnglish(noLibpodNote(...args));

/** Why a port cannot be published on a rootless engine's container by Bridgeport, or null when it can be tried. */
export function rootlessPublishRefusalMessage(container: { name: string; engine?: { kind: EngineKind; id: string } | undefined }, engines: ReadonlyArray<{ kind: EngineKind; id: string; rootless: boolean }>): Message | null {
  const engine = container.engine && engines.find((e) => e.kind === container.engine?.kind && e.id === container.engine.id);
  if (!engine?.rootless) return null;
  const how = engine.kind === 'podman' ? 'podman run -p (rootlessport)' : 'docker run -p (RootlessKit)';
  return message('engine-errors:publish.rootless', { container: container.name, engine: title(engine.kind), how });
}

/** The same refusal in English. */
export function rootlessPublishRefusal(...args: Parameters<typeof rootlessPublishRefusalMessage>): string | null {
  const said = rootlessPublishRefusalMessage(...args);
  return said && inEnglish(said);
}
