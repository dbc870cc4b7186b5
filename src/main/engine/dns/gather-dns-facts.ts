// Reads what the DNS policy needs about every container: Docker's inspect, the container's
// resolv.conf (with Docker's hash of it) and hosts file, and Bridgeport's redirects in the
// namespaces of those on user-defined networks. Files and namespaces are root's: read through the
// privileged executor. I/O only.
import type Docker from 'dockerode';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import { containerFilePathSchema } from '../../privileged/contract/container-file-path';
import type { Redirect } from '../../privileged/contract/dns-operations';
import { parseDnsInspect, type DnsInspect } from './parse-dns-inspect';
import { containerDnsFacts } from './container-dns-facts';
import { inspectEachContainer, libpodGet } from '../engines/engine-client';
import { aardvarkServers, networkDnsServers, parseLibpodNetworkList } from '../engines/parse-libpod-networks';
import type { AnsweringEngine } from '../engines/read-engines';
import type { ContainerDnsFacts, DockerdRedirectFacts } from './plan-dns-sync';
import { resolvOriginOf } from './network-mode';

export interface GatheredFacts {
  containers: ContainerDnsFacts[];
  /** The running pid of each container, for redirects. */
  pids: Map<string, number>;
  resolvPaths: Map<string, string>;
  /** Bridgeport's redirect of dockerd's forwarded queries on the host; absent without privilege or Docker. */
  dockerd?: DockerdRedirectFacts;
  /** Root's aardvark-dns processes here (pid and start time); absent without privilege or Podman. */
  aardvark?: Array<{ pid: number; startTime: number; startedAtMs: number | null }>;
}

const inspectAll = (docker: Docker): Promise<DnsInspect[]> => inspectEachContainer(docker, parseDnsInspect);

/** The policy's own test (a default-bridge container also on a user-defined network uses the resolver too). */
const usesEmbeddedResolver = (c: DnsInspect) => c.running && resolvOriginOf(c.networkMode, c.networks) === 'embedded';

interface PodmanNetworksDns {
  /** Network name → where aardvark-dns answers on it. */
  aardvark: Map<string, string[]>;
  /** Network name → the upstreams set on the network itself (`--dns`). */
  own: Map<string, string[]>;
}

/** Podman's networks with aardvark-dns; null on Docker, which has no libpod API (not asked). */
async function readAardvark({ client: docker, kind }: AnsweringEngine): Promise<PodmanNetworksDns | null> {
  if (kind !== 'podman') return null;
  try {
    const networks = parseLibpodNetworkList(await libpodGet(docker, '/networks/json'));
    return { aardvark: aardvarkServers(networks), own: networkDnsServers(networks) };
  } catch {
    return null;
  }
}

/** One engine's containers, each with its engine's aardvark-dns servers by network (Podman only). */
async function inspectEngine(engine: AnsweringEngine): Promise<Array<DnsInspect & { aardvark: PodmanNetworksDns | null }>> {
  const [inspects, aardvark] = await Promise.all([inspectAll(engine.client), readAardvark(engine)]);
  return inspects.map((c) => ({ ...c, aardvark }));
}

/**
 * Every engine's containers (Docker and Podman side by side). Without an executor (no privilege) the
 * files and redirects are not read: every file reads as unknown.
 */
export async function gatherDnsFacts(engines: readonly AnsweringEngine[], executor: PrivilegedExecutor | null): Promise<GatheredFacts> {
  const inspects = (await Promise.all(engines.map(inspectEngine))).flat();
  const wanted = new Set<string>();
  for (const c of inspects) {
    for (const path of [c.resolvConfPath, c.resolvConfPath && `${c.resolvConfPath}.hash`, c.hostsPath]) {
      if (path && containerFilePathSchema.safeParse(path).success) wanted.add(path);
    }
  }
  const embeddedPids = inspects.filter(usesEmbeddedResolver).map((c) => c.pid).filter((pid) => pid > 1);
  const askDockerd = executor !== null && engines.some((e) => e.kind === 'docker');
  const askAardvark = executor !== null && engines.some((e) => e.kind === 'podman');
  const [files, redirects, dockerd, aardvark] = await Promise.all([
    wanted.size > 0 && executor ? executor.run('dns.readFiles', { paths: [...wanted] }) : Promise.resolve({ files: [] as Array<{ path: string; text: string | null; error: string | null }> }),
    embeddedPids.length > 0 && executor ? executor.run('dns.readRedirects', { pids: embeddedPids }) : Promise.resolve({ redirects: {} as Record<string, Redirect[] | null> }),
    askDockerd ? executor.run('dns.readDockerdRedirects', {}) : Promise.resolve(null),
    askAardvark ? executor.run('dns.listAardvark', {}) : Promise.resolve(null),
  ]);
  const text = new Map(files.files.map((f) => [f.path, f.text]));
  const containers = inspects.map((c): ContainerDnsFacts => {
    const resolvText = c.resolvConfPath ? text.get(c.resolvConfPath) ?? null : null;
    const hostsText = c.hostsPath ? text.get(c.hostsPath) ?? null : null;
    return containerDnsFacts(c, {
      resolvConf: resolvText === null ? null : { text: resolvText, hash: (c.resolvConfPath && text.get(`${c.resolvConfPath}.hash`)?.trim()) || null },
      hostsText,
      redirects: redirects.redirects[String(c.pid)] ?? [],
      ...(c.aardvark
        ? { podman: { aardvark: c.networks.flatMap((n) => c.aardvark?.aardvark.get(n) ?? []), networkDns: c.networks.flatMap((n) => c.aardvark?.own.get(n) ?? []) } }
        : {}),
    });
  });
  return {
    containers,
    pids: new Map(inspects.filter((c) => c.running).map((c) => [c.container.id, c.pid])),
    resolvPaths: new Map(inspects.flatMap((c) => (c.resolvConfPath ? [[c.container.id, c.resolvConfPath] as const] : []))),
    ...(dockerd ? { dockerd: { current: dockerd.redirects, scope: dockerd.scope, problem: dockerd.problem } } : {}),
    ...(aardvark ? { aardvark: aardvark.processes.map(({ pid, startTime, startedAtMs }) => ({ pid, startTime, startedAtMs })) } : {}),
  };
}
