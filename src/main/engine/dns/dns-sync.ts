// Keeps containers' DNS in step with the host's: reads the host's DNS and every container's, lets
// the pure policy (plan-dns-sync) decide, applies its actions through the privileged executor, and
// writes each sync to the timeline. While started, a change of the host's files or any engine's container event (Docker and Podman)
// triggers a sync; syncs never overlap.
import type { DnsEvent, DnsReport, DnsSettings, DnsSyncResult, DnsSyncSwitch } from '../../../shared/dns-model';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import type { ReadAccess } from '../access/privileged-reads';
import { Coalescer } from '../watch/coalescer';
import { DockerEventWatcher } from '../watch/docker-events';
import type { EngineSet } from '../engines/engine-set';
import { answeringEngines } from '../engines/read-engines';
import { Ticker } from '../watch/ticker';
import type { DnsStore } from './dns-store';
import type { DnsTimeline } from './dns-timeline';
import {
  couldNotSync,
  describeAardvarkReload,
  describeAction,
  describeDockerdAction,
  describeDockerdFollow,
  describeFailure,
  describeHostChange,
  describeLeftAlone,
  describeSwitch,
  DNS_FILES_NEED_ROOT,
  outOfDateDockerdMessage,
  outOfDateMessage,
  sameSettings,
  UNREAD_NOTE,
} from './describe-sync';
import { DnsSyncError, noteOf } from './dns-words';
import { inEnglish } from '../../../shared/i18n/english';
import { message } from '../../../shared/message';
import { gatherDnsFacts, type GatheredFacts } from './gather-dns-facts';
import type { HostDnsPaths } from './host-dns-paths';
import { HostDnsWatcher } from './host-dns-watcher';
import { planDns, type DnsAction, type DnsPlan, type HostDnsState } from './plan-dns-sync';
import { readHostDns } from './read-host-dns';
import type { SyncMarker } from './sync-marker';
import { sameRedirects, type Redirect } from './embedded-upstreams';
import type { DnsState } from './dns-store';

/** Which process an aardvark-dns entry is: a pid alone may be reused by a later process. */
const aardvarkKey = (p: { pid: number; startTime: number }) => `${p.pid}@${p.startTime}`;

export interface DnsSyncDeps {
  /** Every container engine (Docker and Podman side by side): their containers and events. */
  engines: EngineSet;
  executor: () => Promise<PrivilegedExecutor>;
  /** For the report (a read): the executor only when at hand without a prompt; else the files are said unread. */
  reads?: ReadAccess;
  store: DnsStore;
  timeline: DnsTimeline;
  marker: SyncMarker;
  paths: HostDnsPaths;
}


/** Without the files nothing about a container's servers is known: it is not said to be out of step. */
const unreadView = (view: DnsReport['containers'][number]) => ({ ...view, synced: false, ...noteOf(UNREAD_NOTE) });

const DNS_EVENTS = ['start', 'restart', 'die', 'destroy', 'rename', 'connect', 'disconnect'];

export class DnsSync {
  private paths: HostDnsPaths;
  private queue: Promise<unknown> = Promise.resolve();
  private hostWatcher: HostDnsWatcher | null = null;
  private dockerEvents: DockerEventWatcher[] = [];
  /** Switches moved by another Bridgeport process (the CLI while the daemon runs) are noticed here. */
  private readonly settingsCheck = new Ticker(() => this.checkSettings(), 1000);
  private lastSettings: string | null = null;
  /** dockerd's redirect as the last sync left it: a firewall reload (firewalld, iptables-restore) may flush it. */
  private dockerdInPlace: Redirect[] = [];
  private readonly dockerdCheck = new Ticker(() => this.checkDockerdRedirect(), 5000);
  // A change is applied within half a second even while Docker events keep coming.
  private readonly syncer = new Coalescer(() => this.syncQuietly(), 150, 500);
  private readonly reportListeners = new Set<(report: DnsReport) => void>();
  private readonly eventListeners = new Set<(events: DnsEvent[]) => void>();

  constructor(private readonly deps: DnsSyncDeps) {
    this.paths = deps.paths;
  }

  get watching(): boolean {
    return this.hostWatcher !== null;
  }

  /** Follows the host's DNS (and every engine's events) and syncs on every change, starting with one sync now. */
  start(paths?: HostDnsPaths, onError: (error: Error) => void = (e) => console.error(`bridgeport: dns sync: ${e.message}`)): void {
    if (this.hostWatcher) return;
    if (paths) this.paths = paths;
    this.onError = onError;
    this.hostWatcher = new HostDnsWatcher([this.paths.path, this.paths.stubTarget], () => this.syncer.signal());
    // Only what changes a container's DNS files or networks: not the exec events of scripts polling it.
    const { engines } = this.deps;
    this.dockerEvents = engines.endpoints.map((e) => new DockerEventWatcher(engines.client(e), () => this.syncer.signal(), 2000, DNS_EVENTS));
    void this.deps.marker.claim(this.paths).catch(() => undefined);
    this.hostWatcher.start();
    this.dockerEvents.forEach((w) => w.start());
    this.settingsCheck.start();
    this.dockerdCheck.start();
  }

  /** Syncs again when dockerd's redirect is no longer what the last sync left (only while there is one). */
  private async checkDockerdRedirect(): Promise<void> {
    if (this.dockerdInPlace.length === 0) return;
    const now = await (await this.deps.executor()).run('dns.readDockerdRedirects', {});
    if (!sameRedirects(now.redirects, this.dockerdInPlace)) this.syncer.signal();
  }

  private async checkSettings(): Promise<void> {
    const settings = JSON.stringify((await this.deps.store.load()).settings);
    if (this.lastSettings !== null && settings !== this.lastSettings) this.syncer.signal();
    this.lastSettings = settings;
  }

  stop(): void {
    this.hostWatcher?.stop();
    this.dockerEvents.forEach((w) => w.stop());
    this.settingsCheck.stop();
    this.dockerdCheck.stop();
    this.hostWatcher = null;
    this.dockerEvents = [];
    this.syncer.cancel();
    void this.deps.marker.release().catch(() => undefined);
  }

  onReport(listener: (report: DnsReport) => void): () => void {
    this.reportListeners.add(listener);
    return () => this.reportListeners.delete(listener);
  }

  /** New timeline entries as they happen (the app turns them into a desktop notification). */
  onEvents(listener: (events: DnsEvent[]) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  timeline(): Promise<DnsEvent[]> {
    return this.deps.timeline.list();
  }

  /** What is, and what a sync would change (nothing is changed). */
  async report(): Promise<DnsReport> {
    const running = this.watching ? null : await this.deps.marker.runningSync();
    // Beside a running sync, the host's DNS is what that sync follows (its --resolv-conf), not our default.
    const [host, state] = await Promise.all([readHostDns(running?.paths ?? this.paths), this.deps.store.load()]);
    const executor = this.deps.reads ? await this.deps.reads() : await this.deps.executor();
    const facts = await gatherDnsFacts(await answeringEngines(this.deps.engines), executor);
    // The state in force began when Bridgeport first saw it (its last history entry), else now.
    const seen = state.history.at(-1);
    const current = host.current ? (seen?.text === host.current.text ? seen : { since: new Date().toISOString(), ...host.current }) : null;
    const history = current && seen?.text === current.text ? state.history.slice(0, -1) : state.history;
    const plan = current ? this.plan(facts, current, history, state, host.view.inForce, host.modifiedAt) : { containers: [], dockerd: null, reloadAardvark: false };
    const containers = plan.containers.map(({ view, action, dockerdNeeds, needsAardvark, untoldNote, untoldNoteMessage }) => {
      if (action.kind !== 'none') return { ...view, synced: false, ...noteOf(outOfDateMessage(action)) };
      if (plan.reloadAardvark && needsAardvark) return { ...view, synced: false, reach: null, note: untoldNote ?? view.note, noteMessage: untoldNoteMessage ?? view.noteMessage };
      // dockerd's redirect is not in place yet: the queries still reach the old servers.
      if (plan.dockerd && dockerdNeeds.length > 0) return { ...view, synced: false, ...noteOf(outOfDateDockerdMessage(dockerdNeeds)) };
      return view;
    });
    const report: DnsReport = { host: host.view, containers: executor ? containers : containers.map(unreadView), settings: state.settings, syncing: this.watching || running !== null };
    if (!executor) {
      report.limitations = [inEnglish(DNS_FILES_NEED_ROOT)];
      report.limitationsMessages = [DNS_FILES_NEED_ROOT];
    }
    return report;
  }

  syncNow(): Promise<DnsSyncResult> {
    const next = this.queue.then(() => this.sync());
    this.queue = next.catch(() => undefined);
    return next;
  }

  async setSync(change: DnsSyncSwitch): Promise<DnsSettings> {
    const settings = await this.deps.store.update((state) => {
      if (change.container === undefined) state.settings.enabled = change.enabled;
      else {
        const others = state.settings.disabledContainers.filter((n) => n !== change.container);
        state.settings.disabledContainers = change.enabled ? others : [...others, change.container];
      }
      return { ...state.settings, disabledContainers: [...state.settings.disabledContainers] };
    });
    await this.record([describeSwitch(change)]);
    // A sync running in another process (the daemon, the app) picks the switch up within a second.
    const elsewhere = !this.watching && (await this.deps.marker.running());
    if (change.enabled && !elsewhere) await this.syncNow();
    else if (this.reportListeners.size > 0) this.pushReport(await this.report());
    return settings;
  }

  private onError: (error: Error) => void = () => undefined;

  private async syncQuietly(): Promise<void> {
    try {
      await this.syncNow();
    } catch (error) {
      this.onError(error as Error);
    }
  }

  private plan(facts: GatheredFacts, host: HostDnsState, history: HostDnsState[], state: DnsState, inForcePath: string, modifiedAt: number | null): DnsPlan {
    // An aardvark-dns reads the host's DNS when it starts and when told: it has this state if it was
    // told, or started after the state began (as Bridgeport saw it, or the file was last written).
    const since = Math.min(Date.parse(host.since), modifiedAt ?? Infinity);
    const current = (p: { pid: number; startTime: number; startedAtMs: number | null }) => state.aardvarkRead[aardvarkKey(p)] === host.text || (p.startedAtMs !== null && p.startedAtMs > since);
    const aardvark = facts.aardvark && {
      pids: facts.aardvark.map((p) => p.pid),
      stale: facts.aardvark.filter((p) => !current(p)).map((p) => p.pid),
    };
    return planDns({
      containers: facts.containers,
      host,
      history,
      settings: state.settings,
      writtenByBridgeport: state.written,
      inForcePath,
      ...(facts.dockerd ? { dockerd: facts.dockerd } : {}),
      ...(aardvark ? { aardvark } : {}),
    });
  }

  private async sync(): Promise<DnsSyncResult> {
    const host = await readHostDns(this.paths);
    if (!host.current) throw host.view.errorMessage ? new DnsSyncError(host.view.errorMessage) : new Error(host.view.error ?? `${this.paths.path} could not be read`);
    const reading = host.current;
    const now = new Date().toISOString();
    // The host state joins the history (with its raw text, which Docker's hash is matched against).
    const { previous, state } = await this.deps.store.update((s) => {
      const last = s.history.at(-1) ?? null;
      if (!last || last.text !== reading.text) s.history.push({ since: now, ...reading });
      return { previous: last, state: structuredClone(s) };
    });
    const hostChanged = previous !== null && !sameSettings(previous.settings, reading.settings);
    const executor = await this.deps.executor();
    const facts = await gatherDnsFacts(await answeringEngines(this.deps.engines), executor);
    const plan = this.plan(facts, state.history.at(-1)!, state.history.slice(0, -1), state, host.view.inForce, host.modifiedAt);
    const planned = plan.containers;

    const events: Array<Omit<DnsEvent, 'at'>> = [];
    if (hostChanged) events.push(describeHostChange(previous.settings, reading.settings, host.view.inForce));
    const changed: DnsSyncResult['changed'] = [];
    // dockerd's redirect first: the containers that need it are described as having it.
    this.dockerdInPlace = facts.dockerd?.current ?? [];
    if (plan.dockerd) {
      try {
        const done = await executor.run('dns.setDockerdRedirects', { redirects: plan.dockerd.redirects });
        this.dockerdInPlace = done.redirects;
        events.push(describeDockerdAction(plan.dockerd, done.cgroup));
        for (const { view, dockerdNeeds } of planned) {
          if (dockerdNeeds.length === 0) continue;
          changed.push(view.container);
          events.push(describeDockerdFollow(view.container, dockerdNeeds));
        }
      } catch (error) {
        for (const entry of planned) {
          if (entry.dockerdNeeds.length === 0) continue;
          entry.view.synced = false;
          Object.assign(entry.view, couldNotSync(error));
        }
        events.push(describeFailure(null, error));
      }
    }
    const written: Record<string, string> = {};
    for (const entry of planned) {
      if (entry.action.kind === 'none') {
        if (hostChanged) {
          const leftAlone = describeLeftAlone(entry.view);
          if (leftAlone) events.push(leftAlone);
        }
        continue;
      }
      try {
        const hash = await this.apply(executor, facts, entry.view.container.id, entry.action);
        if (hash) written[entry.view.container.id] = hash;
        // The view was planned from the file before the write: it shows what is there now.
        if (entry.action.kind === 'rewrite') Object.assign(entry.view, entry.action.after);
        changed.push(entry.view.container);
        events.push(describeAction(entry.view.container, entry.action));
      } catch (error) {
        entry.view.synced = false;
        Object.assign(entry.view, couldNotSync(error));
        events.push(describeFailure(entry.view.container, error));
      }
    }
    if (plan.reloadAardvark) await this.reloadAardvark(executor, planned, reading.text, events);
    const alive = new Set(facts.containers.map((c) => c.container.id));
    await this.deps.store.update((s) => {
      // Hashes of files that no longer exist are forgotten with their containers.
      s.written = Object.fromEntries(Object.entries({ ...s.written, ...written }).filter(([id]) => alive.has(id)));
    });
    const stamped = await this.record(events);
    this.pushReport({ host: host.view, containers: planned.map((p) => p.view), settings: state.settings, syncing: true });
    return { changed, events: stamped };
  }

  /** Tells aardvark-dns to read the host's DNS now, and remembers which processes were told which state. */
  private async reloadAardvark(executor: PrivilegedExecutor, planned: DnsPlan['containers'], hostText: string, events: Array<Omit<DnsEvent, 'at'>>): Promise<void> {
    const following = planned.filter((p) => p.needsAardvark);
    try {
      const done = await executor.run('dns.reloadAardvark', {});
      await this.deps.store.update((s) => {
        const live = new Set(done.signalled.map((p) => aardvarkKey({ pid: p.pid, startTime: p.startedAt })));
        s.aardvarkRead = Object.fromEntries([...Object.entries(s.aardvarkRead).filter(([key]) => live.has(key)), ...[...live].map((key) => [key, hostText] as const)]);
      });
      events.push(describeAardvarkReload(done.signalled, done.skipped, following.map((p) => p.view.container)));
      if (done.signalled.length === 0) {
        const reasons = done.skipped.map((s) => s.reason).join('; ');
        throw reasons ? new Error(reasons) : new DnsSyncError(message('engine-dns:error.noAardvark'));
      }
    } catch (error) {
      for (const { view } of following) Object.assign(view, { synced: false, reach: null, ...couldNotSync(error) });
    }
  }

  /** Applies one action; returns the hash of a file it wrote. */
  private async apply(executor: PrivilegedExecutor, facts: GatheredFacts, id: string, action: Exclude<DnsAction, { kind: 'none' }>): Promise<string | null> {
    if (action.kind === 'rewrite') {
      const path = facts.resolvPaths.get(id);
      if (!path) throw new DnsSyncError(message('engine-dns:error.resolvUnknown'));
      const result = await executor.run('dns.writeResolvConf', { path, content: action.content, expectedHash: action.expectedHash, updateHashFile: true });
      return result.hash;
    }
    const pid = facts.pids.get(id);
    if (!pid) throw new DnsSyncError(message('engine-dns:error.notRunning'));
    await executor.run('dns.setRedirects', { pid, redirects: action.redirects });
    return null;
  }

  private async record(events: Array<Omit<DnsEvent, 'at'>>): Promise<DnsEvent[]> {
    const stamped = await this.deps.timeline.add(events);
    if (stamped.length > 0) for (const listener of this.eventListeners) listener(stamped);
    return stamped;
  }

  private pushReport(report: DnsReport): void {
    for (const listener of this.reportListeners) listener(report);
  }
}

