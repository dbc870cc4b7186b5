// Runs a sampling task once per interval while it is wanted, never two at once.
export class Ticker {
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly task: () => Promise<void>,
    private readonly intervalMs: number,
  ) {}

  get running(): boolean {
    return this.timer !== null;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async tick(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      await this.task();
    } catch {
      // A failed sample is skipped; the next tick tries again.
    } finally {
      this.busy = false;
    }
  }
}
