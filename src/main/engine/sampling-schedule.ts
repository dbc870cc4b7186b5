// When the engine samples what moves without events: NAT/ports counters once a second while someone
// looks at them, traffic once a second while someone looks or the app keeps history. Policy only;
// the sampling itself is handed in.
import type { TopicName } from '../../shared/contract';
import type { TopicHub } from './topic-hub';
import { Ticker } from './watch/ticker';

const FIREWALL_TOPICS: TopicName[] = ['nat', 'ports'];

export class SamplingSchedule {
  private readonly firewall: Ticker;
  private readonly traffic: Ticker;
  private keepTrafficHistory = false;

  constructor(
    private readonly hub: TopicHub,
    sample: { firewall: () => Promise<void>; traffic: () => Promise<void> },
    intervalMs = 1000,
  ) {
    this.firewall = new Ticker(sample.firewall, intervalMs);
    this.traffic = new Ticker(sample.traffic, intervalMs);
    hub.onCountChange(() => this.update());
  }

  /** Whether the NAT/ports sampler runs (a change then pushes the views at once, not at the next tick). */
  get samplingFirewall(): boolean {
    return this.firewall.running;
  }

  get watchingTraffic(): boolean {
    return this.hub.count('traffic') > 0;
  }

  /** Samples traffic from now on, so the charts have history when opened (the app, `serve`). */
  keepHistory(): void {
    this.keepTrafficHistory = true;
    this.update();
  }

  stop(): void {
    this.keepTrafficHistory = false;
    this.firewall.stop();
    this.traffic.stop();
  }

  private update(): void {
    if (FIREWALL_TOPICS.some((topic) => this.hub.count(topic) > 0)) this.firewall.start();
    else this.firewall.stop();
    if (this.keepTrafficHistory || this.watchingTraffic) this.traffic.start();
    else this.traffic.stop();
  }
}
