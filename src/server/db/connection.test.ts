import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { PreparingClient } from './connection';
import { PREPARED } from './raw';

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('PostgreSQL client', () => {
  it('prepares statements marked PREPARED once per connection, and only those', async () => {
    const client: pg.Client = new PreparingClient({ connectionString: url });
    await client.connect();
    try {
      const marked = `${PREPARED}SELECT $1::int + 1 AS n`;
      for (const v of [1, 2, 3]) expect((await client.query(marked, [v])).rows).toEqual([{ n: v + 1 }]);
      expect((await client.query('SELECT $1::int * 2 AS n', [4])).rows).toEqual([{ n: 8 }]);
      const prepared = await client.query<{ statement: string }>(
        'SELECT statement FROM pg_prepared_statements',
      );
      expect(prepared.rows.map((r) => r.statement)).toEqual([marked]);
    } finally {
      await client.end();
    }
  });
});
