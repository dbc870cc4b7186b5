// Reads what the network checks look at: every Docker network (inspected, with its endpoints),
// every container's memberships, the host's links and routes, the Swarm state. I/O only.
import type Docker from 'dockerode';
import type { NetworkDetail } from '../../../shared/network-model';
import type { KernelLink } from '../host/kernel-link';
import { readHostLinks } from '../host/read-host-links';
import { readRoutes } from '../host/read-routes';
import type { Route } from '../path/parse-ip-route';
import { dockerFailure } from './docker-failure';
import { libpodGet } from '../engines/engine-client';
import { engineVersionOf } from '../engines/engine-identity';
import { parseLibpodNetworkList } from '../engines/parse-libpod-networks';
import { parseMember, parseNetworkDetail, type Member } from './parse-network-detail';

export interface DockerNetworkState {
  networks: NetworkDetail[];
  members: Member[];
  links: KernelLink[];
}

/** Inspects that fail because the object went away meanwhile are left out, as if read a moment later. */
const unlessGone = <T>(promise: Promise<T>): Promise<T | null> =>
  promise.catch((error: { statusCode?: number }) => {
    if (error.statusCode === 404) return null;
    throw error;
  });

/**
 * Podman names its real bridges (podman0, podman1 …) only in its own API: network id → bridge; null on
 * Docker, whose socket is not asked for a libpod path it would refuse on every read.
 */
async function podmanBridges(docker: Docker): Promise<Map<string, string> | null> {
  try {
    if (engineVersionOf(await docker.version()).kind !== 'podman') return null;
    const list = parseLibpodNetworkList(await libpodGet(docker, '/networks/json'));
    return new Map(list.filter((n) => n.driver === 'bridge' && n.network_interface).map((n) => [n.id, n.network_interface]));
  } catch {
    return null;
  }
}

export async function readDockerNetworks(docker: Docker): Promise<DockerNetworkState> {
  try {
    const [summaries, containers, links, podman] = await Promise.all([docker.listNetworks(), docker.listContainers({ all: true }), readHostLinks(), podmanBridges(docker)]);
    const [inspects, memberJson] = await Promise.all([
      Promise.all(summaries.map((n) => unlessGone(docker.getNetwork(n.Id).inspect() as Promise<unknown>))),
      Promise.all(containers.map((c) => unlessGone(docker.getContainer(c.Id).inspect() as Promise<unknown>))),
    ]);
    const members = memberJson.filter((m) => m !== null).map(parseMember).sort((a, b) => a.name.localeCompare(b.name));
    const networks = inspects
      .filter((n) => n !== null)
      .map((n) => parseNetworkDetail(n, members, links))
      // Docker's names (docker0, br-<id>) are Docker's rule, not Podman's.
      .map((n) => (podman ? { ...n, bridge: podman.get(n.id) ?? null } : n))
      .sort((a, b) => a.name.localeCompare(b.name));
    return { networks, members, links };
  } catch (error) {
    throw dockerFailure(error);
  }
}

export function readHostRoutes(): Promise<Route[]> {
  return readRoutes();
}

export async function readSwarmActive(docker: Docker): Promise<boolean> {
  try {
    const info = (await docker.info()) as { Swarm?: { LocalNodeState?: string } };
    return info.Swarm?.LocalNodeState === 'active';
  } catch (error) {
    throw dockerFailure(error);
  }
}
