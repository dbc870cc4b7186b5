// Parses the sectioned output of the namespace report script. Pure: no I/O.
import { parseIpLinks } from '../host/parse-ip-links';
import type { KernelLink } from '../host/kernel-link';
import { HOST_ALIAS } from './namespace-report-script';
import { parseNetnsList, type NetnsEntry } from './parse-netns-list';

export interface ForeignNamespaceRead {
  links: KernelLink[];
  /** nsid of this namespace from the host's view (null: none assigned, e.g. no veth to the host). */
  nsidFromHost: number | null;
  /** nsid of the host namespace from this namespace's view. */
  hostNsidInside: number | null;
}

export interface NamespaceReport {
  named: Map<string, KernelLink[] | Error>;
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

export function parseNamespaceReport(text: string): NamespaceReport {
  const report: NamespaceReport = { named: new Map(), containers: new Map() };
  let nsidsFromHost: NetnsEntry[] = [];
  const pidSections: Array<[number, Section]> = [];
  for (const section of splitSections(text)) {
    const [kind, ...rest] = section.header.split(' ');
    const arg = rest.join(' ');
    if (kind === 'named') {
      report.named.set(arg, failed(section) ? new Error(`could not read namespace ${arg}`) : parseIpLinks(section.body.join('\n')));
    } else if (kind === 'nsids') {
      nsidsFromHost = parseNetnsList(section.body.join('\n'));
    } else if (kind === 'pid') {
      pidSections.push([Number(arg), section]);
    }
  }
  for (const [pid, section] of pidSections) {
    const [linksJson, nsidsJson] = section.body;
    if (failed(section) || linksJson === undefined) {
      report.containers.set(pid, new Error(`could not enter the network namespace of pid ${pid} (process gone?)`));
      continue;
    }
    const inside = parseNetnsList(nsidsJson ?? '');
    report.containers.set(pid, {
      links: parseIpLinks(linksJson),
      nsidFromHost: nsidsFromHost.find((e) => e.name === String(pid))?.id ?? null,
      hostNsidInside: inside.find((e) => e.name === HOST_ALIAS)?.id ?? null,
    });
  }
  return report;
}
