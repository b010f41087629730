import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/harness';
import { sweepOrphanUploads } from './reports-service';

describe('sweepOrphanUploads', () => {
  it('moves nothing while the database has no report at all (a wrong DATABASE_URL, an older backup)', async () => {
    const t = await createTestApp('sqlite');
    try {
      const uploads = path.join(t.app.config.dataDir, 'uploads');
      fs.mkdirSync(uploads, { recursive: true });
      const name = '0b7e8c2a-1d2f-4c3b-9a8e-5f6d7c8b9a0e.pdf';
      const old = new Date(Date.now() - 24 * 3600_000);
      fs.writeFileSync(path.join(uploads, name), '%PDF');
      fs.utimesSync(path.join(uploads, name), old, old);
      expect(await sweepOrphanUploads(t.db.handle.db, t.app.config.dataDir)).toEqual([]);
      expect(fs.existsSync(path.join(uploads, name))).toBe(true);
    } finally {
      await t.close();
    }
  });
});
