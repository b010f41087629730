import type { Kysely } from 'kysely';

// Failed sign-ins, one row each, so that every app instance on the database enforces one limit
// (modules/auth/attempt-limiter.ts). Rows older than the window are pruned as new failures arrive.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sign_in_failures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('failed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sign_in_failures_login_idx')
    .on('sign_in_failures')
    .columns(['login', 'failed_at'])
    .execute();
  await db.schema
    .createIndex('sign_in_failures_address_idx')
    .on('sign_in_failures')
    .columns(['address', 'failed_at'])
    .execute();
  await db.schema
    .createIndex('sign_in_failures_failed_at_idx')
    .on('sign_in_failures')
    .column('failed_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sign_in_failures').execute();
}
