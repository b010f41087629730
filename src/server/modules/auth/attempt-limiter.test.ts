import { describe, expect, it } from 'vitest';
import { AttemptLimiter } from './attempt-limiter';

describe('AttemptLimiter', () => {
  it('blocks a key after max failures until its window ends; keys are independent', () => {
    const limiter = new AttemptLimiter(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(limiter.blockedFor('a', t0 + i)).toBe(0);
      limiter.fail('a', t0 + i);
    }
    expect(limiter.blockedFor('a', t0 + 10_000)).toBe(50_000);
    expect(limiter.blockedFor('b', t0 + 10_000)).toBe(0);
    expect(limiter.blockedFor('a', t0 + 60_000)).toBe(0); // a new window
  });

  it('keeps blocked keys when a flood of new keys fills it', () => {
    const limiter = new AttemptLimiter(2, 60_000, 100);
    limiter.fail('victim', 0);
    limiter.fail('victim', 0);
    for (let i = 0; i < 1000; i++) limiter.fail(`made-up-${i}`, 1);
    expect(limiter.blockedFor('victim', 2)).toBeGreaterThan(0);
  });
});
