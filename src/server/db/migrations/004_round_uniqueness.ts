import { sql, type Kysely } from 'kysely';

// At most one unpublished round of each kind per bloc-year, enforced by the database so that two
// simultaneous "open round" requests cannot both succeed (PostgreSQL runs them concurrently).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('rounds_one_unpublished_per_kind')
    .on('rounds')
    .columns(['year_id', 'kind'])
    .unique()
    .where(sql.ref('status'), '<>', 'published')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('rounds_one_unpublished_per_kind').execute();
}
