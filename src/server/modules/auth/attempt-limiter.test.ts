import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter';

describe('AttemptLimiter', () => {
  it('allows max attempts per window, then says how long to wait; a new window starts afresh', () => {
    const limiter = new AttemptLimiter(3, 60_000);
    const t0 = 1_000_000;
    expect([0, 1, 2].map((i) => limiter.hit('a', t0 + i))).toEqual([0, 0, 0]);
    expect(limiter.hit('a', t0 + 10_000)).toBe(50_000);
    expect(limiter.hit('b', t0 + 10_000)).toBe(0); // keys are independent
    expect(limiter.hit('a', t0 + 60_000)).toBe(0);
  });

  it('forgets the least recently used keys beyond its capacity', () => {
    const limiter = new AttemptLimiter(1, 60_000, 2);
    limiter.hit('a', 0);
    limiter.hit('b', 0);
    limiter.hit('a', 1); // a is over the limit and now the most recent
    limiter.hit('c', 2); // evicts b
    expect(limiter.hit('a', 3)).toBeGreaterThan(0);
    expect(limiter.hit('b', 3)).toBe(0);
  });
});
