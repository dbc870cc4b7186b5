// Publishes and unpublishes ports on running containers and keeps every remembered mapping in
// force (reconcile). Orchestration only: the checks, the rules and the batch are pure modules; the
// privileged work goes through the executor (in-process as root, else the elevated helper).
import { randomBytes } from 'node:crypto';
import type { Mapping, MappingStatus, PublishRequest, ReconcileResult, UnpublishRequest } from '../../../shared/publish-model';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import type { DockerRead } from '../docker/read-docker';
import type { EngineSet } from '../engines/engine-set';
import { readEngines, type EnginesRead } from '../engines/read-engines';
import { rootlessPublishRefusalMessage } from '../engines/engine-notes';
import { readHostLinks } from '../host/read-host-links';
import { readListeners } from '../host/read-listeners';
import { desiredRules, hasLoopbackGuard } from '../../netcore/rulesets/port-rules';
import { checkPublish, findContainer, PublishRefused } from './check-publish';
import type { EventLog } from './event-log';
import type { MappingStore, StoredState } from './mapping-store';
import { hasDockerUser, planBatch } from '../../netcore/rulesets/plan-port-batch';
import { resolveMappings } from './resolve-mappings';
import { parseIptablesSave } from '../../netcore/iptables/parse-iptables-save';
import { parseNftTables } from '../../netcore/nft/parse-nft-tables';
import { NFT_TABLE } from '../../netcore/rulesets/port-nft-rules';
import type { PortBackend, PortBackendPreference } from '../../netcore/rulesets/port-backend';
import { firewallPreference } from './firewall-preference';
import { message, type Message } from '../../../shared/message';
import { inEnglish } from '../../../shared/i18n/english';
import { detail, event, reason as said } from './port-messages';

export interface PublisherDeps {
  /** Every container engine (Docker, Podman): a mapping's container may run on any of them. */
  engines: EngineSet;
  store: MappingStore;
  events: EventLog;
  /** The privileged side, started on first use (the helper asks for a password once). */
  executor: () => Promise<PrivilegedExecutor>;
  /** iptables, nftables or auto (default: BRIDGEPORT_FIREWALL_BACKEND, else auto). */
  firewall?: () => PortBackendPreference;
}

/** A waiting mapping's detail, in English and as a message. */
const detailOf = (m: Message) => ({ detail: inEnglish(m), detailMessage: m });

export class PortPublisher {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<(statuses: MappingStatus[]) => void>();
  private lastStatuses: MappingStatus[] = [];

  constructor(private readonly deps: PublisherDeps) {}

  /** One change at a time, in this process and across processes: each plans against what the one before left. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => this.deps.store.withLock(work));
    this.queue = next.catch(() => undefined);
    return next;
  }

  onChange(listener: (statuses: MappingStatus[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** As last applied; before any apply, resolved now from the file and Docker (read-only). */
  async currentStatuses(): Promise<MappingStatus[]> {
    if (this.lastResolved !== null) return this.lastStatuses;
    const [docker, state] = await Promise.all([readEngines(this.deps.engines), this.deps.store.load()]);
    if (!docker.status.available) {
      return state.mappings.map((m) => ({ ...m, state: 'waiting' as const, containerIp: null, bridge: null, ...detailOf(detail.dockerUnreachable()) }));
    }
    const resolution = resolveMappings(state.mappings, docker.containers, docker.networks);
    const gone = resolution.gone.map((m) => ({ ...m, state: 'waiting' as const, containerIp: null, bridge: null, ...detailOf(detail.removed(m.container.name)) }));
    return [...resolution.statuses, ...gone];
  }

  private async dockerOrFail(): Promise<EnginesRead> {
    const read = await readEngines(this.deps.engines);
    if (!read.status.available) throw new PublishRefused(message('engine-errors:dockerUnreachable', { reason: read.status.error ?? read.status.problem ?? 'unknown' }));
    return read;
  }

  publish(request: PublishRequest): Promise<MappingStatus> {
    return this.serial(async () => {
      this.firewall();
      const [docker, state, listeners, links] = await Promise.all([this.dockerOrFail(), this.deps.store.load(), readListeners(), readHostLinks()]);
      const hostAddresses = links.flatMap((l) => l.addresses).filter((a) => !a.includes(':')).map((a) => a.replace(/\/\d+$/, ''));
      const target = await this.checked(request, () => {
        const rootless = rootlessPublishRefusalMessage(findContainer(request.container, docker.containers), docker.engines);
        if (rootless) throw new PublishRefused(rootless);
        return checkPublish(request, { containers: docker.containers, networks: docker.networks, mappings: state.mappings, listeners, hostAddresses });
      });
      // Elevation first: a cancelled password prompt must leave the file as it was (and not prompt again to undo).
      await this.deps.executor();
      const mapping: Mapping = {
        id: randomBytes(6).toString('hex'),
        container: { id: target.container.id, name: target.container.name },
        network: target.network.name,
        hostIp: target.hostIp,
        hostPort: request.hostPort,
        hostPortEnd: request.hostPortEnd ?? request.hostPort,
        containerPort: request.containerPort,
        containerPortEnd: request.containerPortEnd ?? request.containerPort,
        protocol: request.protocol,
        createdAt: new Date().toISOString(),
      };
      const next: StoredState = { ...state, mappings: [...state.mappings, mapping] };
      await this.deps.store.save(next);
      try {
        const result = await this.applyState(next, docker);
        await this.deps.events.add('published', event.published(mapping), mapping.id);
        return result.mappings.find((m) => m.id === mapping.id)!;
      } catch (error) {
        // Nothing half-done stays: the file goes back, and so do the rules.
        await this.deps.store.save(state);
        await this.applyState(state, docker).catch(() => undefined);
        await this.deps.events.add('failed', event.failed(mapping, error), mapping.id);
        throw error;
      }
    });
  }

  /** Runs the pure check; a refusal also goes into the event log. */
  private async checked<T>(request: PublishRequest, check: () => T): Promise<T> {
    try {
      return check();
    } catch (error) {
      if (error instanceof PublishRefused) await this.deps.events.add('refused', event.refused(request, error));
      throw error;
    }
  }

  unpublish(request: UnpublishRequest): Promise<Mapping> {
    return this.serial(async () => {
      const [docker, state] = await Promise.all([readEngines(this.deps.engines), this.deps.store.load()]);
      const hostIp = request.hostIp === '0.0.0.0' ? '' : request.hostIp;
      // The container may already be gone; its remembered name or id still finds the mapping.
      let ids: string[] = [];
      try {
        ids = [findContainer(request.container, docker.containers).id];
      } catch {
        ids = state.mappings.filter((m) => m.container.name === request.container || m.container.id.startsWith(request.container)).map((m) => m.container.id);
      }
      const mapping = state.mappings.find(
        (m) => ids.includes(m.container.id) && m.protocol === request.protocol && m.hostIp === hostIp && m.hostPort <= request.hostPort && request.hostPort <= m.hostPortEnd,
      );
      if (!mapping) throw new PublishRefused(message('engine-errors:publish.notPublished', { port: `${hostIp ? `${hostIp}:` : ''}${request.hostPort}/${request.protocol}`, container: request.container }));
      const next: StoredState = { ...state, mappings: state.mappings.filter((m) => m.id !== mapping.id) };
      await this.deps.executor();
      await this.deps.store.save(next);
      try {
        await this.applyState(next, docker.status.available ? docker : null);
      } catch (error) {
        await this.deps.store.save(state);
        throw error;
      }
      await this.deps.events.add('unpublished', event.unpublished(mapping), mapping.id);
      return mapping;
    });
  }

  /** Makes the rules match the mappings file (idempotent). `reason` goes into the event log when rules had to be rewritten. */
  async reconcile(reason: Message = said.reconcile(), options: { onlyIfNeeded?: boolean } = {}): Promise<ReconcileResult> {
    // The watch loop of a user who never published anything must not ask for a password (nor create files).
    if (options.onlyIfNeeded && this.lastResolved === null) {
      const state = await this.deps.store.load();
      if (state.mappings.length === 0 && state.routeLocalnet.length === 0) return { changed: false, mappings: [], warnings: [] };
    }
    return this.serial(async () => {
      const [docker, state] = await Promise.all([readEngines(this.deps.engines), this.deps.store.load()]);
      // Without Docker no container can be told gone or moved: keep everything as it is.
      if (!docker.status.available) {
        return { changed: false, mappings: this.lastStatuses, warnings: [`Docker is not reachable; mappings are kept and come back when it is`] };
      }
      const result = await this.applyState(state, docker);
      if (result.changed) {
        await this.deps.events.add('restored', event.restored(result.mappings.filter((m) => m.state === 'active').length, reason));
      }
      return result;
    });
  }

  /** Cheap check for the watch loop (one iptables-save, no Docker call): why a reconcile is due, or null. */
  async driftReason(): Promise<Message | null> {
    const active = this.lastResolved;
    if (active === null) return null;
    // Another Bridgeport process (the CLI beside the app) changed the file: take its word.
    const ids = (await this.deps.store.mappings()).map((m) => m.id).sort().join();
    if (ids !== this.lastAppliedIds) return said.otherProcess();
    const executor = await this.deps.executor();
    if (this.lastBackend === 'nftables') return this.nftDrift(executor, active.length > 0);
    const current = parseIptablesSave((await executor.run('firewall.save', {})).text, 'ipv4');
    // The helper keeps the loopback guard while route_localnet is on somewhere: a kept guard is no drift.
    if (planBatch(desiredRules(active, hasDockerUser(current), { keepLoopbackGuard: hasLoopbackGuard(current) }), current).batch === null) return null;
    return said.rulesChanged();
  }

  /** Our table can only be changed or deleted as a whole by others (a `flush ruleset`): its presence is what is checked. */
  private async nftDrift(executor: PrivilegedExecutor, wanted: boolean): Promise<Message | null> {
    const tables = parseNftTables((await executor.run('firewall.listTables', {})).text);
    const present = tables.some((t) => t.family === NFT_TABLE.family && t.name === NFT_TABLE.name);
    if (!wanted || present) return null;
    return said.tableRemoved(`${NFT_TABLE.family} ${NFT_TABLE.name}`);
  }

  private firewall(): PortBackendPreference {
    return (this.deps.firewall ?? firewallPreference)();
  }

  private lastResolved: ReturnType<typeof resolveMappings>['resolved'] | null = null;
  private lastBackend: PortBackend | null = null;
  private lastAppliedIds = '';

  /** Resolves the file against Docker (dropping mappings of removed containers) and applies it. */
  private async applyState(state: StoredState, docker: DockerRead | null): Promise<ReconcileResult> {
    let current = state;
    const resolution = docker ? resolveMappings(state.mappings, docker.containers, docker.networks) : null;
    if (resolution && resolution.gone.length > 0) {
      current = { ...state, mappings: state.mappings.filter((m) => !resolution.gone.includes(m)) };
      await this.deps.store.save(current);
      for (const m of resolution.gone) {
        await this.deps.events.add('removed', event.removed(m), m.id);
      }
    }
    const resolved = resolution?.resolved ?? (this.lastResolved ?? []).filter((r) => current.mappings.some((m) => m.id === r.id));
    const executor = await this.deps.executor();
    const needed = new Set(resolved.filter((m) => m.hostIp === '' || m.hostIp.startsWith('127.')).map((m) => m.bridge));
    const result = await executor.run('ports.apply', { mappings: resolved, resetRouteLocalnet: current.routeLocalnet.filter((b) => !needed.has(b)), firewall: this.firewall() });
    this.lastBackend = result.backend;
    const routeLocalnet = [...new Set([...current.routeLocalnet.filter((b) => needed.has(b)), ...result.routeLocalnetSet])].sort();
    if (routeLocalnet.join() !== current.routeLocalnet.join()) await this.deps.store.save({ ...current, routeLocalnet });
    this.lastResolved = resolved;
    this.lastAppliedIds = current.mappings.map((m) => m.id).sort().join();
    const statuses = resolution?.statuses ?? this.lastStatuses.filter((s) => current.mappings.some((m) => m.id === s.id));
    this.setStatuses(statuses);
    return { changed: result.changed, mappings: statuses, warnings: result.warnings };
  }

  private setStatuses(statuses: MappingStatus[]): void {
    const changed = JSON.stringify(statuses) !== JSON.stringify(this.lastStatuses);
    this.lastStatuses = statuses;
    if (changed) for (const listener of this.listeners) listener(statuses);
  }
}
