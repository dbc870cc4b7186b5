// Reads what the doctor's checks look at. I/O only, no policy; nothing here needs root except the
// firewall, whose unreadability is reported as a fact rather than guessed around.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { DockerStatus, Link } from '../../../shared/model';
import type { EngineSet } from '../engines/engine-set';
import { readEngines } from '../engines/read-engines';
import type { FirewallReader } from '../firewall/read-firewall';
import { readHostLinks } from '../host/read-host-links';
import { readRoutes } from '../host/read-routes';
import type { DockerFacts, DoctorFacts, FileRead, FirewallFacts } from './doctor-facts';
import type { DoctorPaths } from './doctor-paths';

const errorText = (error: unknown) => (error as Error).message.split('\n')[0] ?? String(error);

export async function readFileFact(path: string): Promise<FileRead> {
  try {
    return { path, text: await readFile(path, 'utf8'), error: null };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { path, text: null, error: code === 'ENOENT' || code === 'ENOTDIR' ? null : errorText(error) };
  }
}

/** A sysctl of this namespace (/proc/sys/net follows the reader's namespace); null when absent. */
async function readSysctl(path: string): Promise<string | null> {
  return readFile(path, 'utf8').then(
    (text) => text.trim(),
    () => null,
  );
}

export async function readDropIns(dir: string): Promise<DoctorFacts['dropIns']> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.conf')).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { dir, files: [], error: code === 'ENOENT' ? null : errorText(error) };
  }
  const files: Array<{ path: string; text: string }> = [];
  const errors: string[] = [];
  for (const name of names) {
    const file = await readFileFact(join(dir, name));
    if (file.text !== null) files.push({ path: file.path, text: file.text });
    else if (file.error) errors.push(`${file.path}: ${file.error}`);
  }
  return { dir, files, error: errors.length > 0 ? errors.join('; ') : null };
}

/** The firewall as the checks see it when it could not be read: the reader's first warning (its message, else its text quoted). */
export function unreadableFirewall(warnings: readonly string[], warningMessages?: readonly Message[]): FirewallFacts {
  const [warning] = warnings;
  const said = warningMessages?.[0];
  const reasonMessage = warning === undefined ? message('engine-doctor:firewallNotRead') : (said ?? message('engine-common:text', { text: warning }));
  return { readable: false, reason: inEnglish(reasonMessage), reasonMessage };
}

/** Docker as the checks see it when it is not reachable: the engine's error, quoted, and its hint. */
export function unavailableDocker(status: Pick<DockerStatus, 'error' | 'hint' | 'hintMessage'>): DockerFacts {
  const { error, hint, hintMessage } = status;
  const said: Message[] = [...(error ? [message('engine-common:text', { text: error })] : []), ...(hint ? [hintMessage ?? message('engine-common:text', { text: hint })] : [])];
  const reasonMessage = said.length === 0 ? message('engine-doctor:dockerNotReachable') : said.length === 1 ? said[0]! : message('engine-doctor:sentences', { first: said[0]!, then: said[1]! });
  return { available: false, reason: inEnglish(reasonMessage), reasonMessage };
}

async function readFirewallFacts(reader: FirewallReader): Promise<FirewallFacts> {
  const read = await reader.read();
  if (!read.readable) return unreadableFirewall(read.warnings, read.warningMessages);
  // Read with the rules (through the privileged executor): the variant and the other variant's save.
  return { readable: true, variant: read.variant ?? 'nft', backend: read.backend, ruleset: read.ruleset, otherSave: read.otherSave ?? null };
}

async function readDockerFacts(engines: EngineSet): Promise<DockerFacts> {
  const read = await readEngines(engines);
  if (!read.status.available) return unavailableDocker(read.status);
  // The checks walk Docker's iptables rules; Podman's bridges are netavark's (its own nftables table), not modelled here.
  return { available: true, version: read.status.version ?? '?', networks: read.networks.filter((n) => n.engine?.kind !== 'podman') };
}

async function readLinks(): Promise<Link[]> {
  return (await readHostLinks().catch(() => [])).map((l) => ({ ...l, peer: null }));
}

export async function gatherFacts(deps: { engines: EngineSet; firewall: FirewallReader; paths: DoctorPaths }): Promise<DoctorFacts> {
  const { paths } = deps;
  const [ipForward, bridgeNfCallIptables, firewall, docker, routes, links, dropIns, daemonJson, resolvConf, resolvedUpstream] = await Promise.all([
    readSysctl('/proc/sys/net/ipv4/ip_forward'),
    readSysctl('/proc/sys/net/bridge/bridge-nf-call-iptables'),
    readFirewallFacts(deps.firewall),
    readDockerFacts(deps.engines),
    readRoutes().catch(() => null),
    readLinks(),
    readDropIns(paths.dropInDir),
    readFileFact(paths.daemonJson),
    readFileFact(paths.resolvConf),
    readFileFact(paths.resolvedUpstream),
  ]);
  return { sysctls: { ipForward, bridgeNfCallIptables }, firewall, docker, routes, links, dropIns, daemonJson, resolvConf, resolvedUpstream };
}
