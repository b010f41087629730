// Child process for db/close.test.ts: opens a database handle, writes through the app's commit path, closes
// the handle and ends without calling process.exit — the process must then exit 0 on its own (Node exits
// with 13 when a top-level await never settles, e.g. a close that waits on an unreferenced worker).
import { sql } from 'kysely';
import { openDatabase } from '../db/connection';
import { inTransaction } from '../db/transaction';

const [dataDir, databaseUrl] = process.argv.slice(2);
const handle = openDatabase({ databaseUrl: databaseUrl || null, dataDir: dataDir! });
// A temporary table on PostgreSQL (the URL may be a shared database); a real write (WAL, flush) on SQLite.
const table = handle.kind === 'postgres' ? sql`TEMPORARY TABLE` : sql`TABLE`;
await inTransaction(handle.db, async (tx) => {
  await sql`CREATE ${table} close_check (x INTEGER)`.execute(tx);
  await sql`INSERT INTO close_check (x) VALUES (1)`.execute(tx);
});
const { rows } = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM close_check`.execute(handle.db);
await handle.close();
process.stdout.write(`closed after ${Number(rows[0]?.n)} row\n`);
