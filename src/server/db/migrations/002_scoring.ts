import type { Kysely } from 'kysely';

// Criteria sets keep their tree as JSON: a locked version is immutable and sheets refer to its leaf ids.
// Sheets keep the latest submitted totals beside the version history, so results read one row per sheet.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Official documents name the bloc's governing body ("UBND THÀNH PHỐ HẢI PHÒNG") and place ("Hải Phòng").
  await db.schema.alterTable('blocs').addColumn('governing_body', 'text').execute();
  await db.schema.alterTable('blocs').addColumn('place', 'text').execute();
  await db.schema
    .createTable('criteria_sets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tree_json', 'text', (c) => c.notNull())
    .addColumn('is_sample', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('locked_at', 'text')
    .addUniqueConstraint('criteria_sets_year_version_unique', ['year_id', 'version'])
    .execute();
  await db.schema
    .createTable('rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('criteria_set_id', 'text', (c) => c.notNull().references('criteria_sets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('late_policy', 'text', (c) => c.notNull())
    .addColumn('missing_policy', 'text', (c) => c.notNull())
    .addColumn('tie_breakers_json', 'text', (c) => c.notNull())
    .addColumn('officer_may_submit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('published_at', 'text')
    .execute();
  await db.schema.createIndex('rounds_year_idx').on('rounds').column('year_id').execute();
  await db.schema
    .createTable('round_members')
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addPrimaryKeyConstraint('round_members_pk', ['round_id', 'unit_id'])
    .execute();
  await db.schema
    .createTable('sheets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('scorer_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('scored_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('draft_json', 'text', (c) => c.notNull())
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text')
    .addColumn('updated_by', 'text')
    .addColumn('submitted_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('submitted_at', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer')
    .addColumn('bonus', 'integer')
    .addColumn('deduction', 'integer')
    .addColumn('by_node_json', 'text')
    .addUniqueConstraint('sheets_pair_unique', ['round_id', 'scorer_unit_id', 'scored_unit_id'])
    .execute();
  await db.schema
    .createTable('sheet_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sheet_id', 'text', (c) => c.notNull().references('sheets.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('scores_json', 'text', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull())
    .addUniqueConstraint('sheet_versions_unique', ['sheet_id', 'version'])
    .execute();
  await db.schema
    .createTable('round_reopenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('until_at', 'text', (c) => c.notNull())
    .addColumn('reopened_by', 'text', (c) => c.notNull())
    .addColumn('reopened_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'round_reopenings',
    'sheet_versions',
    'sheets',
    'round_members',
    'rounds',
    'criteria_sets',
  ]) {
    await db.schema.dropTable(t).execute();
  }
  await db.schema.alterTable('blocs').dropColumn('governing_body').execute();
  await db.schema.alterTable('blocs').dropColumn('place').execute();
}
