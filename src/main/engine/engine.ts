// The engine: knows Linux and Docker, never imports electron. Every face (Electron IPC, WebSocket,
// CLI) drives this one object through the shared contract. This file composes the parts and binds
// each contract method to its handler; topics live in TopicHub, sampling times in SamplingSchedule.
import {
  ContractError,
  isMethodName,
  parseInput,
  type MethodHandlers,
  type MethodName,
  type MethodOutput,
  type TopicName,
  type TopicPayload,
} from '../../shared/contract';
import type { NatReport, PublishedPort } from '../../shared/firewall-model';
import type { Snapshot } from '../../shared/model';
import type { PathQuery, PathResult } from '../../shared/path-model';
import type { TrafficSample } from '../../shared/traffic-model';
import type { PrivilegedAccess, PrivilegedExecutor } from '../privileged/contract/operations';
import { accessOf, readAccessOf, type ReadAccess } from './access/privileged-reads';
import { PrivilegeStatus } from './access/privilege-status';
import { EngineSet } from './engines/engine-set';
import { Doctor } from './doctor/doctor';
import { DnsStore } from './dns/dns-store';
import { DnsSync } from './dns/dns-sync';
import { DnsTimeline } from './dns/dns-timeline';
import { hostDnsPaths } from './dns/host-dns-paths';
import { SyncMarker } from './dns/sync-marker';
import { NatReporter } from './firewall/nat-report';
import { FirewallReader } from './firewall/read-firewall';
import { readListenersWith } from './host/read-listeners';
import { readRoutes } from './host/read-routes';
import { LinkWiring } from './links/link-wiring';
import { MadeStore } from './links/made-store';
import { InnerViewCache } from './netns/inner-view-cache';
import { nsidOfMonitorLine } from './netns/parse-monitor-line';
import { NetworkManager } from './networks/network-manager';
import { tracePacket } from './path/trace-packet';
import { withoutFirewall } from './path/without-firewall';
import { packetQueryOf } from './path/trace-query';
import { traceInKernel, type ComputedPath } from './trace/kernel-tracer';
import { SettingsStore } from './settings/settings-store';
import { derivePorts } from './ports/derive-ports';
import { configLocation } from './publish/config-dir';
import { EventLog } from './publish/event-log';
import { MappingStore } from './publish/mapping-store';
import { PortKeeper } from './publish/port-keeper';
import { PortPublisher } from './publish/port-publisher';
import { SamplingSchedule } from './sampling-schedule';
import { takeSnapshot } from './snapshot/take-snapshot';
import { TopicHub } from './topic-hub';
import { TrafficSampler } from './traffic/traffic-sampler';
import { FlowsTracker } from './flows/flows-tracker';
import { readKernelTracking } from './flows/kernel-tracking';
import type { FlowEvent, FlowsReport } from '../../shared/flow-model';
import { Coalescer } from './watch/coalescer';
import { DockerEventWatcher } from './watch/docker-events';
import { LineMonitor } from './watch/line-monitor';
import { NetnsDirWatcher } from './watch/netns-dir-watcher';
import { RecentRead } from './watch/recent-read';
import { isPrivileged } from '../system/privilege';

/**
 * A (re)started `ip monitor` needs a moment to subscribe; a change inside a container in that moment
 * would never be reported. So nothing read before then is trusted: the cache is emptied now and
 * once more after the grace time (reads begun before a clear are never stored).
 */
function forgetUntilSubscribed(cache: InnerViewCache, graceMs = 500): void {
  cache.clear();
  setTimeout(() => cache.clear(), graceMs).unref();
}

const unknownMethod = (method: unknown) => new ContractError(`unknown method ${JSON.stringify(method)}`);

interface FirewallViews {
  nat: NatReport;
  ports: PublishedPort[];
  readable: boolean;
}

export interface EngineOptions {
  /** Quiet time after a change signal before re-reading (events come in bursts). */
  settleMs?: number;
  /**
   * The privileged side, chosen by the face: in-process as root (CLI, tests), the elevated helper under
   * the desktop app. A PrivilegedAccess also says whether it is ready without a prompt: reads use it
   * only then. A bare factory is used for reads only when this process is root itself.
   */
  executor: (() => Promise<PrivilegedExecutor>) | PrivilegedAccess;
  /** Where the mappings file lives (default: $BRIDGEPORT_CONFIG_DIR or ~/.config/bridgeport). */
  configDir?: string;
  /** The host's resolv.conf to follow (default: $BRIDGEPORT_RESOLV_CONF or /etc/resolv.conf). */
  resolvConf?: string;
}

export class Engine {
  /** Every container engine (Docker, Podman): readers, events, ports, links, DNS and network actions follow them all. */
  private readonly engines = new EngineSet();
  private readonly hub = new TopicHub();
  private readonly schedule: SamplingSchedule;
  private readonly refresher: Coalescer;
  private watchers: Array<{ start(): void; stop(): void }> = [];
  private latest: Snapshot | null = null;
  /** Traffic: one /proc/net/dev read per tick, while someone looks or the app keeps history. */
  private readonly traffic = new TrafficSampler();
  private lastTraffic: TrafficSample | null = null;
  /** Privileged reads: the executor when it is at hand without a prompt, else null (views say what they miss). */
  private readonly reads: ReadAccess;
  // One reader for the NAT view, packet paths and the doctor: it remembers what need not be looked up again.
  private readonly firewall: FirewallReader;
  private readonly nat: NatReporter;
  /** NAT/Ports and Traffic both tick at 1 s: they share one firewall read per tick. */
  private readonly firewallViews = new RecentRead(() => this.readFirewallViewsNow(), 900);
  /** Only while watching: the monitor that keeps it exact runs then. */
  private innerViews: InnerViewCache | null = null;
  private readonly events: EventLog;
  private readonly publisher: PortPublisher;
  /** Checks for "my container can't reach the internet" and their safe fixes. */
  private readonly doctor: Doctor;
  /** Every engine's networks: list, create (on Docker unless only Podman answers), remove, connect, disconnect on their owner. */
  private readonly networks: NetworkManager;
  /** Namespaces, bridges and veth pairs wired by hand, and the record of what Bridgeport made. */
  private readonly links: LinkWiring;
  private keeper: PortKeeper | null = null;
  /** Containers' DNS, kept in step with the host's while started. */
  private readonly dns: DnsSync;
  private readonly flows: FlowsTracker;
  /** Administrator rights: asked for on request, pushed on change; gaining them reads every view again. */
  private readonly privilege: PrivilegeStatus;
  /** Every contract method, bound once: a method without a handler does not compile. */
  private readonly handlers: MethodHandlers;
  /** The window's settings (settings.json). */
  private readonly settings: SettingsStore;
  /** The privileged side for writes and traces (may prompt once). */
  private readonly executor: () => Promise<PrivilegedExecutor>;

  constructor(options: EngineOptions) {
    const access = accessOf(options.executor);
    this.privilege = new PrivilegeStatus({ access, publish: (state) => this.hub.publish('privilege', state), refresh: () => this.readAgainWithRights() });
    // A write may be what prompts (or finds the helper gone): the state is looked at after each.
    const executor = () => access.executor().finally(() => this.privilege.get());
    this.executor = executor;
    this.reads = readAccessOf(access);
    this.firewall = new FirewallReader(this.reads);
    this.nat = new NatReporter(this.firewall);
    this.networks = new NetworkManager(this.engines);
    this.refresher = new Coalescer(() => this.refresh(), options.settleMs ?? 60);
    this.schedule = new SamplingSchedule(this.hub, { firewall: () => this.sample(), traffic: async () => void (await this.sampleTraffic()) });
    const config = options.configDir ? { dir: options.configDir, owner: null } : configLocation();
    this.events = new EventLog(config.dir, config.owner);
    this.settings = new SettingsStore(config.dir, config.owner);
    this.settings.onChange((settings) => this.hub.publish('settings', settings));
    this.publisher = new PortPublisher({
      engines: this.engines,
      store: new MappingStore(config.dir, config.owner),
      events: this.events,
      executor,
    });
    this.publisher.onChange((statuses) => this.hub.publish('mappings', statuses));
    this.doctor = new Doctor({ engines: this.engines, executor, firewall: this.firewall });
    this.links = new LinkWiring({ engines: this.engines, store: new MadeStore(config.dir, config.owner), executor, reads: this.reads });
    this.events.onChange((events) => this.hub.publish('events', events));
    const timeline = new DnsTimeline(config.dir, config.owner);
    this.dns = new DnsSync({
      engines: this.engines,
      executor,
      reads: this.reads,
      store: new DnsStore(config.dir, config.owner),
      timeline,
      marker: new SyncMarker(config.dir, config.owner),
      paths: hostDnsPaths(options.resolvConf),
    });
    this.dns.onReport((report) => this.hub.publishIfChanged('dns', report));
    this.dns.onEvents((events) => this.hub.publish('dnsNews', events));
    timeline.onChange((events) => this.hub.publish('dnsEvents', events));
    this.flows = new FlowsTracker({ reads: this.reads, snapshot: () => this.currentSnapshot(), kernel: readKernelTracking });
    // conntrack's events are followed only while a window (or `flows --watch`) listens.
    let stopFlowEvents: (() => void) | null = null;
    this.hub.onCountChange(() => {
      const wanted = this.hub.count('flowEvents') > 0;
      if (wanted && !stopFlowEvents) stopFlowEvents = this.flows.watch((events) => this.hub.publish('flowEvents', events));
      if (!wanted && stopFlowEvents) {
        stopFlowEvents();
        stopFlowEvents = null;
      }
    });
    this.handlers = this.bindMethods();
  }

  private bindMethods(): MethodHandlers {
    return {
      'snapshot.get': () => this.currentSnapshot(),
      'nat.get': async () => (await this.readFirewallViews()).nat,
      'ports.get': async () => (await this.readFirewallViews()).ports,
      'path.trace': (query) => this.tracePath(query),
      'path.kernelTrace': (query) => traceInKernel({ executor: this.executor, computePath: (q) => this.computePath(q) }, query),
      'ports.publish': (request) => this.changePorts(() => this.publisher.publish(request)),
      'ports.unpublish': (request) => this.changePorts(() => this.publisher.unpublish(request)),
      'ports.reconcile': () => this.changePorts(() => this.publisher.reconcile()),
      // Statuses as last resolved; resolved now (read-only, no rule is touched) when nothing was yet.
      'mappings.list': () => this.publisher.currentStatuses(),
      'events.list': async () => this.events.list(),
      'doctor.run': () => this.doctor.run(),
      // A fix changes rules: the sampled NAT and port views are pushed at once.
      'doctor.fix': ({ id }) => this.changePorts(() => this.doctor.fix(id)),
      'networks.list': () => this.networks.list(),
      'networks.suggestSubnet': () => this.networks.suggestSubnet(),
      'networks.create': (input) => this.changeTopology(() => this.networks.create(input)),
      'networks.remove': (input) => this.changeTopology(() => this.networks.remove(input)),
      'networks.connect': (input) => this.changeTopology(() => this.networks.connect(input)),
      'networks.disconnect': (input) => this.changeTopology(() => this.networks.disconnect(input)),
      'netns.create': (input) => this.changeTopology(() => this.links.createNetns(input)),
      'netns.delete': (input) => this.changeTopology(() => this.links.deleteNetns(input)),
      'links.createBridge': (input) => this.changeTopology(() => this.links.createBridge(input)),
      'links.createVeth': (input) => this.changeTopology(() => this.links.createVeth(input)),
      'links.move': (input) => this.changeTopology(() => this.links.move(input)),
      'links.setState': (input) => this.changeTopology(() => this.links.setState(input)),
      'links.delete': (input) => this.changeTopology(() => this.links.delete(input)),
      'made.list': () => this.links.list(),
      'dns.get': () => this.dns.report(),
      'dns.timeline': () => this.dns.timeline(),
      'dns.setSync': (input) => this.dns.setSync(input),
      'dns.syncNow': () => this.dns.syncNow(),
      'traffic.get': async () => this.lastTraffic ?? (await this.sampleTraffic()),
      'traffic.history': async () => this.traffic.readHistory(),
      'flows.get': () => this.flows.report(),
      'privilege.get': async () => this.privilege.get(),
      'settings.get': () => this.settings.report(),
      'settings.set': (change) => this.settings.change(change),
      'privilege.elevate': () => this.privilege.elevate(),
    };
  }

  /** Runs a contract method; the input is validated here whatever face it came through (a CLI passes what the user typed). */
  call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
    return this.dispatch(method, input);
  }

  /** For transports: a method name and input as they arrived off the wire, both checked here. */
  invoke(method: unknown, input: unknown): Promise<unknown> {
    if (!isMethodName(method)) return Promise.reject(unknownMethod(method));
    return this.dispatch(method, input);
  }

  private async dispatch<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
    // Checked at run time too: a name typed by a script (or cast) is no proof.
    if (!isMethodName(method)) throw unknownMethod(method);
    const handler: MethodHandlers[M] = this.handlers[method];
    return handler(parseInput(method, input));
  }

  subscribe<T extends TopicName>(topic: T, listener: (payload: TopicPayload<T>) => void): () => void {
    return this.hub.subscribe(topic, listener);
  }

  /** Samples traffic every second from now on, so the charts have history when opened (the app, `serve`). */
  startSamplingTraffic(): void {
    this.schedule.keepHistory();
  }

  /** One traffic sample; ports and NAT rules only for someone watching (the firewall read costs more). */
  async sampleTraffic(): Promise<TrafficSample> {
    const snapshot = this.latest ?? (await this.takeAndPublish());
    const firewall = this.schedule.watchingTraffic ? await this.readFirewallViews().catch(() => null) : null;
    const sample = await this.traffic.sample(snapshot, firewall);
    this.lastTraffic = sample;
    this.hub.publish('traffic', sample);
    return sample;
  }

  private async currentSnapshot(): Promise<Snapshot> {
    return this.watching && this.latest ? this.latest : this.takeAndPublish();
  }

  /** After a change the sampled views are pushed at once, not at the next tick. */
  private async changePorts<T>(change: () => Promise<T>): Promise<T> {
    const result = await change();
    this.firewallViews.invalidate();
    if (this.schedule.samplingFirewall) void this.sample().catch(() => undefined);
    return result;
  }

  /** After a network, namespace or link change the topology is read at once (not only when an event tells), if anyone looks. */
  private async changeTopology<T>(change: () => Promise<T>): Promise<T> {
    const result = await change();
    // The change may have been inside a namespace, where this process's monitor may not hear it.
    this.innerViews?.clear();
    if (this.watching || this.hub.count('snapshot') > 0) void this.refreshNow().catch(() => undefined);
    return result;
  }

  private readFirewallViews(): Promise<FirewallViews> {
    return this.firewallViews.get();
  }

  private async readFirewallViewsNow(): Promise<FirewallViews> {
    const snapshot = await this.currentSnapshot();
    const [{ report, readable }, listeners, mappings] = await Promise.all([this.nat.read(snapshot), readListenersWith(this.reads), this.publisher.currentStatuses()]);
    const ports = derivePorts({
      containers: snapshot.containers,
      rules: report.rules,
      firewallReadable: readable,
      listeners: listeners.listeners,
      listenerNamesKnown: listeners.namesKnown,
      mappings,
      iptablesForwardDrops: report.chains.some((c) => c.family === 'ipv4' && c.table === 'filter' && c.name === 'FORWARD' && c.policy === 'DROP'),
    });
    return { nat: report, ports, readable };
  }

  private async tracePath(query: Required<PathQuery>): Promise<PathResult> {
    return (await this.computePath(query)).result;
  }

  private async computePath(query: Required<PathQuery>): Promise<ComputedPath> {
    const snapshot = await this.currentSnapshot();
    const packet = packetQueryOf(query, snapshot.containers);
    const [firewall, routes, listeners] = await Promise.all([this.firewall.read(), readRoutes(), readListenersWith(this.reads)]);
    const computed = tracePacket({ ruleset: firewall.ruleset, routes, links: snapshot.links, containers: snapshot.containers, listeners: listeners.listeners, packet });
    // Without the rules a path would be a guess (a published port looks like a host socket): none is given.
    const result = firewall.readable ? computed : withoutFirewall(computed, firewall.warnings, firewall.warningMessages);
    return { result, ruleset: firewall.ruleset, packet, containers: snapshot.containers, variant: firewall.variant ?? null };
  }

  private async sample(): Promise<void> {
    const views = await this.readFirewallViews();
    this.hub.publishIfChanged('nat', views.nat);
    this.hub.publishIfChanged('ports', views.ports);
  }

  get watching(): boolean {
    return this.watchers.length > 0;
  }

  /** Follows the system by events: Docker's event stream, netlink and `ip netns` changes. */
  startWatching(): void {
    if (this.watching) return;
    const signal = () => this.refresher.signal();
    // all-nsid: changes inside every namespace with an nsid here (containers included) arrive tagged,
    // which keeps the inside-view cache exact without entering every container on each refresh.
    // Only a privileged monitor hears other namespaces: without that, nothing inside is cached.
    const cache = isPrivileged() ? new InnerViewCache() : null;
    this.innerViews = cache;
    const onNetlink = (line: string) => {
      const nsid = nsidOfMonitorLine(line);
      if (nsid !== null) cache?.invalidateNsid(nsid);
      signal();
    };
    const watchers = [
      new LineMonitor(['ip', 'monitor', 'all-nsid', 'link', 'address', 'route'], onNetlink, 2000, () => cache && forgetUntilSubscribed(cache)),
      new NetnsDirWatcher(signal),
      // Every engine's events (Docker and Podman side by side); one not running yet is retried until it answers.
      ...this.engines.endpoints.map((e) => new DockerEventWatcher(this.engines.client(e), signal)),
    ];
    this.watchers = watchers;
    watchers.forEach((w) => w.start());
  }

  /** Keeps every remembered mapping in force: Docker events, daemon restarts and rule wipes (the app and `bridgeport daemon`). */
  startKeepingPorts(onError: (error: Error) => void = (e) => console.error(`bridgeport: ${e.message}`)): void {
    if (this.keeper) return;
    // Every engine's events: a Podman container restarted beside Docker's needs its mapping back too.
    this.keeper = new PortKeeper(this.publisher, this.engines.endpoints.map((e) => this.engines.client(e)), onError);
    this.keeper.start();
  }

  /** The connections conntrack holds now that involve a container, attributed at both ends. */
  flowsReport(): Promise<FlowsReport> {
    return this.flows.report();
  }

  /** Follows flows as they start and end (conntrack's events) until the returned function is called. */
  watchFlows(listener: (events: FlowEvent[]) => void): () => void {
    return this.flows.watch(listener);
  }

  /** Keeps containers' DNS in step with the host's (the app, `bridgeport daemon` and `serve`). */
  startSyncingDns(onError?: (error: Error) => void): void {
    this.dns.start(undefined, onError);
  }

  stop(): void {
    this.dns.stop();
    this.flows.stop();
    this.schedule.stop();
    this.traffic.close();
    this.keeper?.stop();
    this.keeper = null;
    this.innerViews = null;
    this.refresher.cancel();
    this.watchers.forEach((w) => w.stop());
    this.watchers = [];
  }

  /** Reads the system now (what an event-triggered refresh does) and pushes the result if it changed. */
  refreshNow(): Promise<Snapshot> {
    return this.takeAndPublish();
  }

  private async refresh(): Promise<void> {
    try {
      await this.takeAndPublish();
    } catch (error) {
      console.error(`bridgeport: refresh failed: ${(error as Error).message}`);
    }
  }

  /** Rights just arrived: what was read without them (snapshot, inside views, rules, DNS files) is read again now. */
  private async readAgainWithRights(): Promise<void> {
    this.innerViews?.clear();
    this.firewallViews.invalidate();
    await this.takeAndPublish();
    if (this.schedule.samplingFirewall) await this.sample();
    if (this.hub.count('dns') > 0) this.hub.publishIfChanged('dns', await this.dns.report());
  }

  private async takeAndPublish(): Promise<Snapshot> {
    // Every refresh notices rights that came or went (a helper that exited) and pushes the change.
    this.privilege.get();
    const snapshot = await takeSnapshot(this.engines, this.reads, this.innerViews);
    this.latest = snapshot;
    // The time of reading is not news.
    this.hub.publishIfChanged('snapshot', snapshot, JSON.stringify({ ...snapshot, takenAt: '' }));
    return snapshot;
  }
}
