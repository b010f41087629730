import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../testing/harness';

describe('health when writes are refused', () => {
  it('answers 503 with the reason, so that a monitor restarts the server', async () => {
    const t = await createTestApp('sqlite');
    try {
      expect((await t.app.inject({ url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
      // The state a failed fdatasync leaves (wal-sync.ts; the failure itself is tested in transaction.test.ts).
      t.db.handle.writeFailure = () =>
        "The database's write-ahead log could not be flushed to disk (EIO); restart the server.";
      const res = await t.app.inject({ url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({
        status: 'error',
        db: 'sqlite',
        error: expect.stringMatching(/khởi động lại/),
      });
      expect(res.body).not.toContain('EIO'); // details stay in the log
    } finally {
      await t.close();
    }
  });
});
