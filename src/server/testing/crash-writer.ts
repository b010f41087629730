// Child process for the crash test (db/crash.test.ts): commits settings rows through inTransaction, many
// at once, and prints each key on stdout the moment its commit is acknowledged, until it is killed.
import { openDatabase } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { inTransaction } from '../db/transaction';

const handle = openDatabase({ databaseUrl: null, dataDir: process.argv[2]! });
await migrateToLatest(handle.db);
process.stdout.write('ready\n');
let next = 0;
async function writer(): Promise<never> {
  for (;;) {
    const key = `crash-${next++}`;
    await inTransaction(handle.db, (tx) =>
      tx
        .insertInto('settings')
        .values({ key, value: 'x'.repeat(500) })
        .execute(),
    );
    process.stdout.write(`${key}\n`);
  }
}
await Promise.all(Array.from({ length: 20 }, writer));
