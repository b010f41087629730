import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DbHandle } from './connection';
import { migrateToLatest } from './migrate';
import { CamelCasePlugin, Kysely, sql } from 'kysely';
import type { Database, Executor } from './schema';
import { openSqlite } from './sqlite';
import { WalSync } from './wal-sync';
import { enableGroupCommit, inTransaction } from './transaction';

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
    const committed = (key: string) =>
      outside.prepare('SELECT 1 FROM settings WHERE key = ?').get(key) !== undefined;
    const seenAtAck: boolean[] = [];
    const calls = Array.from({ length: 40 }, (_, i) =>
      inTransaction(handle.db, async (tx) => {
        await tx
          .insertInto('settings')
          .values({ key: `k${i}`, value: String(i) })
          .execute();
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
      if (i % 5 === 3) {
        expect(r).toMatchObject({ status: 'rejected', reason: { message: `caller ${i} fails` } });
      } else expect(r).toEqual({ status: 'fulfilled', value: i });
    });
    expect(seenAtAck.filter(Boolean)).toHaveLength(32);
    const keys = (await handle.db.selectFrom('settings').select('key').execute()).map((r) => r.key);
    expect(keys.sort()).toEqual(
      Array.from({ length: 40 }, (_, i) => i)
        .filter((i) => i % 5 !== 3)
        .map((i) => `k${i}`)
        .sort(),
    );
    outside.close();
  });

  it('runs nested calls inside the caller’s transaction', async () => {
    const value = await inTransaction(handle.db, (tx) =>
      inTransaction(tx, async (inner) => inner.isTransaction),
    );
    expect(value).toBe(true);
  });

  it('commits transactions without flushing and keeps FULL for statements outside them, from the first one', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-level-'));
    const h = openDatabase({ databaseUrl: null, dataDir: fresh });
    // PRAGMA synchronous reports the level at compile time: a new text each time defeats the statement cache.
    let n = 0;
    const level = async (db: Executor) =>
      Number(
        (await sql<{ synchronous: number }>`${sql.raw(`PRAGMA synchronous -- ${n++}`)}`.execute(db)).rows[0]
          ?.synchronous,
      );
    try {
      expect(await level(h.db)).toBe(2); // FULL
      for (let i = 0; i < 3; i++) {
        expect(await inTransaction(h.db, (tx) => level(tx))).toBe(1); // NORMAL: the committer flushes
        expect(await level(h.db)).toBe(2);
      }
    } finally {
      await h.close();
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  });

  it('acknowledges a commit only after the disk flush, while the next group already runs', async () => {
    // A disk flush that finishes when the test says so.
    const flushes: (() => void)[] = [];
    enableGroupCommit(handle.db, { flush: () => new Promise<void>((resolve) => flushes.push(resolve)) });
    const outside = new SQLite(path.join(dir, 'thidua.sqlite'), { readonly: true });
    try {
      let acked = false;
      const first = inTransaction(handle.db, (tx) =>
        tx.insertInto('settings').values({ key: 'flush-1', value: '1' }).execute(),
      ).then(() => (acked = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(outside.prepare('SELECT 1 FROM settings WHERE key = ?').get('flush-1')).toBeDefined(); // committed
      expect(flushes).toHaveLength(1);
      expect(acked).toBe(false); // but not acknowledged: the flush has not finished
      // A refusal in the same situation waits for the flush too (it may rest on a write not yet on disk).
      let refused = false;
      const refusal = inTransaction(handle.db, async () => {
        throw new Error('refused');
      }).catch(() => (refused = true));
      await new Promise((r) => setTimeout(r, 20));
      expect(refused).toBe(false);
      // The next transaction does not wait for the flush.
      const second = inTransaction(handle.db, async (tx) => {
        await tx.insertInto('settings').values({ key: 'flush-2', value: '2' }).execute();
        return 'second ran';
      });
      await new Promise((r) => setTimeout(r, 20));
      expect(outside.prepare('SELECT 1 FROM settings WHERE key = ?').get('flush-2')).toBeDefined();
      expect(flushes).toHaveLength(3);
      flushes[0]!();
      await first;
      expect(acked).toBe(true);
      flushes[1]!();
      await refusal;
      expect(refused).toBe(true);
      flushes[2]!();
      expect(await second).toBe('second ran');
    } finally {
      outside.close();
      enableGroupCommit(handle.db, null);
    }
  });
});

describe('WAL flush on a real file', () => {
  it('shares one flush among concurrent commits and leaves every acknowledged row on disk', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-wal-'));
    const file = path.join(dir, 'db.sqlite');
    const opened = openSqlite(file, 'FULL');
    const db = new Kysely<Database>({ dialect: opened.dialect, plugins: [new CamelCasePlugin()] });
    enableGroupCommit(db, opened.walSync);
    try {
      await migrateToLatest(db);
      const before = opened.walSync!.flushes;
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          inTransaction(db, (tx) =>
            tx
              .insertInto('settings')
              .values({ key: `w${i}`, value: String(i) })
              .execute(),
          ),
        ),
      );
      const flushes = opened.walSync!.flushes - before;
      expect(flushes).toBeGreaterThanOrEqual(1);
      expect(flushes).toBeLessThan(50);
      const again = new SQLite(file, { readonly: true });
      expect(
        (again.prepare("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'w%'").get() as { n: number }).n,
      ).toBe(50);
      again.close();
      // The checkpointer thread copies the WAL into the database file: the file alone soon holds the rows.
      const inFileAlone = () => {
        const copy = path.join(dir, 'alone.sqlite');
        fs.copyFileSync(file, copy);
        const alone = new SQLite(copy, { readonly: true });
        try {
          return (
            alone.prepare("SELECT COUNT(*) AS n FROM settings WHERE key LIKE 'w%'").get() as { n: number }
          ).n;
        } finally {
          alone.close();
          fs.rmSync(copy);
        }
      };
      await expect.poll(inFileAlone, { timeout: 5000, interval: 100 }).toBe(50);
    } finally {
      await db.destroy();
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('WalSync', () => {
  it('has nothing to flush before SQLite has created the WAL file', async () => {
    const sync = new WalSync(path.join(os.tmpdir(), `thidua-no-wal-${process.pid}`, 'db.sqlite-wal'));
    await expect(sync.flush()).resolves.toBeUndefined();
    await sync.close();
  });

  it('refuses every later flush once one has failed (a restart must recover from what is on disk)', async () => {
    // fdatasync on /dev/null fails (EINVAL): a real failing flush, no mock.
    const sync = new WalSync('/dev/null');
    await expect(sync.flush()).rejects.toThrow(/could not be flushed to disk.*restart the server/);
    await expect(sync.flush()).rejects.toThrow(/restart the server/);
    await sync.close();
  });
});
