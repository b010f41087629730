/*
 * The statements of a sheet's hot path — loading it to write, recording a submission — in raw SQL
 * (db/raw.ts). On PostgreSQL, outside a transaction, the calls of concurrent requests are grouped into one
 * statement each (db/batch.ts): a re-submission is then a share of two round trips, not two of its own.
 */
import { sql, type Selectable } from 'kysely';
import { batchOf, batcher, groupable, inOrderOf } from '../../db/batch';
import { insertRow, isPostgres, PREPARED } from '../../db/raw';
import type { AuditEventTable, Executor, RoundTable, SheetTable, SheetVersionTable } from '../../db/schema';
import { toSheet, type Round, type Scores, type Sheet } from './repository';

/** A sheet with its units' names and the round fields that decide whether it may be written. */
export interface SheetWithRound {
  sheet: Sheet;
  round: Pick<Round, 'status' | 'deadlineAt' | 'latePolicy' | 'officerMaySubmit' | 'criteriaSetId'>;
  scorerName: string;
  scoredName: string;
}

/** What a submission changes on the sheet row. */
export type SubmissionPatch = Pick<
  Sheet,
  'submittedVersion' | 'submittedAt' | 'late' | 'total' | 'bonus' | 'deduction' | 'byNode'
>;

/** A submitted version of a sheet: the scores that were counted. */
export type SheetVersion = Omit<SheetVersionTable, 'scoresJson' | 'late'> & { scores: Scores; late: boolean };

/** A submission to record: the sheet row's new fields, its new version and the audit event. */
export interface Submission {
  sheetId: string;
  /** The submitted version the caller read: nothing is written if the sheet moved on since. */
  fromVersion: number;
  patch: SubmissionPatch;
  version: SheetVersion;
  audit: AuditEventTable;
}

type SheetWithRoundRow = Selectable<SheetTable> &
  Pick<RoundTable, 'status' | 'deadlineAt' | 'latePolicy' | 'officerMaySubmit' | 'criteriaSetId'> & {
    scorerName: string;
    scoredName: string;
  };

const SHEET_WITH_ROUND = sql`SELECT s.id, s.round_id, s.scorer_unit_id, s.scored_unit_id, s.draft_json, s.revision,
    s.updated_at, s.updated_by, s.submitted_version, s.submitted_at, s.late, s.total, s.bonus, s.deduction,
    s.by_node_json, r.status, r.deadline_at, r.late_policy, r.officer_may_submit, r.criteria_set_id,
    scorer.name AS scorer_name, scored.name AS scored_name
  FROM sheets s JOIN rounds r ON r.id = s.round_id
    JOIN units scorer ON scorer.id = s.scorer_unit_id JOIN units scored ON scored.id = s.scored_unit_id`;

function toSheetWithRound(row: SheetWithRoundRow): SheetWithRound {
  const {
    status,
    deadlineAt,
    latePolicy,
    officerMaySubmit,
    criteriaSetId,
    scorerName,
    scoredName,
    ...sheet
  } = row;
  return {
    sheet: toSheet(sheet),
    round: { status, deadlineAt, latePolicy, officerMaySubmit: officerMaySubmit === 1, criteriaSetId },
    scorerName,
    scoredName,
  };
}

const sheetsWithRound = (db: Executor) => async (ids: string[]) => {
  const { rows } =
    await sql<SheetWithRoundRow>`${sql.raw(PREPARED)}${SHEET_WITH_ROUND} WHERE s.id = ANY(${ids}::text[])`.execute(
      db,
    );
  return inOrderOf(ids, rows);
};

const versionRow = (v: SheetVersion): SheetVersionTable => {
  const { scores, late, ...fields } = v;
  return { ...fields, scoresJson: JSON.stringify(scores), late: late ? 1 : 0 };
};

const updateSheet = (s: Submission) => {
  const p = s.patch;
  return sql`UPDATE sheets SET submitted_version = ${p.submittedVersion}, submitted_at = ${p.submittedAt},
      late = ${p.late ? 1 : 0}, total = ${p.total}, bonus = ${p.bonus}, deduction = ${p.deduction},
      by_node_json = ${p.byNode && JSON.stringify(p.byNode)}
    WHERE id = ${s.sheetId} AND submitted_version = ${s.fromVersion}`;
};

/**
 * PostgreSQL: many submissions in one statement — the sheet rows updated where each is still at the version
 * its caller read, and for exactly those rows the version and the audit event inserted. Atomic as a whole;
 * the batcher never lets two statements hold submissions of one sheet (no two lock the same row). Answers, per submission, whether it was recorded.
 */
const recordMany = (db: Executor) => async (subs: Submission[]) => {
  const input = JSON.stringify(
    subs.map((s) => {
      const v = versionRow(s.version);
      return {
        ...s.audit,
        sheetId: s.sheetId,
        fromVersion: s.fromVersion,
        ...s.patch,
        late: s.patch.late ? 1 : 0,
        byNode: s.patch.byNode && JSON.stringify(s.patch.byNode),
        vId: v.id,
        vVersion: v.version,
        vScores: v.scoresJson,
        vTotal: v.total,
        vSubmittedAt: v.submittedAt,
        vSubmittedBy: v.submittedBy,
        vLate: v.late,
      };
    }),
  );
  const { rows } = await sql<{ id: string }>`${sql.raw(PREPARED)}WITH i AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS x("sheetId" text, "fromVersion" integer,
        "submittedVersion" integer, "submittedAt" text, late integer, total integer, bonus integer,
        deduction integer, "byNode" text, "vId" text, "vVersion" integer, "vScores" text, "vTotal" integer,
        "vSubmittedAt" text, "vSubmittedBy" text, "vLate" integer, id text, at text, "actorUserId" text,
        "actorUnitId" text, action text, "entityType" text, "entityId" text, "beforeJson" text,
        "afterJson" text, "requestId" text)
    ), s AS (
      UPDATE sheets SET submitted_version = i."submittedVersion", submitted_at = i."submittedAt", late = i.late,
        total = i.total, bonus = i.bonus, deduction = i.deduction, by_node_json = i."byNode"
      FROM i WHERE sheets.id = i."sheetId" AND sheets.submitted_version = i."fromVersion"
      RETURNING sheets.id
    ), v AS (
      INSERT INTO sheet_versions (id, sheet_id, version, scores_json, total, submitted_at, submitted_by, late)
      SELECT i."vId", i."sheetId", i."vVersion", i."vScores", i."vTotal", i."vSubmittedAt", i."vSubmittedBy", i."vLate"
      FROM i JOIN s ON s.id = i."sheetId"
    ), a AS (
      INSERT INTO audit_events (id, at, actor_user_id, actor_unit_id, action, entity_type, entity_id, before_json,
        after_json, request_id)
      SELECT i.id, i.at, i."actorUserId", i."actorUnitId", i.action, i."entityType", i."entityId", i."beforeJson",
        i."afterJson", i."requestId"
      FROM i JOIN s ON s.id = i."sheetId"
    )
    SELECT id FROM s`.execute(db);
  const recorded = new Set(rows.map((r) => r.id));
  return subs.map((s) => recorded.has(s.sheetId));
};

export function createSheetWriteRepository(db: Executor) {
  const grouped = groupable(db);
  return {
    /** A sheet with the round fields that decide whether it may be written. */
    findSheetWithRound: async (id: string): Promise<SheetWithRound | undefined> => {
      const row = grouped
        ? await batchOf(db, 'sheet-with-round', (stats) => batcher(sheetsWithRound(db), { max: 100 }, stats))(
            id,
          )
        : (
            await sql<SheetWithRoundRow>`${sql.raw(PREPARED)}${SHEET_WITH_ROUND} WHERE s.id = ${id}`.execute(
              db,
            )
          ).rows[0];
      return row && toSheetWithRound(row);
    },
    /**
     * Records a submission — the sheet row, its new version, the audit event — only if nobody submitted this
     * sheet since `fromVersion`. True when recorded. On PostgreSQL one statement does all three, atomically
     * even outside a transaction (and, outside one, for the concurrent submissions of other requests too).
     */
    recordSubmission: async (s: Submission): Promise<boolean> => {
      if (grouped) {
        return batchOf(db, 'submission', (stats) =>
          batcher(recordMany(db), { key: (x) => x.sheetId, max: 50 }, stats),
        )(s);
      }
      if (isPostgres(db)) return (await recordMany(db)([s]))[0]!;
      const r = await sql`${sql.raw(PREPARED)}${updateSheet(s)}`.execute(db);
      if (Number(r.numAffectedRows) !== 1) return false;
      await insertRow('sheetVersions', versionRow(s.version)).execute(db);
      await insertRow('auditEvents', s.audit).execute(db);
      return true;
    },
  };
}
