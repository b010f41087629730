import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from './connection';
import { migrateToLatest } from './migrate';
import { inTransaction } from './transaction';

describe('group commit on SQLite', () => {
  let dir: string;
  let handle: DbHandle;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-gc-'));
    handle = openDatabase({ databaseUrl: null, dataDir: dir });
    await migrateToLatest(handle.db);
  });
  afterAll(async () => {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('commits concurrent callers together, rolls back only the failing ones, and settles after COMMIT', async () => {
    const outside = new SQLite(path.join(dir, 'thidua.sqlite'), { readonly: true });
    const committed = (key: string) => outside.prepare('SELECT 1 FROM settings WHERE key = ?').get(key) !== undefined;
    const seenAtAck: boolean[] = [];
    const calls = Array.from({ length: 40 }, (_, i) =>
      inTransaction(handle.db, async (tx) => {
        await tx.insertInto('settings').values({ key: `k${i}`, value: String(i) }).execute();
        if (i % 5 === 3) throw new Error(`caller ${i} fails`);
        return i;
      }).then((v) => {
        // Acknowledged: another connection must already see the row (it is committed).
        seenAtAck[i] = committed(`k${i}`);
        return v;
      }),
    );
    const results = await Promise.allSettled(calls);
    results.forEach((r, i) => {
      if (i % 5 === 3) expect(r).toMatchObject({ status: 'rejected', reason: { message: `caller ${i} fails` } });
      else expect(r).toEqual({ status: 'fulfilled', value: i });
    });
    expect(seenAtAck.filter(Boolean)).toHaveLength(32);
    const keys = (await handle.db.selectFrom('settings').select('key').execute()).map((r) => r.key);
    expect(keys.sort()).toEqual(Array.from({ length: 40 }, (_, i) => i).filter((i) => i % 5 !== 3).map((i) => `k${i}`).sort());
    outside.close();
  });

  it('runs nested calls inside the caller’s transaction', async () => {
    const value = await inTransaction(handle.db, (tx) => inTransaction(tx, async (inner) => inner.isTransaction));
    expect(value).toBe(true);
  });
});
