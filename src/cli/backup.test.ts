import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../server/db/transaction';
import { createTestApp, testDatabases, type TestApp } from '../server/testing/harness';
import { backupDatabase } from './backup';

describe('backup of the embedded database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('copies the live database while the server writes, checks the copy, and never overwrites', async () => {
    const { config } = t.db;
    // The app keeps committing through its own connection during the backup.
    const writes = Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        inTransaction(t.db.handle.db, (tx) =>
          tx
            .insertInto('settings')
            .values({ key: `backup-${i}`, value: 'x'.repeat(200) })
            .execute(),
        ),
      ),
    );
    const at = new Date('2026-11-27T14:05:09Z');
    const done = await backupDatabase(config, undefined, at);
    await writes;
    expect(done.file).toBe(path.join(config.dataDir, 'backups', 'thidua-2026-11-27-210509.sqlite'));
    expect(done.rows).toMatchObject({ users: 16, units: 7 });
    expect(fs.statSync(done.file).mode & 0o777).toBe(0o600); // it holds password hashes
    expect(fs.existsSync(`${done.file}-wal`)).toBe(false); // one self-contained file
    await expect(backupDatabase(config, undefined, at)).rejects.toThrow(/đã có/);
    // Once the writes are over, a copy holds every row.
    const quiet = await backupDatabase(config, path.join(config.dataDir, 'copy.sqlite'));
    expect(quiet.rows.settings).toBe(
      (await t.db.handle.db.selectFrom('settings').select('key').execute()).length,
    );
  });

  it('neither creates nor migrates a database that is not there (a wrong DATA_DIR)', async () => {
    const dataDir = path.join(t.db.config.dataDir, 'nowhere');
    await expect(backupDatabase({ databaseUrl: null, dataDir })).rejects.toThrow(/Không thấy cơ sở dữ liệu/);
    expect(fs.existsSync(path.join(dataDir, 'thidua.sqlite'))).toBe(false);
  });
});

describe.runIf(testDatabases.includes('postgres'))('backup on PostgreSQL', () => {
  it('points to pg_dump', async () => {
    await expect(backupDatabase({ databaseUrl: 'postgres://x', dataDir: '/tmp' })).rejects.toThrow(/pg_dump/);
  });
});
