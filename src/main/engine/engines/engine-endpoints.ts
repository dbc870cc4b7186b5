// Where container engines are looked for: DOCKER_HOST and CONTAINER_HOST when set, then the
// usual sockets of rootful and rootless Docker and Podman. Pure: the environment is passed in.

export type EndpointOrigin = 'DOCKER_HOST' | 'CONTAINER_HOST' | 'default' | 'usual';

export interface EngineEndpoint {
  /** As a user writes it: unix:///run/podman/podman.sock, tcp://host:2375. */
  url: string;
  /** The socket file of a unix:// endpoint, else null. */
  socketPath: string | null;
  tcp: { host: string; port: number } | null;
  origin: EndpointOrigin;
}

export interface EndpointEnv {
  DOCKER_HOST?: string | undefined;
  CONTAINER_HOST?: string | undefined;
  XDG_RUNTIME_DIR?: string | undefined;
}

export const DEFAULT_DOCKER_SOCKET = '/var/run/docker.sock';
export const ROOTFUL_PODMAN_SOCKET = '/run/podman/podman.sock';

/** unix:///path or tcp://host:port; null for what Bridgeport cannot dial itself (ssh://, npipe://). */
export function parseEndpoint(url: string, origin: EndpointOrigin): EngineEndpoint | null {
  if (url.startsWith('unix://')) {
    const socketPath = url.slice('unix://'.length);
    return socketPath.startsWith('/') ? { url, socketPath, tcp: null, origin } : null;
  }
  const withScheme = url.includes('://') ? url : `tcp://${url}`;
  if (!withScheme.startsWith('tcp://')) return null;
  try {
    const parsed = new URL(withScheme);
    const port = Number(parsed.port || 2375);
    if (!parsed.hostname || !Number.isInteger(port)) return null;
    return { url: withScheme, socketPath: null, tcp: { host: parsed.hostname.replace(/^\[|\]$/g, ''), port }, origin };
  } catch {
    return null;
  }
}

/**
 * Every endpoint worth asking, the one Docker's own client would use first (DOCKER_HOST, else the
 * default socket). The same URL is listed once; the same socket reached by two paths is told apart
 * later by its real path and the engine's identity.
 */
export function candidateEndpoints(env: EndpointEnv): EngineEndpoint[] {
  const found: Array<EngineEndpoint | null> = [
    env.DOCKER_HOST ? parseEndpoint(env.DOCKER_HOST, 'DOCKER_HOST') : parseEndpoint(`unix://${DEFAULT_DOCKER_SOCKET}`, 'default'),
    env.CONTAINER_HOST ? parseEndpoint(env.CONTAINER_HOST, 'CONTAINER_HOST') : null,
    parseEndpoint(`unix://${DEFAULT_DOCKER_SOCKET}`, 'usual'),
    parseEndpoint(`unix://${ROOTFUL_PODMAN_SOCKET}`, 'usual'),
  ];
  if (env.XDG_RUNTIME_DIR?.startsWith('/')) {
    const dir = env.XDG_RUNTIME_DIR.replace(/\/+$/, '');
    found.push(parseEndpoint(`unix://${dir}/podman/podman.sock`, 'usual'), parseEndpoint(`unix://${dir}/docker.sock`, 'usual'));
  }
  const seen = new Set<string>();
  const result: EngineEndpoint[] = [];
  for (const e of found) {
    if (!e || seen.has(e.url)) continue;
    seen.add(e.url);
    result.push(e);
  }
  return result;
}

/** Usual sockets are asked only when the file is there; what the user named (or Docker's default) always. */
export const askedEvenIfAbsent = (e: EngineEndpoint): boolean => e.origin !== 'usual';
