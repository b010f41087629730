import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testDatabases, type TestDb } from '../../testing/harness';
import { createSignInLimiter } from './attempt-limiter';

describe.each(testDatabases)('sign-in limiter on %s', (kind) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb(kind);
  });
  afterAll(() => t.drop());

  const limits = { perAddressAndLogin: 3, perLogin: 5, perAddress: 7, windowMs: 60_000 };
  const t0 = Date.parse('2025-06-01T00:00:00Z');

  it('blocks an address and login after max failures until the oldest leave the window', async () => {
    const limiter = createSignInLimiter(t.handle.db, limits);
    for (let i = 0; i < 3; i++) {
      expect(await limiter.blockedFor('a', '10.0.0.1', t0 + i * 1000)).toBe(0);
      await limiter.fail('a', '10.0.0.1', t0 + i * 1000);
    }
    expect(await limiter.blockedFor('a', '10.0.0.1', t0 + 10_000)).toBe(50_000);
    expect(await limiter.blockedFor('a', '10.0.0.2', t0 + 10_000)).toBe(0); // another address
    expect(await limiter.blockedFor('b', '10.0.0.1', t0 + 10_000)).toBe(0); // another login
    expect(await limiter.blockedFor('a', '10.0.0.1', t0 + 60_000)).toBe(0); // the first failure left
  });

  it('blocks a login over all addresses, and an address over all logins', async () => {
    const limiter = createSignInLimiter(t.handle.db, limits);
    const at = t0 + 120_000;
    for (let i = 0; i < 5; i++) await limiter.fail('victim', `10.1.0.${i}`, at);
    expect(await limiter.blockedFor('victim', '10.1.9.9', at + 1)).toBe(59_999);
    for (let i = 0; i < 7; i++) await limiter.fail(`guess-${i}`, '10.2.0.1', at);
    expect(await limiter.blockedFor('someone', '10.2.0.1', at + 1)).toBe(59_999);
    expect(await limiter.blockedFor('someone', '10.2.0.2', at + 1)).toBe(0);
  });

  it('prunes failures older than the window', async () => {
    const limiter = createSignInLimiter(t.handle.db, limits);
    await limiter.fail('late', '10.3.0.1', t0 + 3_600_000);
    const left = await t.handle.db.selectFrom('signInFailures').select('failedAt').execute();
    expect(left.map((r) => r.failedAt)).toEqual([new Date(t0 + 3_600_000).toISOString()]);
  });
});
