// Follows the Docker event stream for container and network changes; reconnects after the daemon
// goes away (it is retried until it answers, so a daemon started later is noticed).
import type Docker from 'dockerode';

export class DockerEventWatcher {
  private stopped = false;
  private stream: NodeJS.ReadableStream | null = null;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly docker: Docker,
    private readonly onEvent: () => void,
    private readonly retryMs = 2000,
    /** Only these actions (Docker's `event` filter), or every container and network event. */
    private readonly actions: readonly string[] | null = null,
  ) {}

  start(): void {
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    try {
      const stream = await this.docker.getEvents({ filters: { type: ['container', 'network'], ...(this.actions ? { event: [...this.actions] } : {}) } });
      if (this.stopped) {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        return;
      }
      this.stream = stream;
      // (Re)connected: whatever happened while away is caught up by one refresh.
      this.onEvent();
      stream.on('data', () => this.onEvent());
      stream.on('error', () => undefined);
      stream.on('close', () => this.reconnectLater());
      stream.on('end', () => this.reconnectLater());
    } catch {
      this.reconnectLater();
    }
  }

  private reconnectLater(): void {
    const wasConnected = this.stream !== null;
    this.stream = null;
    // Losing the daemon is a change worth showing; failing to reach it again is not.
    if (wasConnected) this.onEvent();
    if (this.stopped || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    (this.stream as unknown as { destroy?: () => void } | null)?.destroy?.();
    this.stream = null;
  }
}
