// Keeps the remembered mappings in force while Bridgeport runs: a reconcile after any engine's events
// (Docker's and Podman's side by side: container restarted with a new IP, removed, daemon back after
// a restart) and whenever our rules
// drifted (someone restored an old rule set, firewalld reloaded), checked every couple of seconds.
import type Docker from 'dockerode';
import { Coalescer } from '../watch/coalescer';
import { DockerEventWatcher } from '../watch/docker-events';
import { Ticker } from '../watch/ticker';
import type { Message } from '../../../shared/message';
import { reason as said } from './port-messages';
import type { PortPublisher } from './port-publisher';

export class PortKeeper {
  private readonly reconciler: Coalescer;
  private readonly events: DockerEventWatcher[];
  private readonly driftCheck: Ticker;

  constructor(
    private readonly publisher: PortPublisher,
    /** One client per engine endpoint (an engine not running yet is retried until it answers). */
    engines: readonly Docker[],
    private readonly onError: (error: Error) => void,
    checkMs = 2000,
  ) {
    this.reconciler = new Coalescer(() => this.reconcile(said.changed()), 100);
    this.events = engines.map((docker) => new DockerEventWatcher(docker, () => this.reconciler.signal()));
    this.driftCheck = new Ticker(() => this.checkDrift(), checkMs);
  }

  start(): void {
    this.events.forEach((w) => w.start());
    this.driftCheck.start();
  }

  stop(): void {
    this.events.forEach((w) => w.stop());
    this.driftCheck.stop();
    this.reconciler.cancel();
  }

  private async reconcile(reason: Message): Promise<void> {
    try {
      await this.publisher.reconcile(reason, { onlyIfNeeded: true });
    } catch (error) {
      this.onError(error as Error);
    }
  }

  private async checkDrift(): Promise<void> {
    try {
      const reason = await this.publisher.driftReason();
      if (reason) await this.reconcile(reason);
    } catch (error) {
      this.onError(error as Error);
    }
  }
}
