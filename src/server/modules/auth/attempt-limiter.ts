/**
 * Counts failed attempts per key in fixed windows, in memory (per instance). A key with `max` failures in
 * its window is blocked until the window ends. At most `capacity` keys are kept; when full, the oldest
 * key that is not blocked is forgotten first, so a flood of new keys cannot wash a blocked one out.
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { failures: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly capacity = 10_000,
  ) {}

  /** How many ms the key stays blocked (0 when it may try). */
  blockedFor(key: string, now = Date.now()): number {
    const w = this.windows.get(key);
    return w && w.resetAt > now && w.failures >= this.max ? w.resetAt - now : 0;
  }

  /** Records one failed attempt. */
  fail(key: string, now = Date.now()): void {
    let w = this.windows.get(key);
    this.windows.delete(key); // re-inserted below: the Map's order is the recency order
    if (!w || w.resetAt <= now) w = { failures: 0, resetAt: now + this.windowMs };
    w.failures++;
    this.windows.set(key, w);
    if (this.windows.size > this.capacity) this.forgetOne(now);
  }

  private forgetOne(now: number): void {
    let oldest: string | undefined;
    for (const [key, w] of this.windows) {
      oldest ??= key;
      if (w.resetAt <= now || w.failures < this.max) {
        this.windows.delete(key);
        return;
      }
    }
    if (oldest !== undefined) this.windows.delete(oldest); // every key blocked: the oldest goes
  }
}
