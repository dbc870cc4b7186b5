// The container engines Bridgeport looks at: every endpoint worth asking, each with one client kept
// for the life of the engine object. Which of them answer is found on every read (engines come and go).
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import type Docker from 'dockerode';
import { candidateEndpoints, type EndpointEnv, type EngineEndpoint } from './engine-endpoints';
import { clientFor } from './engine-client';
import type { EngineFacts } from './engine-identity';

/** Tests hand in clients that answer from captured fixtures, and the sockets that are there. */
export interface EngineSetOptions {
  makeClient?: (endpoint: EngineEndpoint) => Docker;
  socketThere?: (path: string) => Promise<boolean>;
  /** The same, asked once when the set is made (to choose the engine single-engine features use). */
  socketThereNow?: (path: string) => boolean;
}

export class EngineSet {
  readonly endpoints: readonly EngineEndpoint[];
  readonly socketThere: (path: string) => Promise<boolean>;
  /** The endpoint the features that speak to one engine use (network management, DNS sync, port keeper). */
  readonly primaryOneEndpoint: EngineEndpoint;
  private readonly makeClient: (endpoint: EngineEndpoint) => Docker;
  private readonly clients = new Map<string, Docker>();
  /** Identity and rootlessness per endpoint and engine version, asked once (/info is not cheap); forgotten when the endpoint stops answering. */
  readonly facts = new Map<string, EngineFacts>();

  constructor(env: EndpointEnv = process.env, options: EngineSetOptions = {}) {
    this.endpoints = candidateEndpoints(env);
    this.makeClient = options.makeClient ?? clientFor;
    this.socketThere = options.socketThere ?? ((path) => stat(path).then(() => true, () => false));
    const there = options.socketThereNow ?? existsSync;
    // DOCKER_HOST is the user's choice; without it, the first engine whose socket is there (rootful
    // Podman alone, say), else Docker's default (whose absence the status then explains).
    this.primaryOneEndpoint =
      this.endpoints.find((e) => e.origin === 'DOCKER_HOST') ??
      this.endpoints.find((e) => e.socketPath === null || there(e.socketPath)) ??
      this.primaryEndpoint;
  }

  /** The endpoint Docker's own client would use (DOCKER_HOST, else the default socket): the status explains it when no engine answers. */
  get primaryEndpoint(): EngineEndpoint {
    const first = this.endpoints[0];
    if (!first) throw new Error('no engine endpoint');
    return first;
  }

  /** The client of the one engine single-engine features speak to. */
  get primary(): Docker {
    return this.client(this.primaryOneEndpoint);
  }

  client(endpoint: EngineEndpoint): Docker {
    let client = this.clients.get(endpoint.url);
    if (!client) {
      client = this.makeClient(endpoint);
      this.clients.set(endpoint.url, client);
    }
    return client;
  }
}
