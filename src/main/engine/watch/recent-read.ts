// One read shared by everyone who asks within a short time: two views ticking at 1 s (NAT/Ports and
// Traffic) then cost one firewall read per second, not two. A read in flight is joined; a failed
// read is not kept; `invalidate` forces the next caller to read (after a change).
export class RecentRead<T> {
  private inFlight: Promise<T> | null = null;
  private last: { value: T; at: number } | null = null;
  private generation = 0;

  constructor(
    private readonly read: () => Promise<T>,
    private readonly maxAgeMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get(): Promise<T> {
    if (this.inFlight) return this.inFlight;
    if (this.last && this.now() - this.last.at < this.maxAgeMs) return Promise.resolve(this.last.value);
    const generation = this.generation;
    const started = this.now();
    // A failure reaches its callers and is not kept.
    const reading = this.read().then((value) => {
      // A read begun before an invalidation is handed to its callers but not kept.
      if (generation === this.generation) this.last = { value, at: started };
      return value;
    });
    this.inFlight = reading;
    const clear = () => {
      if (this.inFlight === reading) this.inFlight = null;
    };
    reading.then(clear, clear);
    return reading;
  }

  invalidate(): void {
    this.generation++;
    this.last = null;
    this.inFlight = null;
  }
}
