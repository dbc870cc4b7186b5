// The engine: knows Linux and Docker, never imports electron. Every face (Electron IPC, WebSocket,
// CLI) drives this one object through the shared contract.
import type Docker from 'dockerode';
import { parseCall, type MethodName, type MethodOutput, type TopicName, type TopicPayload } from '../../shared/contract';
import type { NatReport, PublishedPort } from '../../shared/firewall-model';
import type { Snapshot } from '../../shared/model';
import type { PathQuery, PathResult } from '../../shared/path-model';
import { NatReporter } from './firewall/nat-report';
import { FirewallReader } from './firewall/read-firewall';
import { readRoutes } from './host/read-routes';
import { tracePacket } from './path/trace-packet';
import { packetQueryOf } from './path/trace-query';
import { readListeners } from './host/read-listeners';
import { derivePorts } from './ports/derive-ports';
import { createDockerClient } from './docker/docker-client';
import { takeSnapshot } from './snapshot/take-snapshot';
import { Coalescer } from './watch/coalescer';
import { DockerEventWatcher } from './watch/docker-events';
import { InnerViewCache } from './netns/inner-view-cache';
import { nsidOfMonitorLine } from './netns/parse-monitor-line';
import { LineMonitor } from './watch/line-monitor';
import { RecentRead } from './watch/recent-read';
import { Ticker } from './watch/ticker';
import { NetnsDirWatcher } from './watch/netns-dir-watcher';
import type { PrivilegedExecutor } from '../privileged/contract/operations';
import type { MappingStatus, PublishRequest, UnpublishRequest } from '../../shared/publish-model';
import { configLocation } from './publish/config-dir';
import { EventLog } from './publish/event-log';
import { MappingStore } from './publish/mapping-store';
import { PortKeeper } from './publish/port-keeper';
import { PortPublisher } from './publish/port-publisher';
import { Doctor } from './doctor/doctor';
import { NetworkManager } from './networks/network-manager';
import type { NetworkCreate } from '../../shared/network-model';
import type { MethodInput } from '../../shared/contract';
import { LinkWiring } from './links/link-wiring';
import { MadeStore } from './links/made-store';
import type { DnsSyncSwitch } from '../../shared/dns-model';
import { DnsStore } from './dns/dns-store';
import { DnsSync } from './dns/dns-sync';
import { DnsTimeline } from './dns/dns-timeline';
import { hostDnsPaths } from './dns/host-dns-paths';
import { SyncMarker } from './dns/sync-marker';
import type { TrafficSample } from '../../shared/traffic-model';
import { TrafficSampler } from './traffic/traffic-sampler';

const SAMPLED_TOPICS: TopicName[] = ['nat', 'ports'];

/**
 * A (re)started `ip monitor` needs a moment to subscribe; a change inside a container in that moment
 * would never be reported. So nothing read before then is trusted: the cache is emptied now and
 * once more after the grace time (reads begun before a clear are never stored).
 */
function forgetUntilSubscribed(cache: InnerViewCache, graceMs = 500): void {
  cache.clear();
  setTimeout(() => cache.clear(), graceMs).unref();
}

type Listener<T extends TopicName> = (payload: TopicPayload<T>) => void;

export interface EngineOptions {
  docker?: Docker;
  /** Quiet time after a change signal before re-reading (events come in bursts). */
  settleMs?: number;
  /** The privileged side, chosen by the face: in-process as root (CLI, tests), the elevated helper under the desktop app. */
  executor: () => Promise<PrivilegedExecutor>;
  /** Where the mappings file lives (default: $BRIDGEPORT_CONFIG_DIR or ~/.config/bridgeport). */
  configDir?: string;
  /** The host's resolv.conf to follow (default: $BRIDGEPORT_RESOLV_CONF or /etc/resolv.conf). */
  resolvConf?: string;
}

export class Engine {
  private readonly docker: Docker;
  private readonly listeners = new Map<TopicName, Set<Listener<TopicName>>>();
  private readonly refresher: Coalescer;
  private watchers: Array<{ start(): void; stop(): void }> = [];
  private latest: Snapshot | null = null;
  private readonly lastPublished = new Map<TopicName, string>();
  private readonly sampler = new Ticker(() => this.sample(), 1000);
  /** Traffic: one /proc/net/dev read per tick, while someone looks or the app keeps history. */
  private readonly traffic = new TrafficSampler();
  private readonly trafficTicker = new Ticker(async () => void (await this.sampleTraffic()), 1000);
  private keepTrafficHistory = false;
  private lastTraffic: TrafficSample | null = null;
  // One reader for the NAT view and packet paths: it remembers what need not be looked up again.
  private readonly firewall = new FirewallReader();
  private readonly nat = new NatReporter(this.firewall);
  /** NAT/Ports and Traffic both tick at 1 s: they share one firewall read per tick. */
  private readonly firewallViews = new RecentRead(() => this.readFirewallViewsNow(), 900);
  /** Only while watching: the monitor that keeps it exact runs then. */
  private innerViews: InnerViewCache | null = null;
  readonly events: EventLog;
  readonly publisher: PortPublisher;
  /** Checks for "my container can't reach the internet" and their safe fixes. */
  readonly doctor: Doctor;
  /** Docker networks: list, create, remove, connect, disconnect (checked before anything changes). */
  readonly networks: NetworkManager;
  /** Namespaces, bridges and veth pairs wired by hand, and the record of what Bridgeport made. */
  readonly links: LinkWiring;
  private keeper: PortKeeper | null = null;
  /** Containers' DNS, kept in step with the host's while started. */
  readonly dns: DnsSync;

  constructor(options: EngineOptions) {
    this.docker = options.docker ?? createDockerClient();
    this.networks = new NetworkManager(this.docker);
    this.refresher = new Coalescer(() => this.refresh(), options.settleMs ?? 60);
    const config = options.configDir ? { dir: options.configDir, owner: null } : configLocation();
    this.events = new EventLog(config.dir, config.owner);
    this.publisher = new PortPublisher({
      docker: this.docker,
      store: new MappingStore(config.dir, config.owner),
      events: this.events,
      executor: options.executor,
      backend: () => this.firewall.backend(),
    });
    this.publisher.onChange((statuses) => this.publish('mappings', statuses));
    this.doctor = new Doctor({ docker: this.docker, executor: options.executor });
    this.links = new LinkWiring({ docker: this.docker, store: new MadeStore(config.dir, config.owner), executor: options.executor });
    this.events.onChange((events) => this.publish('events', events));
    const timeline = new DnsTimeline(config.dir, config.owner);
    this.dns = new DnsSync({
      docker: this.docker,
      executor: options.executor,
      store: new DnsStore(config.dir, config.owner),
      timeline,
      marker: new SyncMarker(config.dir, config.owner),
      paths: hostDnsPaths(options.resolvConf),
    });
    this.dns.onReport((report) => this.publishIfChanged('dns', report));
    timeline.onChange((events) => this.publish('dnsEvents', events));
  }

  /** Runs a contract method; the input is validated here whatever transport it came through. */
  async call<M extends MethodName>(method: M, input: unknown): Promise<MethodOutput<M>> {
    const call = parseCall(method, input);
    switch (call.method) {
      case 'snapshot.get':
        return (await this.currentSnapshot()) as MethodOutput<M>;
      case 'nat.get':
        return (await this.readFirewallViews()).nat as MethodOutput<M>;
      case 'ports.get':
        return (await this.readFirewallViews()).ports as MethodOutput<M>;
      case 'path.trace':
        return (await this.tracePath(call.input as Required<PathQuery>)) as MethodOutput<M>;
      case 'ports.publish':
        return (await this.changePorts(() => this.publisher.publish(call.input as PublishRequest))) as MethodOutput<M>;
      case 'ports.unpublish':
        return (await this.changePorts(() => this.publisher.unpublish(call.input as UnpublishRequest))) as MethodOutput<M>;
      case 'ports.reconcile':
        return (await this.changePorts(() => this.publisher.reconcile())) as MethodOutput<M>;
      case 'mappings.list':
        return (await this.mappingStatuses()) as MethodOutput<M>;
      case 'events.list':
        return this.events.list() as MethodOutput<M>;
      case 'doctor.run':
        return (await this.doctor.run()) as MethodOutput<M>;
      case 'doctor.fix':
        // A fix changes rules: the sampled NAT and port views are pushed at once.
        return (await this.changePorts(() => this.doctor.fix((call.input as { id: string }).id))) as MethodOutput<M>;
      case 'networks.list':
        return (await this.networks.list()) as MethodOutput<M>;
      case 'networks.suggestSubnet':
        return (await this.networks.suggestSubnet()) as MethodOutput<M>;
      case 'networks.create':
        return (await this.changeNetworks(() => this.networks.create(call.input as NetworkCreate))) as MethodOutput<M>;
      case 'networks.remove':
        return (await this.changeNetworks(() => this.networks.remove(call.input as { name: string; disconnectContainers: boolean }))) as MethodOutput<M>;
      case 'networks.connect':
        return (await this.changeNetworks(() => this.networks.connect(call.input as { network: string; container: string; ip?: string; aliases: string[] }))) as MethodOutput<M>;
      case 'networks.disconnect':
        return (await this.changeNetworks(() => this.networks.disconnect(call.input as { network: string; container: string; force: boolean }))) as MethodOutput<M>;
      case 'netns.create':
        return (await this.changeLinks(() => this.links.createNetns(call.input as MethodInput<'netns.create'>))) as MethodOutput<M>;
      case 'netns.delete':
        return (await this.changeLinks(() => this.links.deleteNetns(call.input as MethodInput<'netns.delete'>))) as MethodOutput<M>;
      case 'links.createBridge':
        return (await this.changeLinks(() => this.links.createBridge(call.input as MethodInput<'links.createBridge'>))) as MethodOutput<M>;
      case 'links.createVeth':
        return (await this.changeLinks(() => this.links.createVeth(call.input as MethodInput<'links.createVeth'>))) as MethodOutput<M>;
      case 'links.move':
        return (await this.changeLinks(() => this.links.move(call.input as MethodInput<'links.move'>))) as MethodOutput<M>;
      case 'links.setState':
        return (await this.changeLinks(() => this.links.setState(call.input as MethodInput<'links.setState'>))) as MethodOutput<M>;
      case 'links.delete':
        return (await this.changeLinks(() => this.links.delete(call.input as MethodInput<'links.delete'>))) as MethodOutput<M>;
      case 'made.list':
        return (await this.links.list()) as MethodOutput<M>;
      case 'dns.get':
        return (await this.dns.report()) as MethodOutput<M>;
      case 'dns.timeline':
        return (await this.dns.timeline()) as MethodOutput<M>;
      case 'dns.setSync':
        return (await this.dns.setSync(call.input as DnsSyncSwitch)) as MethodOutput<M>;
      case 'dns.syncNow':
        return (await this.dns.syncNow()) as MethodOutput<M>;
      case 'traffic.get':
        return (this.lastTraffic ?? (await this.sampleTraffic())) as MethodOutput<M>;
      case 'traffic.history':
        return this.traffic.readHistory() as MethodOutput<M>;
    }
    throw new Error(`unhandled method ${String(call.method)}`);
  }

  subscribe<T extends TopicName>(topic: T, listener: Listener<T>): () => void {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener as Listener<TopicName>);
    this.listeners.set(topic, set);
    this.updateSampling();
    return () => {
      set.delete(listener as Listener<TopicName>);
      this.updateSampling();
    };
  }

  /** Counters move without events: sample them once per second, but only while someone looks. */
  private updateSampling(): void {
    const wanted = SAMPLED_TOPICS.some((t) => (this.listeners.get(t)?.size ?? 0) > 0);
    if (wanted) this.sampler.start();
    else this.sampler.stop();
    if (this.keepTrafficHistory || this.watchingTraffic) this.trafficTicker.start();
    else this.trafficTicker.stop();
  }

  private get watchingTraffic(): boolean {
    return (this.listeners.get('traffic')?.size ?? 0) > 0;
  }

  /** Samples traffic every second from now on, so the charts have history when opened (the app, `serve`). */
  startSamplingTraffic(): void {
    this.keepTrafficHistory = true;
    this.updateSampling();
  }

  /** One traffic sample; ports and NAT rules only for someone watching (the firewall read costs more). */
  async sampleTraffic(): Promise<TrafficSample> {
    const snapshot = this.latest ?? (await this.takeAndPublish());
    const firewall = this.watchingTraffic ? await this.readFirewallViews().catch(() => null) : null;
    const sample = await this.traffic.sample(snapshot, firewall);
    this.lastTraffic = sample;
    this.publish('traffic', sample);
    return sample;
  }

  private async currentSnapshot(): Promise<Snapshot> {
    return this.watching && this.latest ? this.latest : this.takeAndPublish();
  }

  /** After a change the sampled views are pushed at once, not at the next tick. */
  private async changePorts<T>(change: () => Promise<T>): Promise<T> {
    const result = await change();
    this.firewallViews.invalidate();
    if (this.sampler.running) void this.sample().catch(() => undefined);
    return result;
  }

  /** After a namespace or link change the topology is read at once (not only when netlink tells), if anyone looks. */
  private async changeLinks<T>(change: () => Promise<T>): Promise<T> {
    const result = await change();
    if (this.watching || (this.listeners.get('snapshot')?.size ?? 0) > 0) void this.refreshNow().catch(() => undefined);
    return result;
  }

  /** After a Docker network change the topology is read at once (not only when Docker's event arrives), if anyone looks. */
  private async changeNetworks<T>(change: () => Promise<T>): Promise<T> {
    const result = await change();
    if (this.watching || (this.listeners.get('snapshot')?.size ?? 0) > 0) void this.refreshNow().catch(() => undefined);
    return result;
  }

  /** Statuses as last resolved; resolved now (read-only, no rule is touched) when nothing was yet. */
  private async mappingStatuses(): Promise<MappingStatus[]> {
    return this.publisher.currentStatuses();
  }

  private readFirewallViews(): Promise<{ nat: NatReport; ports: PublishedPort[] }> {
    return this.firewallViews.get();
  }

  private async readFirewallViewsNow(): Promise<{ nat: NatReport; ports: PublishedPort[] }> {
    const snapshot = await this.currentSnapshot();
    const [{ report, readable }, listeners, mappings] = await Promise.all([this.nat.read(snapshot), readListeners(), this.mappingStatuses()]);
    const ports = derivePorts({ containers: snapshot.containers, rules: report.rules, firewallReadable: readable, listeners, mappings });
    return { nat: report, ports };
  }

  private async tracePath(query: Required<PathQuery>): Promise<PathResult> {
    const snapshot = await this.currentSnapshot();
    const packet = packetQueryOf(query, snapshot.containers);
    const [firewall, routes, listeners] = await Promise.all([this.firewall.read(), readRoutes(), readListeners()]);
    const result = tracePacket({ ruleset: firewall.ruleset, routes, links: snapshot.links, containers: snapshot.containers, listeners, packet });
    if (!firewall.readable) result.caveats.unshift(...firewall.warnings);
    return result;
  }

  private async sample(): Promise<void> {
    const views = await this.readFirewallViews();
    this.publishIfChanged('nat', views.nat);
    this.publishIfChanged('ports', views.ports);
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
    const cache = new InnerViewCache();
    this.innerViews = cache;
    const onNetlink = (line: string) => {
      const nsid = nsidOfMonitorLine(line);
      if (nsid !== null) cache.invalidateNsid(nsid);
      signal();
    };
    const watchers = [
      new LineMonitor(['ip', 'monitor', 'all-nsid', 'link', 'address', 'route'], onNetlink, 2000, () => forgetUntilSubscribed(cache)),
      new NetnsDirWatcher(signal),
      new DockerEventWatcher(this.docker, signal),
    ];
    this.watchers = watchers;
    watchers.forEach((w) => w.start());
  }

  /** Keeps every remembered mapping in force: Docker events, daemon restarts and rule wipes (the app and `bridgeport daemon`). */
  startKeepingPorts(onError: (error: Error) => void = (e) => console.error(`bridgeport: ${e.message}`)): void {
    if (this.keeper) return;
    this.keeper = new PortKeeper(this.publisher, this.docker, onError);
    this.keeper.start();
  }

  /** Keeps containers' DNS in step with the host's (the app, `bridgeport daemon` and `serve`). */
  startSyncingDns(onError?: (error: Error) => void): void {
    this.dns.start(undefined, onError);
  }

  stop(): void {
    this.dns.stop();
    this.keepTrafficHistory = false;
    this.trafficTicker.stop();
    this.traffic.close();
    this.keeper?.stop();
    this.keeper = null;
    this.sampler.stop();
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

  private async takeAndPublish(): Promise<Snapshot> {
    const snapshot = await takeSnapshot(this.docker, this.innerViews);
    this.latest = snapshot;
    this.publishIfChanged('snapshot', snapshot);
    return snapshot;
  }

  /** Only real changes are pushed: a reading that finds the same state is not news. */
  private publishIfChanged<T extends TopicName>(topic: T, payload: TopicPayload<T>): void {
    const key = JSON.stringify(topic === 'snapshot' ? { ...(payload as Snapshot), takenAt: '' } : payload);
    if (key === this.lastPublished.get(topic)) return;
    this.lastPublished.set(topic, key);
    this.publish(topic, payload);
  }

  private publish<T extends TopicName>(topic: T, payload: TopicPayload<T>): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(payload);
  }
}
