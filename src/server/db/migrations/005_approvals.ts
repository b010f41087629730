import type { Kysely } from 'kysely';

/*
 * What speaks for the head unit in public (publishing the plan, closing a round, reopening a unit,
 * publishing results) needs its leader, and a reopening after the results were first shown needs the city
 * board: an officer (or the head) files a request; the one who may decide approves or refuses it, with the
 * reason visible. Rounds remember when their results were first shown; reopenings remember who approved
 * them. Units are reminded of a round's deadline like plan tasks, each reminder claimed once.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text')
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('approver', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('approvals_year_idx').on('approvals').columns(['year_id', 'status']).execute();
  await db.schema
    .createIndex('approvals_target_idx')
    .on('approvals')
    .columns(['target_id', 'status'])
    .execute();
  await db.schema.alterTable('rounds').addColumn('results_shown_at', 'text').execute();
  await db.schema.alterTable('round_reopenings').addColumn('approval_id', 'text').execute();
  await db.schema
    .createTable('round_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('rounds.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('deadline_at', 'text', (c) => c.notNull())
    .addColumn('claimed_by', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('round_reminders_unique', ['round_id', 'unit_id', 'kind', 'deadline_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('round_reminders').execute();
  await db.schema.alterTable('round_reopenings').dropColumn('approval_id').execute();
  await db.schema.alterTable('rounds').dropColumn('results_shown_at').execute();
  await db.schema.dropTable('approvals').execute();
}
