// Turns bursts of change signals into few refreshes: waits a short quiet time, never runs two at once,
// and runs once more if a signal arrived while a refresh was in flight.
export class Coalescer {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private again = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly quietMs: number,
  ) {}

  signal(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), this.quietMs);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.again = false;
  }

  private async run(): Promise<void> {
    this.timer = null;
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
