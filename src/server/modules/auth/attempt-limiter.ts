/**
 * Counts attempts per key in fixed windows, in memory (per instance), keeping at most `capacity` keys
 * (the least recently used go first). Used for the per-login sign-in cap, which @fastify/rate-limit
 * cannot add beside its per-address limit on the same route (only one of its limiters runs per request).
 */
export class AttemptLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly capacity = 10_000,
  ) {}

  /** Counts one attempt for key; returns how many ms to wait when it is over the limit, else 0. */
  hit(key: string, now = Date.now()): number {
    let w = this.windows.get(key);
    this.windows.delete(key); // re-inserted below: the Map's order is the recency order
    if (!w || w.resetAt <= now) w = { count: 0, resetAt: now + this.windowMs };
    w.count++;
    this.windows.set(key, w);
    if (this.windows.size > this.capacity) this.windows.delete(this.windows.keys().next().value!);
    return w.count > this.max ? w.resetAt - now : 0;
  }
}
