import type { Kysely } from 'kysely';

/*
 * The year-end review after the scores: the year's award rules (data, set by the head before the review),
 * the nomination lines drafted from the published ranking, the registrations and those rules (each with
 * its reason; the head's changes carry a written reason every member reads), the proposal to the city's
 * Council (drafted → sent → decided) and the Council's decision per line. Approved lines are the units'
 * award history. A ballot question may name the award it asks about (`award_code`), so a nomination finds
 * its vote. The board may switch a bloc's public results page off.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('award_rules')
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('award_code', 'text', (c) => c.notNull())
    .addColumn('award_name', 'text', (c) => c.notNull())
    .addColumn('places', 'integer', (c) => c.notNull())
    .addColumn('requires_registration', 'integer', (c) => c.notNull())
    .addColumn('min_score', 'real')
    .addColumn('updated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('award_rules_pk', ['year_id', 'position'])
    .execute();
  await db.schema
    .createTable('nominations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('round_id', 'text', (c) => c.references('rounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('award_code', 'text', (c) => c.notNull())
    .addColumn('award_name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('score_text', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('included', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('change_reason', 'text')
    .addColumn('changed_by', 'text', (c) => c.references('users.id'))
    .addColumn('changed_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('nominations_line_unique', ['year_id', 'unit_id', 'award_code'])
    .execute();
  await db.schema.createIndex('nominations_unit_idx').on('nominations').column('unit_id').execute();
  await db.schema
    .createTable('proposals')
    .addColumn('year_id', 'text', (c) => c.primaryKey().references('years.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('doc_number', 'text')
    .addColumn('sent_on', 'text')
    .addColumn('sent_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('ballot_questions').addColumn('award_code', 'text').execute();
  await db.schema
    .alterTable('blocs')
    .addColumn('public_results', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('blocs').dropColumn('public_results').execute();
  await db.schema.alterTable('ballot_questions').dropColumn('award_code').execute();
  for (const t of ['proposals', 'nominations', 'award_rules']) await db.schema.dropTable(t).execute();
}
