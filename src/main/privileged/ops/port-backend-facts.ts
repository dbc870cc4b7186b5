// What the choice of firewall backend for published ports needs to know about this host: which
// tools run, which native tables exist, and Docker's bridge-accept-fwmark. I/O only; the policy is
// netcore/rulesets/port-backend and accept-fwmark.
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { runCommand } from '../../system/run-command';
import { listNftTables } from './reads/read-firewall';
import { isIptablesNftTable } from '../../netcore/nft/parse-nft-json';
import { parseNftTables } from '../../netcore/nft/parse-nft-tables';
import { forwardPolicyDrops, type PortBackendFacts } from '../../netcore/rulesets/port-backend';
import { acceptFwmarkOf, daemonConfigFileOf, type AcceptFwmarkSetting } from '../../netcore/rulesets/accept-fwmark';

const runs = (argv: string[]) => runCommand(argv).then(() => true, () => false);

export async function readPortBackendFacts(): Promise<PortBackendFacts> {
  const [hasIptables, tablesText, forwardText] = await Promise.all([
    runs(['iptables', '-V']),
    // The same listing as firewall.listTables: by the chains, which nft lists without loading every rule.
    listNftTables().then((r) => r.text, () => null),
    runCommand(['iptables', '-t', 'filter', '-S', 'FORWARD']).catch(() => ''),
  ]);
  const nativeTables = tablesText === null ? [] : parseNftTables(tablesText).filter((t) => !isIptablesNftTable(t.family, t.name));
  return { hasIptables, hasNft: tablesText !== null, nativeTables, iptablesForwardDrops: forwardPolicyDrops(forwardText) };
}

/** daemon.json is small; anything else at that path (a FIFO, /dev/zero, a huge file) is not read. */
const MAX_DAEMON_JSON_BYTES = 1024 * 1024;

/**
 * The argv of each dockerd that runs in this network namespace (the engine whose rules we share).
 * Only root's: any user can start a process called dockerd, and its argv must not choose the mark
 * Bridgeport sets, nor a file root reads.
 */
async function dockerdArgvs(): Promise<string[][]> {
  const own = await readlink('/proc/self/ns/net');
  const argvs: string[][] = [];
  for (const pid of (await readdir('/proc')).filter((name) => /^\d+$/.test(name))) {
    try {
      if ((await readFile(`/proc/${pid}/comm`, 'utf8')).trim() !== 'dockerd') continue;
      // /proc/<pid> belongs to the process's effective uid.
      if ((await stat(`/proc/${pid}`)).uid !== 0) continue;
      if ((await readlink(`/proc/${pid}/ns/net`)) !== own) continue;
      argvs.push((await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter((a) => a !== ''));
    } catch {
      // The process ended while we looked.
    }
  }
  return argvs;
}

async function readDaemonJson(path: string): Promise<string | null> {
  const facts = await stat(path).catch(() => null);
  if (!facts?.isFile() || facts.size > MAX_DAEMON_JSON_BYTES) return null;
  return readFile(path, 'utf8').catch(() => null);
}

/** Docker's bridge-accept-fwmark, from the running dockerd's flags or its daemon.json (root's dockerd only). */
export async function readAcceptFwmark(): Promise<AcceptFwmarkSetting | null> {
  for (const argv of await dockerdArgvs()) {
    const path = daemonConfigFileOf(argv) ?? '/etc/docker/daemon.json';
    const text = await readDaemonJson(path);
    const setting = acceptFwmarkOf(argv, { path, text });
    if (setting) return setting;
  }
  return null;
}
