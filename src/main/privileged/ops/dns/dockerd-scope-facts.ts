// What scoping a redirect to dockerd needs to know: root's dockerd processes in this network
// namespace, their cgroup v2, every process in that cgroup, and the host's DNS servers as dockerd
// itself reads them (through its own root). I/O only; the policy is netcore/meaning/dockerd-dns-scope.
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { CgroupMember, DockerdScopeFacts } from '../../../netcore/meaning/dockerd-dns-scope';
import { parseResolvConf } from '../../../netcore/resolv-conf/resolv-conf';

const numeric = (name: string) => /^\d+$/.test(name);

/** The cgroup v2 line of /proc/<pid>/cgroup ('0::/path'); '' when there is none. */
const cgroupV2Of = (text: string) => /^0::(.*)$/m.exec(text)?.[1] ?? '';

/** Where cgroup v2 is mounted (/sys/fs/cgroup, or /sys/fs/cgroup/unified on a hybrid host). */
async function cgroup2Mount(): Promise<string | null> {
  const mounts = await readFile('/proc/self/mounts', 'utf8');
  for (const line of mounts.split('\n')) {
    const [, where, type] = line.split(' ');
    if (type === 'cgroup2' && where) return where;
  }
  return null;
}

async function rootDockerds(): Promise<Array<{ pid: number; cgroup: string }>> {
  const own = await readlink('/proc/self/ns/net');
  const found: Array<{ pid: number; cgroup: string }> = [];
  for (const pid of (await readdir('/proc')).filter(numeric)) {
    try {
      if ((await readFile(`/proc/${pid}/comm`, 'utf8')).trim() !== 'dockerd') continue;
      // Any user can start a process called dockerd: only root's forwards containers' DNS.
      if ((await stat(`/proc/${pid}`)).uid !== 0) continue;
      if ((await readlink(`/proc/${pid}/ns/net`)) !== own) continue;
      found.push({ pid: Number(pid), cgroup: cgroupV2Of(await readFile(`/proc/${pid}/cgroup`, 'utf8')) });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Every process in a cgroup and the ones below it (a redirect matches those too). */
async function membersOf(dir: string): Promise<CgroupMember[]> {
  const members: CgroupMember[] = [];
  const pids = (await readFile(join(dir, 'cgroup.procs'), 'utf8')).split('\n').filter(numeric).map(Number);
  for (const pid of pids) {
    try {
      const [comm, facts] = await Promise.all([readFile(`/proc/${pid}/comm`, 'utf8'), stat(`/proc/${pid}`)]);
      members.push({ pid, comm: comm.trim(), uid: facts.uid });
    } catch {
      // Ended meanwhile.
    }
  }
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) members.push(...(await membersOf(join(dir, entry.name))));
  }
  return members;
}

export async function readDockerdScopeFacts(): Promise<DockerdScopeFacts> {
  const [dockerds, mount] = await Promise.all([rootDockerds(), cgroup2Mount()]);
  const cgroups = [...new Set(dockerds.map((d) => d.cgroup))];
  const only = cgroups.length === 1 && cgroups[0] !== '' && cgroups[0] !== '/' ? cgroups[0] : null;
  const members = mount && only && !only.split('/').includes('..') ? await membersOf(join(mount, only)).catch(() => []) : [];
  return { dockerds, cgroup2Mount: mount, members };
}

/**
 * The host's DNS servers as dockerd reads them: its /etc/resolv.conf, and systemd-resolved's
 * upstream list, which Docker uses in place of the stub (both seen through dockerd's own root).
 */
export async function dockerdHostServers(pid: number): Promise<string[]> {
  const servers: string[] = [];
  for (const path of ['etc/resolv.conf', 'run/systemd/resolve/resolv.conf']) {
    const text = await readFile(`/proc/${pid}/root/${path}`, 'utf8').catch(() => '');
    servers.push(...parseResolvConf(text).nameservers);
  }
  return [...new Set(servers)];
}
