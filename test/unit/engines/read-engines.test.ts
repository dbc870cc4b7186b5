// readEngines over clients that answer from captures: Docker 28 on its socket, rootful Podman 5.8
// on its own, the same Podman reached a second time through DOCKER_HOST's neighbour CONTAINER_HOST.
import type Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import type { EngineEndpoint } from '../../../src/main/engine/engines/engine-endpoints';
import { EngineSet } from '../../../src/main/engine/engines/engine-set';
import { readEngines } from '../../../src/main/engine/engines/read-engines';
import { fixture, podman } from './podman5-fixture';

interface Inspected {
  Id: string;
}

function fakeClient(answers: { version: unknown; info: unknown; inspects: Inspected[]; networks: unknown; libpod?: Record<string, unknown> }): Docker {
  const fake = {
    version: async () => answers.version,
    info: async () => answers.info,
    listContainers: async () => answers.inspects.map((c) => ({ Id: c.Id })),
    getContainer: (id: string) => ({ inspect: async () => answers.inspects.find((c) => c.Id === id) }),
    listNetworks: async () => answers.networks,
    modem: {
      dial: (options: { path: string }, callback: (error: Error | null, data: unknown) => void) => {
        const path = options.path.replace('/v4.0.0/libpod', '');
        const data = answers.libpod?.[path];
        if (data === undefined) callback(Object.assign(new Error('not found'), { statusCode: 404 }), null);
        else callback(null, data);
      },
    },
  };
  return fake as unknown as Docker;
}

const refused = (): Docker => {
  const fail = async () => {
    throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
  };
  return { version: fail, info: fail } as unknown as Docker;
};

const podmanClient = () =>
  fakeClient({
    version: podman('compat-version.json'),
    info: podman('compat-info.json'),
    inspects: [podman('compat-container-p2.json') as Inspected],
    networks: podman('compat-networks.json'),
    libpod: { '/info': podman('libpod-info.json'), '/networks/json': podman('libpod-networks.json') },
  });

const dockerClient = () =>
  fakeClient({
    version: fixture('docker28/compat-version.json'),
    info: { ID: 'docker-28-lab', SecurityOptions: ['name=seccomp,profile=builtin'] },
    inspects: (fixture('docker28/containers.json') as Inspected[]).slice(0, 2),
    networks: fixture('docker28/compat-networks.json'),
  });

/** Only the sockets given are there: the machine's own (/var/run/docker.sock …) are never asked. */
function setOf(env: Record<string, string>, clients: Record<string, () => Docker>): EngineSet {
  return new EngineSet(env, { makeClient: (e: EngineEndpoint) => (clients[e.url] ?? refused)(), socketThere: async (path) => `unix://${path}` in clients, socketThereNow: (path) => `unix://${path}` in clients });
}

describe('readEngines', () => {
  it('reads Podman behind DOCKER_HOST as Podman: real bridges, engine marks, the version it is', async () => {
    const read = await readEngines(setOf({ DOCKER_HOST: 'unix:///lab/podman.sock' }, { 'unix:///lab/podman.sock': podmanClient }));
    expect(read.status).toEqual({ available: true, version: '5.8.6', apiVersion: '1.44', endpoint: 'unix:///lab/podman.sock' });
    expect(read.engines).toEqual([
      { available: true, version: '5.8.6', apiVersion: '1.44', endpoint: 'unix:///lab/podman.sock', kind: 'podman', id: 'storage:/tmp/bridgeport-lab-bp5q0iz/podman/storage', rootless: false },
    ]);
    expect(read.networks.map((n) => [n.name, n.bridge])).toEqual([
      ['appnet', 'podman1'],
      ['podman', 'podman0'],
    ]);
    const p2 = read.containers.find((c) => c.name === 'p2');
    expect(p2?.engine).toEqual({ kind: 'podman', id: 'storage:/tmp/bridgeport-lab-bp5q0iz/podman/storage' });
    expect(read.networks.find((n) => n.name === 'appnet')?.containers).toEqual([p2?.id]);
    // Nothing else answered, and Docker's absent default socket is not asked (DOCKER_HOST is set).
    expect(read.notes).toEqual([]);
  });

  it('shows both engines when both run, and the same Podman reached twice once', async () => {
    const read = await readEngines(
      setOf(
        { DOCKER_HOST: 'unix:///lab/docker.sock', CONTAINER_HOST: 'tcp://127.0.0.1:8888' },
        { 'unix:///lab/docker.sock': dockerClient, 'tcp://127.0.0.1:8888': podmanClient, 'unix:///run/podman/podman.sock': podmanClient },
      ),
    );
    expect(read.engines.map((e) => [e.kind, e.version, e.endpoint])).toEqual([
      ['docker', '28.5.2+dfsg4', 'unix:///lab/docker.sock'],
      ['podman', '5.8.6', 'tcp://127.0.0.1:8888'],
    ]);
    expect(read.status.version).toBe('28.5.2+dfsg4');
    const kinds = new Map(read.networks.map((n) => [n.name, [n.engine?.kind, n.bridge]]));
    expect(kinds.get('bridge')).toEqual(['docker', 'docker0']);
    expect(kinds.get('appnet')).toEqual(['podman', 'podman1']);
    expect(new Set(read.containers.map((c) => c.engine?.kind))).toEqual(new Set(['docker', 'podman']));
  });

  it('says why when nothing answers, as before (Docker daemon down at DOCKER_HOST)', async () => {
    const read = await readEngines(setOf({ DOCKER_HOST: 'unix:///lab/docker.sock' }, {}));
    expect(read.status).toMatchObject({ available: false, problem: 'daemon-down', endpoint: 'unix:///lab/docker.sock' });
    expect(read.engines).toEqual([]);
    expect(read.containers).toEqual([]);
  });

  it("says why Docker is not there, and that rootful Podman's socket is there but root's (a normal user)", async () => {
    const denied = (): Docker => {
      const fail = async () => {
        throw Object.assign(new Error('connect EACCES /run/podman/podman.sock'), { code: 'EACCES' });
      };
      return { version: fail, info: fail } as unknown as Docker;
    };
    const read = await readEngines(setOf({}, { 'unix:///run/podman/podman.sock': denied }));
    expect(read.status).toMatchObject({ available: false, endpoint: 'unix:///var/run/docker.sock' });
    expect(read.notes).toEqual([expect.stringMatching(/^The container engine at unix:\/\/\/run\/podman\/podman\.sock could not be read: permission denied/)]);
  });

  it('notes a named engine that does not answer while another does', async () => {
    const read = await readEngines(setOf({ DOCKER_HOST: 'unix:///lab/podman.sock', CONTAINER_HOST: 'unix:///lab/gone.sock' }, { 'unix:///lab/podman.sock': podmanClient }));
    expect(read.engines).toHaveLength(1);
    expect(read.notes).toEqual([expect.stringContaining('unix:///lab/gone.sock could not be read: nothing answers there')]);
  });
});

describe('readEngines: rootful and rootless side by side', () => {
  it('finds rootless Podman on its usual socket, draws no bridge for it and says why', async () => {
    const info = podman('libpod-info.json') as { host: { security: object } };
    const rootlessInfo = { ...info, host: { ...info.host, security: { ...info.host.security, rootless: true } } };
    const rootless = () =>
      fakeClient({
        version: podman('compat-version.json'),
        info: { ...(podman('compat-info.json') as object), ID: 'rootless-one' },
        inspects: [podman('compat-container-p2.json') as Inspected],
        networks: podman('compat-networks.json'),
        libpod: { '/info': rootlessInfo, '/networks/json': podman('libpod-networks.json') },
      });
    const read = await readEngines(setOf({ XDG_RUNTIME_DIR: '/run/user/1000' }, { 'unix:///run/user/1000/podman/podman.sock': rootless }));
    expect(read.engines).toEqual([expect.objectContaining({ kind: 'podman', rootless: true, endpoint: 'unix:///run/user/1000/podman/podman.sock' })]);
    expect(read.networks.map((n) => n.bridge)).toEqual([null, null]);
    expect(read.containers.map((c) => c.ports.map((p) => p.hostPort))).toEqual([[5353, 9191]]);
    // Docker's default socket, not there, is no news; the rootless statement is.
    expect(read.notes).toEqual([expect.stringContaining('runs rootless')]);
  });
});

describe('readEngines: asks /info once per engine', () => {
  it('reuses what it learnt while the engine keeps answering, and asks again after it stopped', async () => {
    let infos = 0;
    let down = false;
    const client = podmanClient();
    const counted = Object.assign(Object.create(client) as Docker, {
      info: async () => {
        infos += 1;
        return client.info();
      },
      version: async () => {
        if (down) throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
        return client.version();
      },
    });
    const set = new EngineSet({ DOCKER_HOST: 'unix:///lab/podman.sock' }, { makeClient: () => counted, socketThere: async (path) => path === '/lab/podman.sock' });
    await readEngines(set);
    await readEngines(set);
    expect(infos).toBe(1);
    down = true;
    expect((await readEngines(set)).status.available).toBe(false);
    down = false;
    expect((await readEngines(set)).engines).toHaveLength(1);
    expect(infos).toBe(2);
  });
});

describe('EngineSet: the one engine single-engine features speak to', () => {
  const set = (env: Record<string, string>, there: string[]) =>
    new EngineSet(env, { makeClient: refused, socketThere: async (p) => there.includes(p), socketThereNow: (p) => there.includes(p) });

  it('is DOCKER_HOST when set, whatever else is there', () => {
    expect(set({ DOCKER_HOST: 'unix:///lab/podman.sock' }, ['/var/run/docker.sock']).primaryOneEndpoint.url).toBe('unix:///lab/podman.sock');
  });

  it('is rootful Podman when only its socket is there, and Docker\'s default when both or none are', () => {
    expect(set({}, ['/run/podman/podman.sock']).primaryOneEndpoint.url).toBe('unix:///run/podman/podman.sock');
    expect(set({}, ['/var/run/docker.sock', '/run/podman/podman.sock']).primaryOneEndpoint.url).toBe('unix:///var/run/docker.sock');
    expect(set({}, []).primaryOneEndpoint.url).toBe('unix:///var/run/docker.sock');
  });
});
