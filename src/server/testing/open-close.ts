// Child process for db/close.test.ts: opens a database handle, writes through the app's commit path, closes
// the handle and ends without calling process.exit — the process must then exit 0 on its own (Node exits
// with 13 when a top-level await never settles, e.g. a close that waits on an unreferenced worker).
// Given a PostgreSQL URL, it works in a database of its own, dropped (FORCE) right after the close: a
// connection still open then would be cut, and warned about on stderr.
import pg from 'pg';
import { sql } from 'kysely';
import { openDatabase } from '../db/connection';
import { inTransaction } from '../db/transaction';

const [dataDir, adminUrl] = process.argv.slice(2);
const name = `thidua_close_${process.pid}_${Date.now()}`;
const admin = adminUrl ? new pg.Client({ connectionString: adminUrl }) : null;
let databaseUrl: string | null = null;
if (admin) {
  await admin.connect(); // connected beforehand, so that the DROP follows the close at once
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl!);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}
const handle = openDatabase({ databaseUrl, dataDir: dataDir! });
await inTransaction(handle.db, async (tx) => {
  await sql`CREATE TABLE close_check (x INTEGER)`.execute(tx);
  await sql`INSERT INTO close_check (x) VALUES (1)`.execute(tx);
});
// Queries at once that last a little (on PostgreSQL), so the pool holds several connections when it closes.
const pause = handle.kind === 'postgres' ? sql`pg_sleep(0.05) IS NOT NULL` : sql`1 = 1`;
const counts = await Promise.all(
  Array.from({ length: 4 }, () =>
    sql<{ n: number }>`SELECT COUNT(*) AS n FROM close_check WHERE ${pause}`.execute(handle.db),
  ),
);
await handle.close();
if (admin) {
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
process.stdout.write(`closed after ${counts.map((c) => Number(c.rows[0]?.n)).join(',')}\n`);
