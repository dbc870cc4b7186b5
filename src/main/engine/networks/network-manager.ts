// Lists, creates, removes, connects and disconnects Docker networks: read, plan (pure, refuses
// before anything changes), then ask Docker. Docker's API needs no root, so nothing here goes
// through the privileged helper. Holds no policy: the planners decide.
import type Docker from 'dockerode';
import type { NetworkCreate, NetworkDetail } from '../../../shared/network-model';
import { dockerFailure } from './docker-failure';
import { NetworkRefused } from '../../../shared/network-refused';
import { planCreate } from './plan-create';
import { findNetwork, planConnect, planDisconnect, planRemove } from './plan-membership';
import { readDockerNetworks, readHostRoutes, readSwarmActive } from './read-network-state';
import { suggestSubnet } from './suggest-subnet';

export interface NetworkRemoved {
  removed: string;
  disconnected: string[];
}

export class NetworkManager {
  constructor(private readonly docker: Docker) {}

  async list(): Promise<NetworkDetail[]> {
    return (await readDockerNetworks(this.docker)).networks;
  }

  async suggestSubnet(): Promise<{ subnet: string; gateway: string }> {
    const [state, routes] = await Promise.all([readDockerNetworks(this.docker), readHostRoutes()]);
    return suggestSubnet({ networks: state.networks, links: state.links, routes });
  }

  async create(input: NetworkCreate): Promise<NetworkDetail> {
    const [state, routes, swarmActive] = await Promise.all([
      readDockerNetworks(this.docker),
      readHostRoutes(),
      input.driver === 'overlay' ? readSwarmActive(this.docker) : Promise.resolve(false),
    ]);
    const body = planCreate(input, { networks: state.networks, links: state.links, routes, swarmActive });
    const created = await this.docker.createNetwork(body).catch((error: unknown) => {
      throw dockerFailure(error);
    });
    return this.detailOf(created.id);
  }

  async remove(input: { name: string; disconnectContainers: boolean }): Promise<NetworkRemoved> {
    const state = await readDockerNetworks(this.docker);
    const plan = planRemove(input, state);
    const network = this.docker.getNetwork(plan.network.id);
    const disconnected: string[] = [];
    try {
      for (const member of plan.disconnect) {
        await network.disconnect({ Container: member.id, Force: false });
        disconnected.push(member.name);
      }
      await network.remove();
    } catch (error) {
      const failure = dockerFailure(error);
      if (disconnected.length) failure.message += ` (already disconnected: ${disconnected.join(', ')})`;
      throw failure;
    }
    return { removed: plan.network.name, disconnected };
  }

  async connect(input: { network: string; container: string; ip?: string; aliases: string[] }): Promise<NetworkDetail> {
    const plan = planConnect(input, await readDockerNetworks(this.docker));
    await this.docker
      .getNetwork(plan.network.id)
      .connect(plan.body)
      .catch((error: unknown) => {
        throw dockerFailure(error);
      });
    return this.detailOf(plan.network.id);
  }

  async disconnect(input: { network: string; container: string; force: boolean }): Promise<NetworkDetail> {
    const plan = planDisconnect(input, await readDockerNetworks(this.docker));
    await this.docker
      .getNetwork(plan.network.id)
      .disconnect(plan.body)
      .catch((error: unknown) => {
        throw dockerFailure(error);
      });
    return this.detailOf(plan.network.id);
  }

  /** The network as it is after the change, read back from Docker. */
  private async detailOf(id: string): Promise<NetworkDetail> {
    const state = await readDockerNetworks(this.docker);
    try {
      return findNetwork(id, state);
    } catch (error) {
      if (error instanceof NetworkRefused) throw new Error(`network ${id.slice(0, 12)} is gone right after the change (removed meanwhile?)`, { cause: error });
      throw error;
    }
  }
}
