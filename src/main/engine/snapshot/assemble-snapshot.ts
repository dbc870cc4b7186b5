// Combines what the readers saw into one snapshot. Pure: no I/O, so it is tested on fixtures.
import { saidOf } from '../../../shared/errors';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { Container, EngineStatus, Link, Namespace, Network, Snapshot, DockerStatus } from '../../../shared/model';
import type { KernelLink } from '../host/kernel-link';
import type { NamedNamespace } from '../netns/read-named-namespaces';
import type { NamespaceReport } from '../netns/parse-namespace-report';
import { matchVeths, type ForeignNamespace, type VethMatch } from '../topology/match-veths';

export interface SnapshotInputs {
  takenAt: string;
  hostname: string;
  privileged: boolean;
  hostLinks: KernelLink[];
  namedNamespaces: NamedNamespace[];
  /** engines: every engine that answered; notes: what could not be seen of them (rootless, unreadable sockets). */
  docker: { status: DockerStatus; containers: Container[]; networks: Network[]; engines?: EngineStatus[]; notes?: string[]; noteMessages?: Message[] };
  /** Null when the namespaces could not be entered (not root) or the read failed (see readError). */
  report: NamespaceReport | null;
  readError?: string;
}

/** Why a named namespace was not read, in Bridgeport's words (catalogue engine-topology). */
const namespaceMessage = (key: 'needsRoot' | 'notRead'): Message => message(`engine-topology:namespace.${key}`);

function toLink(k: KernelLink, peer: Link['peer']): Link {
  return {
    name: k.name,
    ifindex: k.ifindex,
    kind: k.kind,
    driver: k.driver,
    mac: k.mac,
    mtu: k.mtu,
    up: k.up,
    operState: k.operState,
    addresses: k.addresses,
    master: k.master,
    peer,
  };
}

/** A link inside another namespace; its veth peer is named by the host side it was matched to. */
function innerLink(l: KernelLink, hostSideOf: Map<KernelLink, string>): Link {
  const peer =
    l.kind === 'veth' && l.peerIfindex !== null
      ? { ifindex: l.peerIfindex, netnsId: l.peerNetnsId, containerId: null, namespace: null, interface: hostSideOf.get(l) ?? null }
      : null;
  return toLink(l, peer);
}

function foreignNamespaces(inputs: SnapshotInputs): ForeignNamespace[] {
  const report = inputs.report;
  if (!report) return [];
  const result: ForeignNamespace[] = [];
  for (const c of inputs.docker.containers) {
    const read = c.pid === null ? undefined : report.containers.get(c.pid);
    if (!read || read instanceof Error) continue;
    result.push({ owner: { containerId: c.id }, ...read });
  }
  for (const ns of inputs.namedNamespaces) {
    const read = report.named.get(ns.name);
    if (!read || read instanceof Error) continue;
    result.push({ owner: { namespace: ns.name }, links: read.links, nsidFromHost: ns.id, hostNsidInside: read.hostNsidInside });
  }
  return result;
}

function hostPeerOf(k: KernelLink, hostLinks: readonly KernelLink[], match: VethMatch | undefined): Link['peer'] {
  if (k.kind !== 'veth' || k.peerIfindex === null) return null;
  const sameNamespacePeer = k.peerNetnsId === null ? hostLinks.find((h) => h.ifindex === k.peerIfindex) : undefined;
  return {
    ifindex: k.peerIfindex,
    netnsId: k.peerNetnsId,
    containerId: match && 'containerId' in match.owner ? match.owner.containerId : null,
    namespace: match && 'namespace' in match.owner ? match.owner.namespace : null,
    interface: match?.inner.name ?? sameNamespacePeer?.name ?? null,
  };
}

function withInnerView(c: Container, report: NamespaceReport | null, hostSideOf: Map<KernelLink, string>): Container {
  const read = c.pid === null ? undefined : report?.containers.get(c.pid);
  if (!read || read instanceof Error) return c;
  const links = read.links.map((l) => innerLink(l, hostSideOf));
  const endpoints = c.endpoints.map((e) => {
    const inner = e.mac ? read.links.find((l) => l.mac?.toLowerCase() === e.mac) : undefined;
    return { ...e, interface: inner?.name ?? null, hostVeth: inner ? (hostSideOf.get(inner) ?? null) : null };
  });
  return { ...c, links, endpoints };
}

/** What the snapshot could not see, each with its message when it has one (null: English only). */
function limitationsOf(inputs: SnapshotInputs): { limitations: string[]; limitationMessages?: (Message | null)[] } {
  const notes: string[] = [];
  if (!inputs.privileged) {
    notes.push(
      'Not running as root: the inside of containers and `ip netns` namespaces was not read, so veths are not matched to containers. Run the CLI with sudo to see exact veth pairs (the desktop app reads them once it has administrator rights).',
    );
  }
  const engineNotesAt = notes.length;
  notes.push(...(inputs.docker.notes ?? []));
  if (inputs.readError) notes.push(`Namespaces could not be read: ${inputs.readError}`);
  for (const c of inputs.docker.containers) {
    const read = c.pid === null ? undefined : inputs.report?.containers.get(c.pid);
    if (read instanceof Error) notes.push(`${c.name}: ${read.message}`);
  }
  const said = inputs.docker.noteMessages ?? [];
  const limitationMessages = notes.map((_, i) => (i >= engineNotesAt ? (said[i - engineNotesAt] ?? null) : null));
  return limitationMessages.some((m) => m !== null) ? { limitations: notes, limitationMessages } : { limitations: notes };
}

export function assembleSnapshot(inputs: SnapshotInputs): Snapshot {
  const matches = matchVeths(inputs.hostLinks, foreignNamespaces(inputs));
  const hostSideOf = new Map<KernelLink, string>([...matches.values()].map((m) => [m.inner, m.hostLink.name]));
  const links = inputs.hostLinks.map((k) => toLink(k, hostPeerOf(k, inputs.hostLinks, matches.get(k.name))));
  const namespaces: Namespace[] = inputs.namedNamespaces.map((ns) => {
    if (ns.current) return { name: ns.name, id: ns.id, current: true, links, error: null };
    const read = inputs.report?.named.get(ns.name);
    const said = !inputs.privileged ? namespaceMessage('needsRoot') : read instanceof Error ? saidOf(read) : read === undefined ? namespaceMessage('notRead') : undefined;
    const error = said ? inEnglish(said) : read instanceof Error ? read.message : null;
    const nsLinks = read && !(read instanceof Error) ? read.links.map((l) => innerLink(l, hostSideOf)) : [];
    return { name: ns.name, id: ns.id, current: false, links: nsLinks, error, ...(said ? { errorMessage: said } : {}) };
  });
  return {
    takenAt: inputs.takenAt,
    host: { hostname: inputs.hostname, privileged: inputs.privileged },
    links,
    networks: inputs.docker.networks,
    containers: inputs.docker.containers.map((c) => withInnerView(c, inputs.report, hostSideOf)),
    namespaces,
    docker: inputs.docker.status,
    ...(inputs.docker.engines ? { engines: inputs.docker.engines } : {}),
    ...limitationsOf(inputs),
  };
}
