// Turns bursts of change signals into few refreshes: waits a short quiet time, never runs two at once,
// and runs once more if a signal arrived while a refresh was in flight. A steady drizzle of signals
// (a script polling with `docker exec`) must not postpone the work forever: with `maxDelayMs` it runs
// at the latest that long after the first signal of a burst.
export class Coalescer {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;
  private firstSignalAt: number | null = null;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly quietMs: number,
    private readonly maxDelayMs = Number.POSITIVE_INFINITY,
  ) {}

  signal(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    const now = Date.now();
    this.firstSignalAt ??= now;
    if (this.timer) clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.quietMs, this.firstSignalAt + this.maxDelayMs - now));
    this.timer = setTimeout(() => void this.run(), wait);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.again = false;
    this.firstSignalAt = null;
  }

  private async run(): Promise<void> {
    this.timer = null;
    this.firstSignalAt = null;
    this.running = true;
    try {
      await this.work();
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.signal();
      }
    }
  }
}
