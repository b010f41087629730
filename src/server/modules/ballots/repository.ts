import type {
  BallotChoiceTable,
  BallotQuestionTable,
  BallotTable,
  BallotVoterTable,
  Executor,
} from '../../db/schema';
import { ZBallotTallySchema, type TBallotTally } from '../../../shared/ballots';
import { z } from '../../../shared/zod';
import { jsonColumn } from '../../db/json';

const parseIds = jsonColumn(z.array(z.string()));
const parseTally = jsonColumn(ZBallotTallySchema);

/** A ballot as the services use it: its electorate (unit ids) and its published tally parsed. */
export type Ballot = Omit<BallotTable, 'electorateJson' | 'resultJson'> & {
  electorate: string[];
  result: TBallotTally | null;
};
/** A question with its options (the values one may choose). */
export type BallotQuestion = Omit<BallotQuestionTable, 'optionsJson'> & { options: string[] };

const toBallot = ({ electorateJson, resultJson, ...rest }: BallotTable): Ballot => ({
  ...rest,
  electorate: parseIds(electorateJson),
  result: resultJson === null ? null : parseTally(resultJson),
});
/** A ballot patch as columns: the electorate and the tally, when given, as JSON. */
function toColumns({ electorate, result, ...rest }: Partial<Ballot>): Partial<BallotTable> {
  return {
    ...rest,
    ...(electorate ? { electorateJson: JSON.stringify(electorate) } : {}),
    ...(result !== undefined ? { resultJson: result && JSON.stringify(result) } : {}),
  };
}

/** Ballots, their questions, who has voted and (apart, unlinked) what was voted. */
export function createBallotRepository(db: Executor) {
  return {
    insert: ({ electorate, result, ...rest }: Ballot) =>
      db
        .insertInto('ballots')
        .values({
          ...rest,
          electorateJson: JSON.stringify(electorate),
          resultJson: result && JSON.stringify(result),
        })
        .execute(),
    find: async (id: string) => {
      const row = await db.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toBallot(row);
    },
    listOfYear: async (yearId: string) =>
      (
        await db
          .selectFrom('ballots')
          .selectAll()
          .where('yearId', '=', yearId)
          .orderBy('createdAt', 'desc')
          .execute()
      ).map(toBallot),
    update: (id: string, patch: Partial<Ballot>) =>
      db.updateTable('ballots').set(toColumns(patch)).where('id', '=', id).execute(),
    /** Moves the ballot from one status to the next once: false when someone else did it meanwhile. */
    transition: async (id: string, from: BallotTable['status'], patch: Partial<Ballot>) => {
      const r = await db
        .updateTable('ballots')
        .set(toColumns(patch))
        .where('id', '=', id)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    questions: async (ballotId: string): Promise<BallotQuestion[]> =>
      (
        await db
          .selectFrom('ballotQuestions')
          .selectAll()
          .where('ballotId', '=', ballotId)
          .orderBy('position')
          .execute()
      ).map(({ optionsJson, ...q }) => ({ ...q, options: parseIds(optionsJson) })),
    replaceQuestions: async (ballotId: string, questions: BallotQuestion[]) => {
      await db.deleteFrom('ballotQuestions').where('ballotId', '=', ballotId).execute();
      const rows = questions.map(({ options, ...q }) => ({ ...q, optionsJson: JSON.stringify(options) }));
      if (rows.length) await db.insertInto('ballotQuestions').values(rows).execute();
    },
    /** Throws on a second vote of the unit (primary key ballot + unit). */
    insertVoter: (row: BallotVoterTable) => db.insertInto('ballotVoters').values(row).execute(),
    votedUnitIds: async (ballotId: string) =>
      (await db.selectFrom('ballotVoters').select('unitId').where('ballotId', '=', ballotId).execute()).map(
        (r) => r.unitId,
      ),
    votedCounts: async (ballotIds: readonly string[]) => {
      if (!ballotIds.length) return new Map<string, number>();
      const rows = await db
        .selectFrom('ballotVoters')
        .select(['ballotId', (eb) => eb.fn.countAll<number>().as('n')])
        .where('ballotId', 'in', ballotIds)
        .groupBy('ballotId')
        .execute();
      return new Map(rows.map((r) => [r.ballotId, Number(r.n)]));
    },
    choices: (ballotId: string) =>
      db
        .selectFrom('ballotChoices')
        .select(['receipt', 'questionId', 'choice'])
        .where('ballotId', '=', ballotId)
        .execute(),
    /** Replaces the ballot's choices with the given rows, inserted in the given order. */
    rewriteChoices: async (ballotId: string, rows: BallotChoiceTable[]) => {
      await db.deleteFrom('ballotChoices').where('ballotId', '=', ballotId).execute();
      for (let i = 0; i < rows.length; i += 200) {
        await db
          .insertInto('ballotChoices')
          .values(rows.slice(i, i + 200))
          .execute();
      }
    },
    delegate: (ballotId: string, unitId: string) =>
      db
        .selectFrom('ballotDelegates as d')
        .innerJoin('users as u', 'u.id', 'd.userId')
        .select(['d.userId', 'u.fullName'])
        .where('d.ballotId', '=', ballotId)
        .where('d.unitId', '=', unitId)
        .executeTakeFirst(),
    setDelegate: async (row: {
      ballotId: string;
      unitId: string;
      userId: string;
      delegatedBy: string;
      delegatedAt: string;
    }) => {
      await db
        .deleteFrom('ballotDelegates')
        .where('ballotId', '=', row.ballotId)
        .where('unitId', '=', row.unitId)
        .execute();
      await db.insertInto('ballotDelegates').values(row).execute();
    },
    /** The active officers of a unit (whom its leader may delegate the vote to). */
    officersOf: (unitId: string) =>
      db
        .selectFrom('users')
        .select(['id as userId', 'fullName'])
        .where('unitId', '=', unitId)
        .where('role', '=', 'officer')
        .where('disabled', '=', 0)
        .orderBy('fullName')
        .execute(),
    unitNames: async (ids: readonly string[]) => {
      if (!ids.length) return new Map<string, { name: string; code: string }>();
      const rows = await db
        .selectFrom('units')
        .select(['id', 'name', 'code'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
    },
    /** Heads of the bloc's years up to `year`, most recent first. */
    recentHeads: async (blocId: string, year: number, count: number) =>
      (
        await db
          .selectFrom('years')
          .select('headUnitId')
          .where('blocId', '=', blocId)
          .where('year', '<=', year)
          .orderBy('year', 'desc')
          .limit(count)
          .execute()
      ).map((r) => r.headUnitId),
    /** The latest closed election of a year that elected someone. */
    latestElection: async (yearId: string) =>
      (
        await db
          .selectFrom('ballots')
          .selectAll()
          .where('yearId', '=', yearId)
          .where('kind', '=', 'election')
          .where('status', '=', 'closed')
          .orderBy('closedAt', 'desc')
          .execute()
      ).map(toBallot),
    /** The questions of a year's closed approval ballots that name a unit and an award, newest ballot first. */
    closedAwardQuestions: async (yearId: string) =>
      (
        await db
          .selectFrom('ballotQuestions as q')
          .innerJoin('ballots as b', 'b.id', 'q.ballotId')
          .select(['b.id as ballotId', 'b.title', 'b.resultJson', 'q.id', 'q.subjectUnitId', 'q.awardCode'])
          .where('b.yearId', '=', yearId)
          .where('b.kind', '=', 'approval')
          .where('b.status', '=', 'closed')
          .where('q.awardCode', 'is not', null)
          .where('q.subjectUnitId', 'is not', null)
          .orderBy('b.closedAt', 'desc')
          .execute()
      ).map(({ resultJson, ...rest }) => ({
        ...rest,
        result: resultJson === null ? null : parseTally(resultJson),
      })),
  };
}
