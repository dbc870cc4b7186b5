// Reads every engine that answers (Docker and Podman, rootful and rootless), each once, into one list
// of containers and networks, each marked with its engine. I/O only: parsing and wording are pure modules.
import { realpath } from 'node:fs/promises';
import type Docker from 'dockerode';
import type { Container, DockerStatus, EngineKind, EngineRef, EngineStatus, Network } from '../../../shared/model';
import { dockerInstalled, type DockerRead } from '../docker/read-docker';
import { explainDockerFailure } from '../docker/docker-status';
import { parseContainerInspect, parseNetwork } from '../docker/parse-docker';
import { askedEvenIfAbsent, type EngineEndpoint } from './engine-endpoints';
import { inspectEachContainer, libpodGet } from './engine-client';
import { engineFactsOf, engineVersionOf, type EngineFacts } from './engine-identity';
import type { EngineSet } from './engine-set';
import { distinctEngines } from './distinct-engines';
import { inEnglish } from '../../../shared/i18n/english';
import type { Message } from '../../../shared/message';
import { noLibpodNote, rootlessNote, unreachableNote } from './engine-notes';
import { parseLibpodNetworkList, toNetwork } from './parse-libpod-networks';

export interface EnginesRead extends DockerRead {
  /** Every engine that answered, each once, in the order asked (DOCKER_HOST first). */
  engines: EngineStatus[];
  /** Rootless engines, sockets that did not answer, missing libpod lists: plain sentences. */
  notes: string[];
  /** The same notes as messages (engine-errors), in the same order. */
  noteMessages: Message[];
}

interface Reached {
  endpoint: EngineEndpoint;
  client: Docker;
  realPath: string | null;
  status: EngineStatus;
}

interface Failed {
  endpoint: EngineEndpoint;
  error: NodeJS.ErrnoException;
}

async function identify(endpoint: EngineEndpoint, client: Docker, known: Map<string, EngineFacts>): Promise<Reached | Failed> {
  try {
    const realPath = endpoint.socketPath ? await realpath(endpoint.socketPath).catch(() => endpoint.socketPath) : null;
    const version = engineVersionOf(await client.version());
    // Keyed by what /version said too: another engine (or release) on the same socket is asked again.
    const key = `${endpoint.url} ${version.kind} ${version.version}`;
    const facts = known.get(key) ?? (await askFacts(client, version.kind));
    known.set(key, facts);
    const status: EngineStatus = {
      available: true,
      version: version.version,
      apiVersion: version.apiVersion,
      endpoint: endpoint.url,
      kind: version.kind,
      id: facts.id || endpoint.url,
      rootless: facts.rootless,
    };
    return { endpoint, client, realPath, status };
  } catch (error) {
    // Another engine may answer there next time (Docker stopped, Podman started on the same socket).
    for (const key of known.keys()) if (key.startsWith(`${endpoint.url} `)) known.delete(key);
    return { endpoint, error: error as NodeJS.ErrnoException };
  }
}

async function askFacts(client: Docker, kind: EngineKind): Promise<EngineFacts> {
  const info: unknown = await client.info();
  const libpodInfo = kind === 'podman' ? await libpodGet(client, '/info').catch(() => null) : null;
  return engineFactsOf(kind, info, libpodInfo);
}

function readContainers(client: Docker, engine: EngineRef, onContainer: (c: Container) => void): Promise<Container[]> {
  return inspectEachContainer(client, (json) => {
    const container = { ...parseContainerInspect(json), engine };
    onContainer(container);
    return container;
  });
}

async function readNetworks(r: Reached, engine: EngineRef, containers: Container[], notes: Message[]): Promise<Network[]> {
  if (r.status.kind === 'podman') {
    try {
      return parseLibpodNetworkList(await libpodGet(r.client, '/networks/json')).map((n) => toNetwork(n, containers, engine, r.status.rootless));
    } catch (error) {
      notes.push(noLibpodNote(r.endpoint.url, (error as Error).message));
    }
  }
  // Docker's bridge names (docker0, br-<id>) are Docker's rule; for anything else no name is guessed.
  const trustBridge = r.status.kind === 'docker' && !r.status.rootless;
  return (await r.client.listNetworks()).map((n) => {
    const network = parseNetwork(n, containers);
    return { ...network, bridge: trustBridge ? network.bridge : null, engine };
  });
}

interface EnginePart {
  containers: Container[];
  networks: Network[];
  notes: Message[];
}

async function readOne(r: Reached, onContainer: (c: Container) => void): Promise<EnginePart> {
  const engine: EngineRef = { kind: r.status.kind, id: r.status.id };
  const notes: Message[] = [];
  const containers = await readContainers(r.client, engine, onContainer);
  const networks = await readNetworks(r, engine, containers, notes);
  if (r.status.rootless) notes.push(rootlessNote(r.status.kind, r.status.version ?? '?', r.endpoint.url));
  return { containers, networks, notes };
}

/** The fields callers that know one engine read (snapshot.docker), without the engine's own. */
function dockerStatusOf(s: EngineStatus): DockerStatus {
  return { available: s.available, version: s.version, apiVersion: s.apiVersion, endpoint: s.endpoint };
}

/** Every endpoint asked once: the distinct engines that answered, the endpoints that failed, the sockets not there. */
async function reach(set: EngineSet): Promise<{ reached: Reached[]; failed: Failed[]; absent: Set<EngineEndpoint> }> {
  const there = await Promise.all(set.endpoints.map((e) => (e.socketPath === null ? true : set.socketThere(e.socketPath))));
  const absent = new Set(set.endpoints.filter((_, i) => !there[i]));
  const asked = set.endpoints.filter((e) => askedEvenIfAbsent(e) || !absent.has(e));
  const answers = await Promise.all(asked.map((e) => identify(e, set.client(e), set.facts)));
  const reached = distinctEngines(answers.filter((a): a is Reached => 'status' in a).map((a) => ({ ...a, kind: a.status.kind, id: a.status.id })));
  return { reached, failed: answers.filter((a): a is Failed => 'error' in a), absent };
}

/** An engine that answers now, for features that act on every engine (DNS, events): its client and kind. */
export interface AnsweringEngine {
  client: Docker;
  kind: EngineKind;
  ref: EngineRef;
  endpoint: string;
}

/** The distinct engines that answer now (an engine reached twice is listed once), DOCKER_HOST's first. */
export async function answeringEngines(set: EngineSet): Promise<AnsweringEngine[]> {
  const { reached } = await reach(set);
  return reached.map((r) => ({ client: r.client, kind: r.status.kind, ref: { kind: r.status.kind, id: r.status.id }, endpoint: r.endpoint.url }));
}

/** `onContainer` hears of each container as soon as it is inspected (the namespace reader starts on it). */
export async function readEngines(set: EngineSet, onContainer: (c: Container) => void = () => undefined): Promise<EnginesRead> {
  const { reached, failed, absent } = await reach(set);
  const parts = await Promise.all(
    reached.map((r) =>
      readOne(r, onContainer).catch(
        (error: NodeJS.ErrnoException): EnginePart => ({ containers: [], networks: [], notes: [unreachableNote(r.endpoint.url, error.code, error.message)] }),
      ),
    ),
  );
  const notes = parts.flatMap((p) => p.notes);
  const primary = set.primaryEndpoint;
  for (const f of failed) {
    // The status explains the first endpoint when nothing answered; Docker's default socket that is
    // simply not there is no news when another engine answered.
    const explained = f.endpoint === primary && reached.length === 0;
    const quiet = f.endpoint.origin === 'default' && absent.has(f.endpoint);
    if (!explained && !quiet) notes.push(unreachableNote(f.endpoint.url, f.error.code, f.error.message));
  }
  const first = reached[0];
  const primaryFailure = failed.find((f) => f.endpoint === primary) ?? failed[0];
  const status = first
    ? dockerStatusOf(first.status)
    : explainDockerFailure(primary.url, {
        code: primaryFailure?.error.code,
        message: primaryFailure?.error.message ?? 'no engine answered',
        dockerInstalled: await dockerInstalled(),
      });
  return {
    status,
    engines: reached.map((r) => r.status),
    containers: parts.flatMap((p) => p.containers).sort((a, b) => a.name.localeCompare(b.name)),
    networks: parts.flatMap((p) => p.networks).sort((a, b) => a.name.localeCompare(b.name)),
    notes: notes.map(inEnglish),
    noteMessages: notes,
  };
}
