// One traffic sample per tick: a single read of /proc/net/dev (every interface of this namespace,
// container veths included: no per-container stats stream, no per-interface file), attributed to
// containers by the snapshot's veth matching and turned into rates. Ports and NAT rules come from the
// firewall reading when asked for (the Traffic view); the CLI and the cheap path skip them.
import type { NatReport, PublishedPort } from '../../../shared/firewall-model';
import type { Snapshot } from '../../../shared/model';
import type { ContainerTraffic, InterfaceTraffic, TrafficHistory, TrafficSample } from '../../../shared/traffic-model';
import { ifindexes, ownersOfHostVeths, type InterfaceOwner } from './attribute-interfaces';
import { parseProcNetDev } from './parse-proc-net-dev';
import { ProcFileReader } from './proc-file-reader';
import { RateTracker } from './rate-tracker';
import { countersOf, portTraffic, ruleTraffic, type PortCounters, type RuleCounters } from './rule-rates';
import { DropTracker } from '../drops/drop-tracker';
import { TrafficHistoryBuffer } from './traffic-history';

export interface FirewallTraffic {
  nat: NatReport;
  ports: PublishedPort[];
  /** False when the firewall could not be read (no privilege): drops then say so. */
  readable: boolean;
}

export class TrafficSampler {
  private readonly tracker = new RateTracker();
  private readonly history = new TrafficHistoryBuffer();
  private readonly since = new Date().toISOString();
  private previousRules: RuleCounters = new Map();
  private previousPorts = new Map<string, PortCounters>();
  private lastRulesAtMs: number | null = null;
  private readonly drops = new DropTracker();

  private readonly reader: ProcFileReader;
  // Attribution changes with the snapshot only, not every tick.
  private readonly attribution = new WeakMap<Snapshot, { owners: Map<string, InterfaceOwner>; indexes: Map<string, number> }>();

  constructor(procNetDev = '/proc/net/dev') {
    this.reader = new ProcFileReader(procNetDev);
  }

  close(): void {
    this.reader.close();
  }

  /** The interfaces and containers now; `firewall` adds ports and rules. */
  async sample(snapshot: Snapshot | null, firewall: FirewallTraffic | null = null, intervalMs = 1000): Promise<TrafficSample> {
    const text = this.reader.read();
    const atMs = Date.now();
    const interfaces = this.interfaces(text, snapshot, atMs);
    const containers = containersOf(interfaces, this.sinceStartByInterface);
    this.history.add({ at: new Date(atMs).toISOString(), containers: Object.fromEntries(containers.map((c) => [c.container.id, [c.rxRate, c.txRate] as [number, number]])) });
    const sample: TrafficSample = { at: new Date(atMs).toISOString(), since: this.since, intervalMs, interfaces, containers, ports: [], rules: [], drops: null };
    if (firewall) {
      const seconds = this.lastRulesAtMs === null ? 0 : (atMs - this.lastRulesAtMs) / 1000;
      sample.rules = ruleTraffic(firewall.nat.rules, this.previousRules, seconds);
      const ports = portTraffic(firewall.ports, firewall.nat.rules, this.previousPorts, seconds);
      sample.ports = ports.ports;
      this.previousRules = countersOf(firewall.nat.rules);
      this.previousPorts = ports.counters;
      this.lastRulesAtMs = atMs;
      sample.drops = this.drops.update({ report: firewall.nat, readable: firewall.readable }, snapshot, atMs);
    }
    return sample;
  }

  readHistory(): TrafficHistory {
    return this.history.read();
  }

  private sinceStartByInterface = new Map<string, [number, number]>();

  private attributionOf(snapshot: Snapshot | null): { owners: Map<string, InterfaceOwner>; indexes: Map<string, number> } {
    if (!snapshot) return { owners: new Map(), indexes: new Map() };
    let known = this.attribution.get(snapshot);
    if (!known) {
      known = { owners: ownersOfHostVeths(snapshot), indexes: ifindexes(snapshot) };
      this.attribution.set(snapshot, known);
    }
    return known;
  }

  private interfaces(text: string, snapshot: Snapshot | null, atMs: number): InterfaceTraffic[] {
    const { owners, indexes } = this.attributionOf(snapshot);
    const counters = parseProcNetDev(text);
    this.tracker.forgetAllBut(new Set(counters.map((c) => c.name)));
    const sinceStart = new Map<string, [number, number]>();
    const result = counters.map((c): InterfaceTraffic => {
      const rates = this.tracker.update(c, indexes.get(c.name) ?? null, atMs);
      const owner = owners.get(c.name) ?? null;
      // The host side receives what the container sends: swap to the container's point of view.
      const swap = owner !== null;
      sinceStart.set(c.name, swap ? [rates.txSinceStart, rates.rxSinceStart] : [rates.rxSinceStart, rates.txSinceStart]);
      return {
        name: c.name,
        container: owner?.container ?? null,
        network: owner?.network ?? null,
        containerInterface: owner?.containerInterface ?? null,
        rxBytes: swap ? c.txBytes : c.rxBytes,
        txBytes: swap ? c.rxBytes : c.txBytes,
        rxPackets: swap ? c.txPackets : c.rxPackets,
        txPackets: swap ? c.rxPackets : c.txPackets,
        rxRate: swap ? rates.txRate : rates.rxRate,
        txRate: swap ? rates.rxRate : rates.txRate,
        rxPacketRate: swap ? rates.txPacketRate : rates.rxPacketRate,
        txPacketRate: swap ? rates.rxPacketRate : rates.txPacketRate,
      };
    });
    this.sinceStartByInterface = sinceStart;
    return result;
  }
}

/** Per container: the sums over its interfaces (every network it is on). */
function containersOf(interfaces: readonly InterfaceTraffic[], sinceStart: ReadonlyMap<string, [number, number]>): ContainerTraffic[] {
  const byId = new Map<string, ContainerTraffic>();
  for (const i of interfaces) {
    if (!i.container) continue;
    const c = byId.get(i.container.id) ?? { container: i.container, rxRate: 0, txRate: 0, rxSinceStart: 0, txSinceStart: 0, interfaces: [] };
    const [rx, tx] = sinceStart.get(i.name) ?? [0, 0];
    c.rxRate += i.rxRate;
    c.txRate += i.txRate;
    c.rxSinceStart += rx;
    c.txSinceStart += tx;
    c.interfaces.push(i.name);
    byId.set(i.container.id, c);
  }
  return [...byId.values()].sort((a, b) => b.rxRate + b.txRate - (a.rxRate + a.txRate) || a.container.name.localeCompare(b.container.name));
}
