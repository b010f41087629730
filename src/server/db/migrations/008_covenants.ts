import type { Kysely } from 'kysely';

/*
 * The bloc's covenant (giao ước thi đua), one per bloc-year: the head's working copy with its comment
 * window, the published versions with the SHA-256 of their canonical text, members' comments with the
 * head's answers, and one signature per unit (the unique key refuses a second one). `signature_count` is
 * bumped by every signature and checked by every publication in one UPDATE, so that a text cannot change
 * under a signature even when both arrive at once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('covenants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().unique().references('years.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('commitments_json', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('comments_opens_at', 'text')
    .addColumn('comments_closes_at', 'text')
    .addColumn('comments_opened_at', 'text')
    .addColumn('published_version', 'integer', (c) => c.notNull())
    .addColumn('signature_count', 'integer', (c) => c.notNull())
    .addColumn('all_signed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createTable('covenant_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('covenant_id', 'text', (c) => c.notNull().references('covenants.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('commitments_json', 'text', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('users.id'))
    .addUniqueConstraint('covenant_versions_unique', ['covenant_id', 'version'])
    .execute();
  await db.schema
    .createTable('covenant_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('covenant_id', 'text', (c) => c.notNull().references('covenants.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('reply', 'text')
    .addColumn('replied_by', 'text', (c) => c.references('users.id'))
    .addColumn('replied_at', 'text')
    .execute();
  await db.schema
    .createIndex('covenant_comments_covenant_idx')
    .on('covenant_comments')
    .columns(['covenant_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('covenant_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('covenant_id', 'text', (c) => c.notNull().references('covenants.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('text_hash', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('covenant_signatures_unit', ['covenant_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('covenant_signatures').execute();
  await db.schema.dropTable('covenant_comments').execute();
  await db.schema.dropTable('covenant_versions').execute();
  await db.schema.dropTable('covenants').execute();
}
