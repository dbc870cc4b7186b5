// Namespaces, bridges and veth pairs wired by hand, pipework-style: create, move, up/down, delete,
// and the record of what Bridgeport made (only that can be changed or deleted through it).
// Orchestration only: the checks are pure (check-links), the commands run in privileged operations.
import type Docker from 'dockerode';
import type { z } from 'zod';
import type {
  bridgeCreateSchema,
  linkDeleteSchema,
  linkMoveSchema,
  linkPlaceSchema,
  linkStateSchema,
  MadeThing,
  netnsCreateSchema,
  netnsDeleteSchema,
  vethCreateSchema,
} from '../../../shared/namespace-model';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import type { ReadAccess } from '../access/privileged-reads';
import type { PlaceArg } from '../../privileged/contract/link-operations';
import type { EngineSet } from '../engines/engine-set';
import { message } from '../../../shared/message';
import { readEngines } from '../engines/read-engines';
import {
  checkBridgeCreate,
  checkMove,
  checkNetnsCreate,
  checkNetnsDelete,
  checkVethCreate,
  containerPlace,
  type HostView,
  LinkRefused,
  madeLinkAt,
  namespacePlace,
} from './check-links';
import { HOST, placeText, prune, toMadeThing, without, withMovedEnd, type Place, type RecordedThing } from './made-record';
import type { MadeStore } from './made-store';
import { readLinkFacts } from './read-link-facts';

export interface LinkWiringDeps {
  /** Every container engine: a container to wire (or recorded) may run on any of them. */
  engines: EngineSet;
  store: MadeStore;
  /** The privileged side, started on first use (the helper asks for a password once). */
  executor: () => Promise<PrivilegedExecutor>;
  /** Reads inside namespaces: the executor only when at hand without a prompt (else the other facts decide). */
  reads?: ReadAccess;
}

type LinkPlace = z.infer<typeof linkPlaceSchema>;

/** Where a place is, for the privileged side: a namespace name or a process. */
function placeArg(place: Place): PlaceArg | undefined {
  if ('host' in place) return undefined;
  if ('namespace' in place) return { netns: place.namespace };
  return { pid: place.pid };
}

export class LinkWiring {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: LinkWiringDeps) {}

  /** One change at a time, in this process and across processes (the record is shared). */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(() => this.deps.store.withLock(work));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A client per engine endpoint that is there (a socket file that is absent has no engine behind it). */
  private async engineClients(): Promise<Docker[]> {
    const { engines } = this.deps;
    const there = await Promise.all(engines.endpoints.map((e) => e.socketPath === null || engines.socketThere(e.socketPath)));
    return engines.endpoints.filter((_, i) => there[i]).map((e) => engines.client(e));
  }

  /** The record rid of what is gone, and the host as it is now. */
  private async read(options: { routes?: boolean } = {}): Promise<HostView> {
    const recorded = await this.deps.store.load();
    const { view, facts } = await readLinkFacts(await this.engineClients(), recorded, { ...options, ...(this.deps.reads ? { reads: this.deps.reads } : {}) });
    return { ...view, things: prune(recorded, facts).kept };
  }

  /** Saves the record when it differs from the file (something vanished, or a change was made). */
  private async save(things: readonly RecordedThing[]): Promise<void> {
    await this.deps.store.save(things);
  }

  async list(): Promise<MadeThing[]> {
    return (await this.read()).things.map(toMadeThing);
  }

  /** A container or named namespace as a place (the host when neither is given). */
  private async placeOf(where: LinkPlace | undefined, view: HostView): Promise<Place> {
    if (where === undefined) return HOST;
    if ('namespace' in where) return namespacePlace(where.namespace, view);
    const docker = await readEngines(this.deps.engines);
    if (!docker.status.available) throw new LinkRefused(message('engine-errors:dockerUnreachable', { reason: docker.status.error ?? docker.status.problem ?? 'unknown' }));
    return containerPlace(where.container, docker.containers);
  }

  createNetns(request: z.infer<typeof netnsCreateSchema>): Promise<MadeThing> {
    return this.serial(async () => {
      const view = await this.read();
      checkNetnsCreate(request.name, view);
      const executor = await this.deps.executor();
      const made = await executor.run('netns.add', { name: request.name });
      const thing: RecordedThing = { kind: 'netns', name: made.name, id: made.id, createdAt: new Date().toISOString() };
      await this.recordOrUndo([...view.things, thing], () => executor.run('netns.delete', { name: made.name }));
      return toMadeThing(thing);
    });
  }

  deleteNetns(request: z.infer<typeof netnsDeleteSchema>): Promise<MadeThing> {
    return this.serial(async () => {
      const view = await this.read();
      const thing = checkNetnsDelete(request.name, view);
      const executor = await this.deps.executor();
      await executor.run('netns.delete', { name: thing.name });
      // Veth ends inside it went with it: the next reading drops their pairs.
      await this.save(without(view.things, thing));
      return toMadeThing(thing);
    });
  }

  createBridge(request: z.infer<typeof bridgeCreateSchema>): Promise<MadeThing> {
    return this.serial(async () => {
      const view = await this.read({ routes: true });
      const args = checkBridgeCreate(request, view);
      const executor = await this.deps.executor();
      await executor.run('link.addBridge', args);
      const thing: RecordedThing = { kind: 'bridge', name: args.name, createdAt: new Date().toISOString() };
      await this.recordOrUndo([...view.things, thing], () => executor.run('link.delete', { link: args.name }));
      return toMadeThing(thing);
    });
  }

  createVeth(request: z.infer<typeof vethCreateSchema>): Promise<MadeThing> {
    return this.serial(async () => {
      const view = await this.read();
      const args = checkVethCreate(request, view);
      const executor = await this.deps.executor();
      await executor.run('link.addVeth', args);
      const thing: RecordedThing = {
        kind: 'veth',
        ends: [
          { name: args.name, place: HOST },
          { name: args.peer, place: HOST },
        ],
        createdAt: new Date().toISOString(),
      };
      await this.recordOrUndo([...view.things, thing], () => executor.run('link.delete', { link: args.name }));
      return toMadeThing(thing);
    });
  }

  move(request: z.infer<typeof linkMoveSchema>): Promise<{ link: string; place: string }> {
    return this.serial(async () => {
      const view = await this.read();
      const to = await this.placeOf(request.to, view);
      const { found, address, gateway } = checkMove(request, to, view);
      const executor = await this.deps.executor();
      const moved = await executor.run('link.move', {
        link: request.link,
        to: placeArg(to)!,
        ...(request.rename !== undefined ? { rename: request.rename } : {}),
        ...(address !== undefined ? { address } : {}),
        ...(gateway !== undefined ? { gateway } : {}),
        ...(request.mtu !== undefined ? { mtu: request.mtu } : {}),
      });
      await this.save(withMovedEnd(view.things, found.thing, found.end, { name: moved.link, place: to }));
      return { link: moved.link, place: placeText(to) };
    });
  }

  setState(request: z.infer<typeof linkStateSchema>): Promise<{ link: string; up: boolean }> {
    return this.serial(async () => {
      const view = await this.read();
      const place = await this.placeOf(request.in, view);
      madeLinkAt(request.link, place, view);
      const executor = await this.deps.executor();
      const result = await executor.run('link.setUp', { link: request.link, up: request.up, ...(placeArg(place) ? { in: placeArg(place) } : {}) });
      return { link: result.link, up: result.up };
    });
  }

  delete(request: z.infer<typeof linkDeleteSchema>): Promise<MadeThing> {
    return this.serial(async () => {
      const view = await this.read();
      const place = await this.placeOf(request.in, view);
      const found = madeLinkAt(request.link, place, view);
      const executor = await this.deps.executor();
      // Gone already (existed: false) is fine: the record follows.
      await executor.run('link.delete', { link: request.link, ...(placeArg(place) ? { in: placeArg(place) } : {}) });
      await this.save(without(view.things, found.thing));
      return toMadeThing(found.thing);
    });
  }

  /** Records what was just made; if the record cannot be written, the thing is taken away again. */
  private async recordOrUndo(things: readonly RecordedThing[], undo: () => Promise<unknown>): Promise<void> {
    try {
      await this.save(things);
    } catch (error) {
      await undo().catch(() => undefined);
      throw error;
    }
  }
}
