import { SqliteAdapter, sql, type Kysely } from 'kysely';

/*
 * Secret ballots at the year-end conference. Who has voted (ballot_voters) is stored apart from what was
 * voted (ballot_choices) with nothing linking them: choices carry no voter, no time and a random id, and
 * on SQLite they live in a WITHOUT ROWID table keyed by that id (no insertion-ordered rowid). Each vote
 * rewrites the ballot's choices in a shuffled order (docs/security.md, "Secret ballots").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ballots')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('year_id', 'text', (c) => c.notNull().references('years.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('quorum', 'text', (c) => c.notNull())
    .addColumn('threshold', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('electorate_json', 'text', (c) => c.notNull())
    .addColumn('result_json', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text')
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema.createIndex('ballots_year_idx').on('ballots').column('year_id').execute();
  await db.schema
    .createTable('ballot_questions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('subject_unit_id', 'text', (c) => c.references('units.id'))
    .addColumn('seat', 'text')
    .addColumn('options_json', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('ballot_questions_ballot_idx')
    .on('ballot_questions')
    .column('ballot_id')
    .execute();
  await db.schema
    .createTable('ballot_voters')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_voters_pk', ['ballot_id', 'unit_id'])
    .execute();
  await db.schema
    .createTable('ballot_delegates')
    .addColumn('ballot_id', 'text', (c) => c.notNull().references('ballots.id'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('units.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('delegated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('delegated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ballot_delegates_pk', ['ballot_id', 'unit_id'])
    .execute();
  // No voter, no time, a random id; SQLite: no rowid (the primary key is the storage order).
  const withoutRowid = isSqlite(db) ? sql` WITHOUT ROWID` : sql``;
  await sql`CREATE TABLE ballot_choices (
    id text NOT NULL PRIMARY KEY,
    ballot_id text NOT NULL REFERENCES ballots (id),
    receipt text NOT NULL,
    question_id text NOT NULL REFERENCES ballot_questions (id),
    choice text NOT NULL
  )${withoutRowid}`.execute(db);
  await db.schema.createIndex('ballot_choices_ballot_idx').on('ballot_choices').column('ballot_id').execute();
}

const isSqlite = (db: Kysely<unknown>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['ballot_choices', 'ballot_delegates', 'ballot_voters', 'ballot_questions', 'ballots']) {
    await db.schema.dropTable(t).execute();
  }
}
