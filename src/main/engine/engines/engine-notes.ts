// What the snapshot says about engines it could not see fully: rootless ones (their networks live in
// a user namespace) and sockets that are there but did not answer. Pure: plain sentences.
import type { EngineKind } from '../../../shared/model';

const title = (kind: EngineKind) => (kind === 'podman' ? 'Podman' : 'Docker');

/** What Bridgeport shows for a rootless engine and what it cannot, so no host bridge is drawn for it. */
export function rootlessStatement(kind: EngineKind, version: string, endpoint: string): string {
  const plumbing =
    kind === 'podman'
      ? 'slirp4netns or pasta, published ports through rootlessport'
      : "RootlessKit (slirp4netns, vpnkit or pasta), published ports through RootlessKit's port driver";
  return (
    `${title(kind)} ${version} at ${endpoint} runs rootless: its containers and published ports are shown, ` +
    `but its networks live in a user namespace behind ${plumbing}. They have no bridge and no NAT rules on this host, ` +
    'so no bridge is drawn for them and the NAT and packet-path views do not cover them.'
  );
}

/** A socket that exists (or was named in DOCKER_HOST/CONTAINER_HOST) but could not be read. */
export function unreachableStatement(endpoint: string, code: string | undefined, message: string): string {
  const why =
    code === 'EACCES'
      ? "permission denied (a rootful engine's socket belongs to root; run with sudo or give your group access to it)"
      : code === 'ECONNREFUSED' || code === 'ENOENT'
        ? 'nothing answers there (the engine is not running)'
        : message;
  return `The container engine at ${endpoint} could not be read: ${why}. Its containers and networks are not shown.`;
}

/** A Podman whose own (libpod) API did not answer: its networks come from the Docker-compatible list, without bridge names. */
export function noLibpodStatement(endpoint: string, message: string): string {
  return `Podman at ${endpoint} did not answer its own network list (${message}): its networks are shown without their host bridges.`;
}

/** Why a port cannot be published on a rootless engine's container by Bridgeport, or null when it can be tried. */
export function rootlessPublishRefusal(container: { name: string; engine?: { kind: EngineKind; id: string } | undefined }, engines: ReadonlyArray<{ kind: EngineKind; id: string; rootless: boolean }>): string | null {
  const engine = container.engine && engines.find((e) => e.kind === container.engine?.kind && e.id === container.engine.id);
  if (!engine?.rootless) return null;
  const how = engine.kind === 'podman' ? 'podman run -p (rootlessport)' : 'docker run -p (RootlessKit)';
  return `container ${container.name} runs on rootless ${title(engine.kind)}: its network lives in a user namespace with no bridge on this host, so Bridgeport cannot publish its ports; publish them with ${how}`;
}
