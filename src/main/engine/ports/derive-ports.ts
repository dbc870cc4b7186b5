// The port map: every published port with the NAT rules behind it, their counters, and hints when
// something is off. Pure: a function of the containers, the attributed rules and the listeners.
import type { FirewallRule, PublishedPort } from '../../../shared/firewall-model';
import type { Container, PortBinding } from '../../../shared/model';
import { portInSpec } from '../../netcore/rules/port-spec';
import type { Listener } from '../host/parse-listeners';
import type { MappingStatus } from '../../../shared/publish-model';
import { ENGINE_PORT_HOLDERS } from '../../netcore/meaning/port-request';
import { message, type Message } from '../../../shared/message';
import { inEnglish } from '../../../shared/i18n/english';

export interface PortInputs {
  containers: Container[];
  rules: FirewallRule[];
  /** Null when the firewall could not be read (then no rule can be said missing). */
  firewallReadable: boolean;
  listeners: Listener[];
  /**
   * False when the listeners were read as a user: a socket without a name may then be docker-proxy
   * (root's) as well as anything else, so it is never blamed. Default true.
   */
  listenerNamesKnown?: boolean;
  /** Ports Bridgeport publishes itself. */
  mappings?: MappingStatus[];
  /** iptables' filter FORWARD chain has policy DROP (Docker's iptables firewall sets it). */
  iptablesForwardDrops?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', '::1']);
const ANY = new Set(['0.0.0.0', '::', '*', '']);

const said = (key: string, params: Record<string, string | number | Message> = {}) => message(`engine-ports:${key}`, params);

/** Without the rules the port's DNAT, counters and companions are unknown, not absent. */
const NAT_UNREAD = said('hint.natUnread');
const loopbackOnly = (address: string) => said('hint.loopbackOnly', { address });

const inRange = (spec: string | null, port: number) => spec !== null && portInSpec(spec, port) === true;

/** Docker lists 0.0.0.0 and :: for one -p; they are one published port (IPv6 noted on it). */
function mergeFamilies(bindings: PortBinding[]): Array<PortBinding & { alsoIpv6: boolean }> {
  const v4 = new Set(bindings.filter((b) => b.hostIp === '0.0.0.0').map((b) => `${b.hostPort}/${b.protocol}/${b.containerPort}`));
  return bindings
    .filter((b) => !(b.hostIp === '::' && v4.has(`${b.hostPort}/${b.protocol}/${b.containerPort}`)))
    .map((b) => ({
      ...b,
      alsoIpv6: b.hostIp === '0.0.0.0' && bindings.some((x) => x.hostIp === '::' && x.hostPort === b.hostPort && x.protocol === b.protocol),
    }));
}

function dnatRulesFor(b: PortBinding, containerIps: string[], rules: FirewallRule[]): FirewallRule[] {
  return rules.filter((r) => {
    if (r.target !== 'DNAT' || r.match.protocol !== b.protocol || !inRange(r.match.dport, b.hostPort)) return false;
    const destination = r.match.destination?.replace(/\/32$/, '') ?? null;
    if (ANY.has(b.hostIp) ? destination !== null : destination !== b.hostIp) return false;
    const [ip, port] = (r.toDestination ?? '').split(':');
    return ip !== undefined && containerIps.includes(ip) && (port === undefined || inRange(port.replace('-', ':'), b.containerPort));
  });
}

/** The filter ACCEPT and the hairpin MASQUERADE that go with a DNAT to ip:port. */
function companionRules(ip: string, b: PortBinding, rules: FirewallRule[]): FirewallRule[] {
  return rules.filter(
    (r) =>
      r.target !== 'DNAT' &&
      // Bridgeport's own rules for the same container port belong to its mapping, not to Docker's.
      r.owner !== 'bridgeport' &&
      r.match.destination === `${ip}/32` &&
      r.match.protocol === b.protocol &&
      inRange(r.match.dport, b.containerPort),
  );
}

/**
 * netavark's rules around a DNAT name the host port, not the container address: the jump into the
 * network's DNAT chain and the masquerade marks (attributed to the container by its published port).
 */
function podmanCompanions(c: Container, b: PortBinding, rules: FirewallRule[]): FirewallRule[] {
  return rules.filter(
    (r) =>
      r.owner === 'podman' &&
      r.target !== 'DNAT' &&
      r.container?.id === c.id &&
      r.match.protocol === b.protocol &&
      inRange(r.match.dport, b.hostPort),
  );
}

type EngineSource = 'docker' | 'podman';

/** The engine whose rules the firewall holds: Podman's when only netavark's are there, else Docker's. */
const hostEngineOf = (rules: FirewallRule[]): EngineSource =>
  rules.some((r) => r.owner === 'podman') && !rules.some((r) => r.owner === 'docker') ? 'podman' : 'docker';

/** Who publishes a port: who wrote its DNAT, or without one the engine whose rules are there. */
function sourceOf(dnat: FirewallRule[], hostEngine: EngineSource): EngineSource {
  if (dnat.some((r) => r.owner === 'podman')) return 'podman';
  return dnat.some((r) => r.owner === 'docker') ? 'docker' : hostEngine;
}

function takenBy(b: PortBinding, listeners: Listener[], namesKnown: boolean): Listener | undefined {
  return listeners.find(
    (l) =>
      (namesKnown || l.process !== null) &&
      l.protocol === b.protocol &&
      l.port === b.hostPort &&
      // The engines' own port holders (docker-proxy; Podman's conmon and rootlessport) are how they publish, not conflicts.
      (l.process === null || !ENGINE_PORT_HOLDERS.has(l.process)) &&
      (ANY.has(l.address) || ANY.has(b.hostIp) || l.address === b.hostIp),
  );
}

/** Docker 28+ drops packets to a loopback binding that arrive from outside, in the raw table. */
function loopbackGuarded(b: PortBinding, rules: FirewallRule[]): boolean {
  return rules.some(
    (r) => r.table === 'raw' && r.target === 'DROP' && r.match.destination === `${b.hostIp}/32` && inRange(r.match.dport, b.hostPort),
  );
}

/** An iptables filter ACCEPT naming the container's address or a Podman bridge: someone let its traffic through there. */
const iptablesAccepts = (ip: string, rules: FirewallRule[]) =>
  rules.some((r) => r.table === 'filter' && r.target === 'ACCEPT' && (r.match.destination === `${ip}/32` || (!r.match.outInterfaceNegated && r.match.outInterface?.startsWith('podman') === true)));

/**
 * Podman beside Docker: netavark accepts in its own table, but a packet iptables' FORWARD policy DROP
 * drops is dropped whatever another table accepted. Forwarded traffic only: this host still reaches it.
 */
function droppedBesideDocker(b: PortBinding, dnat: FirewallRule[], inputs: PortInputs, source: EngineSource): boolean {
  if (source !== 'podman' || !inputs.iptablesForwardDrops || LOOPBACK.has(b.hostIp)) return false;
  const ip = dnat.find((r) => r.owner === 'podman')?.toDestination?.split(':')[0];
  return ip !== undefined && !iptablesAccepts(ip, inputs.rules);
}

const DROPPED_BESIDE_DOCKER = said('hint.droppedBesideDocker');

/** Who else listens: the process by name (and pid when known), or a process without a name. */
function listenerPhrase(l: Listener): Message {
  if (!l.process) return said('who.unnamed');
  return l.pid ? said('who.processWithPid', { process: l.process, pid: l.pid }) : said('who.process', { process: l.process });
}

function hintsFor(c: Container, b: PortBinding, dnat: FirewallRule[], inputs: PortInputs, source: EngineSource): Message[] {
  const hints: Message[] = [];
  if (LOOPBACK.has(b.hostIp)) hints.push(loopbackOnly(b.hostIp));
  if (b.hostIp === '127.0.0.1' && dnat.length > 0 && !loopbackGuarded(b, inputs.rules)) hints.push(said('hint.loopbackUnguarded'));
  if (c.pid === null) hints.push(said('hint.containerNotRunning', { container: c.name, state: c.state }));
  else if (inputs.firewallReadable && dnat.length === 0 && !b.hostIp.includes(':')) hints.push(said(source === 'podman' ? 'hint.noNatPodman' : 'hint.noNatDocker'));
  if (!inputs.firewallReadable) hints.push(NAT_UNREAD);
  if (c.pid !== null && droppedBesideDocker(b, dnat, inputs, source)) hints.push(DROPPED_BESIDE_DOCKER);
  const other = takenBy(b, inputs.listeners, inputs.listenerNamesKnown ?? true);
  if (other) hints.push(said('hint.alsoTaken', { port: b.hostPort, protocol: b.protocol, who: listenerPhrase(other), address: other.address }));
  return hints;
}

/** The hints in English beside their messages. */
const saidHints = (hints: Message[]) => ({ hints: hints.map(inEnglish), hintsMessages: hints });

export function derivePorts(inputs: PortInputs): PublishedPort[] {
  const ports: PublishedPort[] = [];
  const hostEngine = hostEngineOf(inputs.rules);
  for (const c of inputs.containers) {
    const ips = c.endpoints.map((e) => e.ip?.split('/')[0]).filter((ip): ip is string => Boolean(ip));
    for (const b of mergeFamilies(c.ports)) {
      const dnat = dnatRulesFor(b, ips, inputs.rules);
      const targetIp = dnat[0]?.toDestination?.split(':')[0] ?? ips[0] ?? null;
      const endpoint = c.endpoints.find((e) => e.ip?.split('/')[0] === targetIp) ?? c.endpoints[0];
      const source = sourceOf(dnat, hostEngine);
      const companions = source === 'podman' ? podmanCompanions(c, b, inputs.rules) : [];
      const related = [...dnat, ...companions, ...(targetIp ? companionRules(targetIp, b, inputs.rules) : [])];
      const hints = hintsFor(c, b, dnat, inputs, source);
      if (b.alsoIpv6) hints.push(said('hint.alsoIpv6'));
      ports.push({
        hostIp: b.hostIp,
        hostPort: b.hostPort,
        protocol: b.protocol,
        container: { id: c.id, name: c.name },
        containerIp: c.pid === null ? null : targetIp,
        containerPort: b.containerPort,
        network: endpoint?.network ?? null,
        source,
        packets: dnat.reduce((n, r) => n + r.packets, 0),
        bytes: dnat.reduce((n, r) => n + r.bytes, 0),
        ruleIds: related.map((r) => r.id),
        ...saidHints(hints),
      });
    }
  }
  for (const m of inputs.mappings ?? []) ports.push(...bridgeportPorts(m, inputs));
  return ports.sort((a, b) => a.hostPort - b.hostPort || a.protocol.localeCompare(b.protocol) || a.hostIp.localeCompare(b.hostIp));
}

/** One entry per host port of a Bridgeport mapping, with the rules tagged with its id. */
function bridgeportPorts(m: MappingStatus, inputs: PortInputs): PublishedPort[] {
  const mine = inputs.rules.filter((r) => r.match.comment === `bridgeport:${m.id}`);
  const ports: PublishedPort[] = [];
  for (let i = 0; i <= m.hostPortEnd - m.hostPort; i++) {
    const hostPort = m.hostPort + i;
    const containerPort = m.containerPort + i;
    const dnat = mine.filter((r) => r.target === 'DNAT' && inRange(r.match.dport, hostPort));
    const companions = mine.filter((r) => r.target !== 'DNAT' && (inRange(r.match.dport, containerPort) || inRange(r.match.sport, containerPort)));
    const hints: Message[] = [];
    if (m.detail) hints.push(m.detailMessage ?? message('engine-common:text', { text: m.detail }));
    if (m.hostIp.startsWith('127.')) hints.push(loopbackOnly(m.hostIp));
    if (!inputs.firewallReadable) hints.push(NAT_UNREAD);
    if (m.state === 'active' && inputs.firewallReadable && dnat.length === 0) hints.push(said('hint.bridgeportNatMissing'));
    ports.push({
      hostIp: m.hostIp || '0.0.0.0',
      hostPort,
      protocol: m.protocol,
      container: m.container,
      containerIp: m.containerIp,
      containerPort,
      network: m.network,
      source: 'bridgeport',
      packets: dnat.reduce((n, r) => n + r.packets, 0),
      bytes: dnat.reduce((n, r) => n + r.bytes, 0),
      ruleIds: [...dnat, ...companions].map((r) => r.id),
      ...saidHints(hints),
    });
  }
  return ports;
}
