// Parses the sectioned output of the namespace report script. Pure: no I/O.
import { parseIpLinks } from '../host/parse-ip-links';
import type { KernelLink } from '../host/kernel-link';
import { HOST_ALIAS } from '../../privileged/contract/read-operations';
import { parseNetnsList, type NetnsEntry } from './parse-netns-list';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';

/** A namespace that could not be read, in Bridgeport's words (`said`: the window says it in its language). */
export class NamespaceReadError extends Error {
  constructor(readonly said: Message) {
    super(inEnglish(said));
  }
}

export interface ForeignNamespaceRead {
  links: KernelLink[];
  /** nsid of this namespace from the host's view (null: none assigned, e.g. no veth to the host). */
  nsidFromHost: number | null;
  /** nsid of the host namespace from this namespace's view. */
  hostNsidInside: number | null;
}

export interface NamespaceReport {
  /** nsid from the host's side of every pid handed over (null: none assigned or process gone). */
  nsidByPid: Map<number, number | null>;
  named: Map<string, ForeignNamespaceRead | Error>;
  containers: Map<number, ForeignNamespaceRead | Error>;
}

interface Section {
  header: string;
  body: string[];
}

function splitSections(text: string): Section[] {
  const sections: Section[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('@@') && line !== '@@error') sections.push({ header: line.slice(2), body: [] });
    else if (line.trim() !== '') sections.at(-1)?.body.push(line);
  }
  return sections;
}

function failed(section: Section): boolean {
  return section.body.includes('@@error');
}

/** A section holds two JSON lines: the namespace's links, then its `ip netns list` (the host's entry). */
function readForeign(section: Section, nsidFromHost: number | null): ForeignNamespaceRead | null {
  const [linksJson, nsidsJson] = section.body;
  if (failed(section) || linksJson === undefined) return null;
  return {
    links: parseIpLinks(linksJson),
    nsidFromHost,
    hostNsidInside: parseNetnsList(nsidsJson ?? '').find((e) => e.name === HOST_ALIAS)?.id ?? null,
  };
}

export function parseNamespaceReport(text: string): NamespaceReport {
  const report: NamespaceReport = { nsidByPid: new Map(), named: new Map(), containers: new Map() };
  let nsidsFromHost: NetnsEntry[] = [];
  const pidSections: Array<[number, Section]> = [];
  const namedSections: Array<[string, Section]> = [];
  for (const section of splitSections(text)) {
    const [kind, ...rest] = section.header.split(' ');
    const arg = rest.join(' ');
    if (kind === 'named') {
      namedSections.push([arg, section]);
    } else if (kind === 'nsids') {
      nsidsFromHost = parseNetnsList(section.body.join('\n'));
    } else if (kind === 'pid') {
      pidSections.push([Number(arg), section]);
    }
  }
  for (const entry of nsidsFromHost) {
    if (/^\d+$/.test(entry.name)) report.nsidByPid.set(Number(entry.name), entry.id);
  }
  for (const [name, section] of namedSections) {
    const read = readForeign(section, null);
    report.named.set(name, read ?? new NamespaceReadError(message('engine-topology:namespace.notEntered', { name })));
  }
  for (const [pid, section] of pidSections) {
    const read = readForeign(section, report.nsidByPid.get(pid) ?? null);
    report.containers.set(pid, read ?? new Error(`could not enter the network namespace of pid ${pid} (process gone?)`));
  }
  return report;
}
