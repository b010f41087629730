import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../server/db/transaction';
import { createTestApp, testDatabases, type TestApp } from '../server/testing/harness';
import { backupDatabase } from './backup';

describe('backup of the embedded database', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-backup-'));
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('copies the live database while it is being written, checks the copy, and never overwrites', async () => {
    const writes = Promise.all(
      Array.from({ length: 200 }, (_, i) => inTransaction(t.db.handle.db, (tx) => tx.insertInto('settings').values({ key: `backup-${i}`, value: 'x' }).execute())),
    );
    const at = new Date('2026-11-27T14:05:09Z');
    const done = await backupDatabase(t.db.handle, dir, undefined, at);
    await writes;
    expect(done.file).toBe(path.join(dir, 'backups', 'thidua-2026-11-27-210509.sqlite'));
    expect(done.rows.users).toBe(16);
    expect(done.rows.units).toBe(7);
    expect(done.bytes).toBeGreaterThan(0);
    // A consistent snapshot: some, all or none of the concurrent writes, never a torn one (integrity_check passed).
    expect(done.rows.settings).toBeGreaterThanOrEqual(0);
    await expect(backupDatabase(t.db.handle, dir, undefined, at)).rejects.toThrow(/đã có/);
    const named = await backupDatabase(t.db.handle, dir, path.join(dir, 'copy.sqlite'));
    expect(named.rows.settings).toBe((await t.db.handle.db.selectFrom('settings').select('key').execute()).length);
  });

});

describe.runIf(testDatabases.includes('postgres'))('backup on PostgreSQL', () => {
  it('points to pg_dump', async () => {
    const t = await createTestApp('postgres');
    try {
      await expect(backupDatabase(t.db.handle, os.tmpdir())).rejects.toThrow(/pg_dump/);
    } finally {
      await t.close();
    }
  });
});
