// Lists, creates, removes, connects and disconnects the networks of every engine (Docker and Podman
// side by side): read, plan (pure, refuses before anything changes), then ask the engine that owns
// the network; a new network goes to Docker unless only Podman answers (network-owner). The engines'
// APIs need no root, so nothing here goes through the privileged helper. Holds no policy.
import type Docker from 'dockerode';
import type { EngineRef } from '../../../shared/model';
import type { NetworkCreate, NetworkDetail } from '../../../shared/network-model';
import type { EngineSet } from '../engines/engine-set';
import { answeringEngines } from '../engines/read-engines';
import { dockerFailure } from './docker-failure';
import { NetworkRefused } from '../../../shared/network-refused';
import { createTarget, engineOwning, type EngineReadings } from './network-owner';
import { planCreate } from './plan-create';
import { findNetwork, planConnect, planDisconnect, planRemove } from './plan-membership';
import { readDockerNetworks, readHostRoutes, readSwarmActive, type DockerNetworkState } from './read-network-state';
import { suggestSubnet } from './suggest-subnet';

export interface NetworkRemoved {
  removed: string;
  disconnected: string[];
  engine?: EngineRef;
}

/** One engine to act on: its client and, when it answered, who it is. */
interface Target {
  client: Docker;
  ref: EngineRef | null;
}

type Part = EngineReadings<Target> & { readings: DockerNetworkState };

export class NetworkManager {
  constructor(private readonly engines: EngineSet) {}

  /** Every answering engine's networks, each marked with its engine; none answering: the primary's failure explains. */
  private async read(): Promise<Part[]> {
    const answering = await answeringEngines(this.engines);
    const targets = answering.length > 0 ? answering.map((e) => ({ client: e.client, ref: e.ref })) : [{ client: this.engines.primary, ref: null }];
    return Promise.all(targets.map((target) => this.readOne(target)));
  }

  private async readOne(target: Target): Promise<Part> {
    const state = await readDockerNetworks(target.client);
    const networks = target.ref ? state.networks.map((n) => ({ ...n, engine: target.ref! })) : state.networks;
    return { engine: target, kind: target.ref?.kind ?? 'docker', readings: { ...state, networks } };
  }

  private static all(parts: readonly Part[]): DockerNetworkState {
    return { networks: parts.flatMap((p) => p.readings.networks), members: parts.flatMap((p) => p.readings.members), links: parts[0]?.readings.links ?? [] };
  }

  async list(): Promise<NetworkDetail[]> {
    return NetworkManager.all(await this.read()).networks.sort((a, b) => a.name.localeCompare(b.name));
  }

  async suggestSubnet(): Promise<{ subnet: string; gateway: string }> {
    const [parts, routes] = await Promise.all([this.read(), readHostRoutes()]);
    const state = NetworkManager.all(parts);
    return suggestSubnet({ networks: state.networks, links: state.links, routes });
  }

  async create(input: NetworkCreate): Promise<NetworkDetail> {
    const [parts, routes] = await Promise.all([this.read(), readHostRoutes()]);
    const target = createTarget(parts).engine;
    const swarmActive = input.driver === 'overlay' ? await readSwarmActive(target.client) : false;
    // Every engine's subnets and names count: two engines' bridges on one subnet break both.
    const state = NetworkManager.all(parts);
    const body = planCreate(input, { networks: state.networks, links: state.links, routes, swarmActive });
    const created = await target.client.createNetwork(body).catch((error: unknown) => {
      throw dockerFailure(error);
    });
    return this.detailOf(target, created.id);
  }

  async remove(input: { name: string; disconnectContainers: boolean }): Promise<NetworkRemoved> {
    const owner = engineOwning(input.name, await this.read());
    const plan = planRemove(input, owner.readings);
    const network = owner.engine.client.getNetwork(plan.network.id);
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
    return { removed: plan.network.name, disconnected, ...(owner.engine.ref ? { engine: owner.engine.ref } : {}) };
  }

  async connect(input: { network: string; container: string; ip?: string; aliases: string[] }): Promise<NetworkDetail> {
    const owner = engineOwning(input.network, await this.read());
    const plan = planConnect(input, owner.readings);
    await owner.engine.client
      .getNetwork(plan.network.id)
      .connect(plan.body)
      .catch((error: unknown) => {
        throw dockerFailure(error);
      });
    return this.detailOf(owner.engine, plan.network.id);
  }

  async disconnect(input: { network: string; container: string; force: boolean }): Promise<NetworkDetail> {
    const owner = engineOwning(input.network, await this.read());
    const plan = planDisconnect(input, owner.readings);
    await owner.engine.client
      .getNetwork(plan.network.id)
      .disconnect(plan.body)
      .catch((error: unknown) => {
        throw dockerFailure(error);
      });
    return this.detailOf(owner.engine, plan.network.id);
  }

  /** The network as it is after the change, read back from its engine. */
  private async detailOf(target: Target, id: string): Promise<NetworkDetail> {
    const part = await this.readOne(target);
    try {
      return findNetwork(id, part.readings);
    } catch (error) {
      if (error instanceof NetworkRefused) throw new Error(`network ${id.slice(0, 12)} is gone right after the change (removed meanwhile?)`, { cause: error });
      throw error;
    }
  }
}
