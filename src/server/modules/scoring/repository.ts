import { sql, type Selectable } from 'kysely';
import { tieBreakers, type SheetSummary, type TieBreaker } from '../../../domain/aggregation';
import { z } from '../../../shared/zod';
import { jsonColumn } from '../../db/json';
import type { Executor, RoundReopeningTable, RoundTable, SheetTable } from '../../db/schema';
import { treeOf } from '../criteria/repository';

/** Scores by criterion id (integer hundredths; null when not entered). */
export type Scores = Record<string, number | null>;

/** A round as the services use it: tie-breakers parsed, flags as booleans. */
export type Round = Omit<Selectable<RoundTable>, 'tieBreakersJson' | 'officerMaySubmit'> & {
  tieBreakers: TieBreaker[];
  officerMaySubmit: boolean;
};

/** A sheet as the services use it: its draft scores and the last submission's per-node scores parsed. */
export type Sheet = Omit<Selectable<SheetTable>, 'draftJson' | 'byNodeJson' | 'late'> & {
  draft: Scores;
  /** The last submission's node scores, in the locked tree's flatten order; null before the first. */
  byNode: number[] | null;
  late: boolean;
};

const parseTieBreakers = jsonColumn(z.array(z.enum(tieBreakers)));
/**
 * Scores and per-node scores are checked by hand, not by a schema: a sheet's scores are read on every
 * submission (a zod record of 60 scores costs ~15 µs, this ~2) and per-node scores by the hundred thousand
 * for the results of every bloc. What they were written from was validated against the tree.
 */
function parseScores(json: string): Scores {
  const v: unknown = JSON.parse(json);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('scores: not an object');
  for (const n of Object.values(v)) {
    if (n !== null && typeof n !== 'number') throw new Error('scores: not a number or null');
  }
  return v as Scores;
}
function parseByNode(json: string): number[] {
  const v: unknown = JSON.parse(json);
  if (!Array.isArray(v) || !v.every((n) => typeof n === 'number')) {
    throw new Error('by_node_json: not an array of numbers');
  }
  return v;
}

const toRound = ({ tieBreakersJson, officerMaySubmit, ...rest }: Selectable<RoundTable>): Round => ({
  ...rest,
  tieBreakers: parseTieBreakers(tieBreakersJson),
  officerMaySubmit: officerMaySubmit === 1,
});
const toRoundRow = ({ tieBreakers, officerMaySubmit, ...rest }: Round): RoundTable => ({
  ...rest,
  tieBreakersJson: JSON.stringify(tieBreakers),
  officerMaySubmit: officerMaySubmit ? 1 : 0,
});
export const toSheet = ({ draftJson, byNodeJson, late, ...rest }: Selectable<SheetTable>): Sheet => ({
  ...rest,
  draft: parseScores(draftJson),
  byNode: byNodeJson === null ? null : parseByNode(byNodeJson),
  late: late === 1,
});
const toSheetRow = ({ draft, byNode, late, ...rest }: Sheet): SheetTable => ({
  ...rest,
  draftJson: JSON.stringify(draft),
  byNodeJson: byNode && JSON.stringify(byNode),
  late: late ? 1 : 0,
});

/** A submitted sheet as the aggregation reads it: totals and the per-node scores stored at submission. */
const toSheetSummary = (r: Omit<SubmittedSheetRow, 'roundId'>): SheetSummary => ({
  scorerId: r.scorerUnitId,
  scoredId: r.scoredUnitId,
  total: r.total ?? 0,
  bonus: r.bonus ?? 0,
  deduction: r.deduction ?? 0,
  byNode: r.byNodeJson === null ? [] : parseByNode(r.byNodeJson),
});

interface SubmittedSheetRow {
  roundId: string;
  scorerUnitId: string;
  scoredUnitId: string;
  total: number | null;
  bonus: number | null;
  deduction: number | null;
  byNodeJson: string | null;
}

/** Groups rows by a key, keeping their order. */
function groupBy<T, V>(rows: readonly T[], key: (r: T) => string, value: (r: T) => V): Map<string, V[]> {
  const out = new Map<string, V[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(value(r));
    else out.set(k, [value(r)]);
  }
  return out;
}

export type ScoringRepository = ReturnType<typeof buildRepository>;
// A repository is a bundle of closures; build it once per database or transaction (the submission path
// asks for it several times per request, and a group-committed transaction serves many requests).
const repositories = new WeakMap<Executor, ScoringRepository>();

/** Rounds, their members, sheets and sheet versions, reopenings. */
export function createScoringRepository(db: Executor): ScoringRepository {
  let repo = repositories.get(db);
  if (!repo) repositories.set(db, (repo = buildRepository(db)));
  return repo;
}

function buildRepository(db: Executor) {
  return {
    insertRound: (round: Round) => db.insertInto('rounds').values(toRoundRow(round)).execute(),
    findRound: async (id: string) => {
      const row = await db.selectFrom('rounds').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toRound(row);
    },
    listRounds: async (yearId: string) =>
      (
        await db
          .selectFrom('rounds')
          .selectAll()
          .where('yearId', '=', yearId)
          .orderBy('openedAt', 'desc')
          .execute()
      ).map(toRound),
    updateRound: (id: string, patch: Partial<Pick<Round, 'status' | 'closedAt' | 'publishedAt'>>) =>
      db.updateTable('rounds').set(patch).where('id', '=', id).execute(),
    insertMembers: (roundId: string, unitIds: readonly string[]) =>
      db
        .insertInto('roundMembers')
        .values(unitIds.map((unitId) => ({ roundId, unitId })))
        .execute(),
    members: (roundId: string) =>
      db
        .selectFrom('roundMembers as m')
        .innerJoin('units as u', 'u.id', 'm.unitId')
        .select(['u.id', 'u.name'])
        .where('m.roundId', '=', roundId)
        .orderBy('u.name')
        .execute(),
    insertSheets: async (sheets: Sheet[]) => {
      // Chunked: PostgreSQL and SQLite both limit the number of bound parameters per statement.
      for (let i = 0; i < sheets.length; i += 50) {
        await db
          .insertInto('sheets')
          .values(sheets.slice(i, i + 50).map(toSheetRow))
          .execute();
      }
    },
    findSheet: async (id: string) => {
      const row = await db.selectFrom('sheets').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSheet(row);
    },
    sheetsOfScorer: async (roundId: string, scorerUnitId: string) =>
      (
        await db
          .selectFrom('sheets')
          .selectAll()
          .where('roundId', '=', roundId)
          .where('scorerUnitId', '=', scorerUnitId)
          .execute()
      ).map(toSheet),
    /** Status columns only: progress never reads scores. */
    sheetStatuses: async (roundId: string) =>
      (
        await db
          .selectFrom('sheets')
          .select(['scorerUnitId', 'scoredUnitId', 'revision', 'submittedVersion', 'submittedAt', 'late'])
          .where('roundId', '=', roundId)
          .execute()
      ).map((s) => ({ ...s, late: s.late === 1 })),
    submittedSheets: async (roundId: string) =>
      (
        await db
          .selectFrom('sheets')
          .select(['scorerUnitId', 'scoredUnitId', 'total', 'bonus', 'deduction', 'byNodeJson'])
          .where('roundId', '=', roundId)
          .where('submittedVersion', '>', 0)
          .execute()
      ).map(toSheetSummary),
    /** Every submitted sheet of the given rounds, in one pass (for computing many blocs' results at once). */
    // Without the camel-case plugin: renaming the keys of every row was most of this bulk query's cost.
    /** Round id → its submitted sheets as the aggregation reads them. */
    submittedSheetsOfRounds: async (roundIds: readonly string[]) =>
      groupBy(
        (
          await sql<SubmittedSheetRow>`SELECT round_id AS "roundId", scorer_unit_id AS "scorerUnitId", scored_unit_id AS "scoredUnitId",
          total, bonus, deduction, by_node_json AS "byNodeJson"
          FROM sheets WHERE submitted_version > 0 AND round_id IN (${sql.join(roundIds)})`.execute(
            db.withoutPlugins(),
          )
        ).rows,
        (r) => r.roundId,
        toSheetSummary,
      ),
    /** Round id → its member unit ids, for the given rounds in one query. */
    memberIdsOfRounds: async (roundIds: readonly string[]) =>
      roundIds.length === 0
        ? new Map<string, string[]>()
        : groupBy(
            await db
              .selectFrom('roundMembers')
              .select(['roundId', 'unitId'])
              .where('roundId', 'in', roundIds)
              .execute(),
            (m) => m.roundId,
            (m) => m.unitId,
          ),
    /** Round id → its member unit ids, for every round of a year in one query. */
    memberIdsOfYear: async (yearId: string) =>
      groupBy(
        await db
          .selectFrom('roundMembers as m')
          .innerJoin('rounds as r', 'r.id', 'm.roundId')
          .select(['m.roundId', 'm.unitId'])
          .where('r.yearId', '=', yearId)
          .execute(),
        (m) => m.roundId,
        (m) => m.unitId,
      ),
    /** What aggregating each round needs: its policies and its locked tree. */
    roundsWithTrees: async (roundIds: readonly string[]) =>
      (
        await db
          .selectFrom('rounds as r')
          .innerJoin('criteriaSets as s', 's.id', 'r.criteriaSetId')
          .select(['r.id', 'r.missingPolicy', 'r.tieBreakersJson', 's.id as setId', 's.status', 's.treeJson'])
          .where('r.id', 'in', roundIds)
          .execute()
      ).map((r) => ({
        id: r.id,
        missingPolicy: r.missingPolicy,
        tieBreakers: parseTieBreakers(r.tieBreakersJson),
        setId: r.setId,
        tree: treeOf({ id: r.setId, status: r.status, treeJson: r.treeJson }),
      })),
    /** Saves a draft only if nobody saved since `revision` (optimistic concurrency). True when saved. */
    saveDraft: async (
      id: string,
      revision: number,
      patch: Pick<Sheet, 'draft' | 'updatedAt' | 'updatedBy'>,
    ) => {
      const r = await db
        .updateTable('sheets')
        .set({
          draftJson: JSON.stringify(patch.draft),
          updatedAt: patch.updatedAt,
          updatedBy: patch.updatedBy,
          revision: revision + 1,
        })
        .where('id', '=', id)
        .where('revision', '=', revision)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Holds the round row for this transaction and checks it is not published (a reopened unit vs publication). */
    claimUnpublished: async (roundId: string) => {
      const r = await db
        .updateTable('rounds')
        .set((eb) => ({ status: eb.ref('status') }))
        .where('id', '=', roundId)
        .where('status', '!=', 'published')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** The scores of a sheet's latest submitted version (what was counted), or undefined. */
    submittedScores: async (sheetId: string, version: number) => {
      const row = await db
        .selectFrom('sheetVersions')
        .select('scoresJson')
        .where('sheetId', '=', sheetId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row && parseScores(row.scoresJson);
    },
    unitShortNames: async (ids: readonly string[]) =>
      new Map(
        (await db.selectFrom('units').select(['id', 'shortName']).where('id', 'in', ids).execute()).map(
          (u) => [u.id, u.shortName ?? ''],
        ),
      ),
    /** What official documents need: the bloc's header fields and the head unit. */
    documentHeader: async (blocId: string, headUnitId: string | null) => ({
      bloc: await db
        .selectFrom('blocs')
        .select(['name', 'governingBody', 'place'])
        .where('id', '=', blocId)
        .executeTakeFirstOrThrow(),
      headUnit: headUnitId
        ? await db.selectFrom('units').select('name').where('id', '=', headUnitId).executeTakeFirst()
        : undefined,
    }),
    /** The deadline of the year's published score-sheet milestone (the units' tasks carry it), or null. */
    planScoreSheetDeadline: async (yearId: string) =>
      (
        await db
          .selectFrom('tasks')
          .select('deadlineAt')
          .where('yearId', '=', yearId)
          .where('deliverable', '=', 'score-sheets')
          .where('status', '!=', 'cancelled')
          .where('deadlineAt', 'is not', null)
          .orderBy('deadlineAt', 'desc')
          .limit(1)
          .executeTakeFirst()
      )?.deadlineAt ?? null,
    /** The latest reopening limit of one unit in each round of a year (round id → until). */
    reopenedUntilOfUnit: async (yearId: string, unitId: string) => {
      const rows = await db
        .selectFrom('roundReopenings as o')
        .innerJoin('rounds as r', 'r.id', 'o.roundId')
        .select(['o.roundId', 'o.untilAt'])
        .where('r.yearId', '=', yearId)
        .where('o.unitId', '=', unitId)
        .orderBy('o.reopenedAt')
        .execute();
      return new Map(rows.map((r) => [r.roundId, r.untilAt]));
    },
    /** Records that the head first read the results; false when they were shown before. */
    markResultsShown: async (roundId: string, at: string) => {
      const r = await db
        .updateTable('rounds')
        .set({ resultsShownAt: at })
        .where('id', '=', roundId)
        .where('resultsShownAt', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** Every version submitted after an instant (changes after close), with the one before it. */
    versionsAfter: (roundId: string, after: string) =>
      db
        .selectFrom('sheetVersions as v')
        .innerJoin('sheets as s', 's.id', 'v.sheetId')
        .leftJoin('sheetVersions as p', (j) =>
          j
            .onRef('p.sheetId', '=', 'v.sheetId')
            .on('p.version', '=', (eb) => eb(eb.ref('v.version'), '-', 1)),
        )
        .leftJoin('users as u', 'u.id', 'v.submittedBy')
        .select([
          's.id as sheetId',
          's.scorerUnitId',
          's.scoredUnitId',
          'v.version',
          'v.submittedAt',
          'u.fullName as submittedByName',
          'v.total as totalAfter',
          'p.total as totalBefore',
        ])
        .where('s.roundId', '=', roundId)
        .where('v.submittedAt', '>', after)
        .orderBy('v.submittedAt')
        .execute(),
    insertReopening: (row: RoundReopeningTable) => db.insertInto('roundReopenings').values(row).execute(),
    /** A round's reopenings, newest first, with who did them and who asked (when it was approved). */
    reopenings: (roundId: string) =>
      db
        .selectFrom('roundReopenings as o')
        .leftJoin('users as u', 'u.id', 'o.reopenedBy')
        .leftJoin('approvals as a', 'a.id', 'o.approvalId')
        .leftJoin('users as r', 'r.id', 'a.requestedBy')
        .selectAll('o')
        .select(['u.fullName as reopenedByName', 'r.fullName as requestedByName'])
        .where('o.roundId', '=', roundId)
        .orderBy('o.reopenedAt', 'desc')
        .execute(),
    /**
     * When a unit has submitted every sheet it scores in a year-end round: the year (for its plan task).
     * One indexed query on the submission path.
     */
    yearEndSheetsAllIn: async (roundId: string, scorerUnitId: string) => {
      const row = await db
        .selectFrom('sheets as s')
        .innerJoin('rounds as r', 'r.id', 's.roundId')
        .select(['r.yearId', 'r.kind'])
        .select((eb) => [
          eb.fn.countAll<number>().as('total'),
          eb.fn
            .sum<number>(eb.case().when('s.submittedVersion', '>', 0).then(1).else(0).end())
            .as('submitted'),
        ])
        .where('s.roundId', '=', roundId)
        .where('s.scorerUnitId', '=', scorerUnitId)
        .groupBy(['r.yearId', 'r.kind'])
        .executeTakeFirst();
      return row && row.kind === 'year-end' && Number(row.submitted) === Number(row.total)
        ? row.yearId
        : null;
    },
    /** The latest reopening limit for a unit in a round, or null. */
    reopenedUntil: async (roundId: string, unitId: string) =>
      (
        await db
          .selectFrom('roundReopenings')
          .select('untilAt')
          .where('roundId', '=', roundId)
          .where('unitId', '=', unitId)
          .orderBy('reopenedAt', 'desc')
          .limit(1)
          .executeTakeFirst()
      )?.untilAt ?? null,
  };
}
