import type { Kysely } from 'kysely';

/*
 * The year's events (conferences, exchanges, study visits) with their participating units and attendance,
 * units' exemplary models, and the files attached to either (named by the SHA-256 of their content in the
 * file store, so the same bytes are kept once). An event's `sequence` counts the changes calendars must
 * see (iCalendar SEQUENCE); a cancelled event stays, with status 'cancelled'.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('host_unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('agenda', 'text', (c) => c.notNull())
    .addColumn('milestone_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('minutes_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('events_year_idx').on('events').columns(['year_id', 'starts_at']).execute();
  await db.schema
    .createTable('event_units')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('attendance', 'text')
    .addPrimaryKeyConstraint('event_units_pk', ['event_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('event_units_unit_idx').on('event_units').column('unit_id').execute();
  await db.schema
    .createTable('exemplars')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('present_at_conference', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('exemplars_year_idx').on('exemplars').columns(['year_id', 'unit_id']).execute();
  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('owner_type', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('attachments_owner_idx')
    .on('attachments')
    .columns(['owner_type', 'owner_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('attachments').execute();
  await db.schema.dropTable('exemplars').execute();
  await db.schema.dropTable('event_units').execute();
  await db.schema.dropTable('events').execute();
}
