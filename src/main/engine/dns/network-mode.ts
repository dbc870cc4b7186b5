// How a container's network mode decides where its resolv.conf comes from. Pure.

/**
 * host-copy: Docker copies the host's file (default bridge, none); host: the host's file as is;
 * shared: another container's files (container:<id>); embedded: Docker's resolver (user-defined networks).
 */
export type ResolvOrigin = 'host-copy' | 'host' | 'shared' | 'embedded';

/**
 * A default-bridge container connected to a user-defined network too gets Docker's resolver: Docker
 * rewrites its file for 127.0.0.11 on that connect (seen on 20.10), so `networks` counts as well.
 */
export function resolvOriginOf(networkMode: string, networks: readonly string[] = []): ResolvOrigin {
  if (networkMode === 'host') return 'host';
  if (networkMode.startsWith('container:')) return 'shared';
  if (networkMode === 'none') return 'host-copy';
  if (networkMode === 'default' || networkMode === 'bridge' || networkMode === '') {
    return networks.some((n) => n !== 'bridge') ? 'embedded' : 'host-copy';
  }
  return 'embedded';
}

/** The id (or name) after "container:". */
export const sharedWith = (networkMode: string): string => networkMode.slice('container:'.length);
