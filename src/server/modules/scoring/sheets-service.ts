import { orderedNodeScores, sheetTotals, validateScores, type CriterionNode } from '../../../domain/criteria';
import { sheetWindow, windowMessages, type SheetWindow } from '../../../domain/rounds';
import type { TMySheets, TSheet, TSheetSaveRequest } from '../../../shared/scoring';
import type { Actor, Ctx } from '../../context';
import { now } from '../../clock';
import type { Executor } from '../../db/schema';
import { uuidv7 } from '../../db/ids';
import { isPostgres } from '../../db/raw';
import { inTransaction } from '../../db/transaction';
import { AppError, conflict, forbidden, notFound } from '../../errors';
import { allow } from '../../access';
import { auditRow, recordAudit } from '../audit/repository';
import { emit } from '../../events';
import { loadRound, roundTree, type RoundContext } from './context';
import { presentRound, presentScoredSheet, presentSheet, sameByNode } from './present';
import { createSheetWriteRepository } from './sheet-write-repository';
import { createScoringRepository, type Sheet } from './repository';

const isUnitUser = (a: Actor) => a.role === 'officer' || a.role === 'leader';

/** The N sheets the caller's unit writes in a round, with its progress (submitted of N). */
export async function mySheets(db: Executor, roundId: string, ctx: Ctx): Promise<TMySheets> {
  const rc = await loadRound(db, roundId, ctx.actor);
  const unitId = ctx.actor.unitId;
  if (!isUnitUser(ctx.actor) || !unitId || !rc.names.has(unitId)) {
    throw forbidden('Đơn vị của bạn không tham gia đợt chấm này.');
  }
  const repo = createScoringRepository(db);
  const rows = await repo.sheetsOfScorer(roundId, unitId);
  const sheets = rows
    .map((s) => presentSheet(s, rc.names, rc.tree))
    .sort(
      (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.scoredUnitName.localeCompare(b.scoredUnitName, 'vi'),
    );
  const until = await repo.reopenedUntil(roundId, unitId);
  return {
    round: presentRound(
      rc.round,
      rc.access,
      rc.members.map((m) => m.id),
      rc.subject,
      until,
      now(),
    ),
    sheets,
    submitted: rows.filter((s) => s.submittedVersion > 0).length,
    expected: rc.members.length,
  };
}

/** One sheet with its scores: for its scorer unit; after close for the head; after publication for members and the board. */
export async function getSheet(
  db: Executor,
  sheetId: string,
  ctx: Ctx,
): Promise<TSheet & { roundTitle: string }> {
  return (await readSheet(db, sheetId, ctx)).sheet;
}

/** A sheet as getSheet gives it, with its round loaded for the caller (to build documents from). */
export async function readSheet(
  db: Executor,
  sheetId: string,
  ctx: Ctx,
): Promise<{ sheet: TSheet & { roundTitle: string }; rc: RoundContext }> {
  const sheet = await createScoringRepository(db).findSheet(sheetId);
  if (!sheet) throw notFound('bảng điểm');
  const rc = await loadRound(db, sheet.roundId, ctx.actor);
  const own = isUnitUser(ctx.actor) && ctx.actor.unitId === sheet.scorerUnitId;
  // Another unit's sheet: with the results (the head after close; the round's members and the board after publication).
  allow(own || rc.can.results, 'Bảng điểm của đơn vị khác được giữ kín cho đến khi công bố kết quả.');
  // The scorer edits its draft until publication; every other reader sees what was submitted and counted.
  const showDraft = own && rc.round.status !== 'published';
  const submitted = showDraft
    ? undefined
    : ((await createScoringRepository(db).submittedScores(sheetId, sheet.submittedVersion)) ?? {});
  return { sheet: { ...presentSheet(sheet, rc.names, rc.tree, submitted), roundTitle: rc.round.title }, rc };
}

/** What writing one sheet needs, loaded with as few queries as possible: this is the deadline-day hot path. */
interface WriteContext {
  sheet: Sheet;
  officerMaySubmit: boolean;
  tree: CriterionNode[];
  names: Map<string, string>;
  window: Extract<SheetWindow, { accepting: true }>;
}

/** Loads a sheet the caller's unit writes, and checks the round still accepts it. */
async function writableSheet(tx: Executor, sheetId: string, actor: Actor): Promise<WriteContext> {
  const repo = createScoringRepository(tx);
  const row = await createSheetWriteRepository(tx).findSheetWithRound(sheetId);
  if (!row) throw notFound('bảng điểm');
  const { sheet, round, scorerName, scoredName } = row;
  const { status, officerMaySubmit } = round;
  if (!isUnitUser(actor) || actor.unitId !== sheet.scorerUnitId) {
    throw forbidden('Chỉ đơn vị chấm được sửa bảng điểm này.');
  }
  const at = now();
  let window = sheetWindow(round, at, null);
  // Reopenings matter only once the round no longer accepts everyone.
  if (!window.accepting && status !== 'published') {
    window = sheetWindow(round, at, await repo.reopenedUntil(sheet.roundId, sheet.scorerUnitId));
  }
  if (!window.accepting) throw new AppError('CONFLICT', windowMessages[window.reason]);
  const names = new Map([
    [sheet.scorerUnitId, scorerName],
    [sheet.scoredUnitId, scoredName],
  ]);
  return { sheet, officerMaySubmit, tree: await roundTree(tx, round.criteriaSetId), names, window };
}

function scoreErrors(w: WriteContext, scores: Record<string, number | null>, complete: boolean) {
  const issues = validateScores(w.tree, scores, { complete });
  if (!issues.length) return;
  const scored = w.names.get(w.sheet.scoredUnitId) ?? '';
  const fieldErrors = Object.fromEntries(issues.map((i) => [i.criterionId, i.message]));
  throw new AppError(
    'VALIDATION',
    `Bảng điểm cho "${scored}": ${issues.map((i) => i.message).join('; ')}`,
    fieldErrors,
  );
}

/** Autosaves a draft. A save based on an old revision is refused (409) so that nobody's work is overwritten. */
export async function saveDraft(
  db: Executor,
  sheetId: string,
  input: TSheetSaveRequest,
  ctx: Ctx,
): Promise<TSheet> {
  return inTransaction(db, async (tx) => {
    const w = await writableSheet(tx, sheetId, ctx.actor);
    const { sheet } = w;
    scoreErrors(w, input.scores, false);
    const clean = Object.fromEntries(Object.entries(input.scores).filter(([, v]) => v !== null));
    const patch = {
      draft: clean,
      updatedAt: now().toISOString(),
      updatedBy: ctx.actor.userId,
    };
    if (!(await createScoringRepository(tx).saveDraft(sheetId, input.revision, patch))) {
      throw conflict(
        'Bảng điểm vừa được người khác lưu. Tải lại để xem bản mới nhất rồi nhập lại thay đổi của bạn; bản của bạn chưa được lưu.',
      );
    }
    // Scores stay out of the audit log: it is readable by administrators, and scores are confidential.
    await recordAudit(tx, ctx, {
      action: 'sheet.draft-saved',
      entityType: 'sheet',
      entityId: sheetId,
      before: { revision: sheet.revision },
      after: { revision: input.revision + 1 },
    });
    return presentSheet({ ...sheet, ...patch, revision: input.revision + 1 }, w.names, w.tree);
  });
}

const canSubmit = (a: Actor, officerMaySubmit: boolean) =>
  a.role === 'leader' || (a.role === 'officer' && officerMaySubmit);

/**
 * Submits one sheet as a new version; the old versions are kept. Acknowledged only after commit. Given the
 * database rather than a transaction (PostgreSQL only: see submitSheet), it writes a re-submission with one
 * statement and opens a transaction for the rest, with the sheet it has `loaded`.
 */
async function submitOne(
  tx: Executor,
  sheetId: string,
  ctx: Ctx,
  revision: number | null,
  loaded?: WriteContext,
): Promise<TSheet> {
  const w = loaded ?? (await writableSheet(tx, sheetId, ctx.actor));
  const { sheet, window, tree, names } = w;
  const repo = createScoringRepository(tx);
  if (!canSubmit(ctx.actor, w.officerMaySubmit)) {
    throw forbidden('Lãnh đạo đơn vị nộp bảng điểm; cán bộ đầu mối chỉ soạn và lưu nháp.');
  }
  if (revision !== null && revision !== sheet.revision) {
    throw conflict('Bảng điểm đã thay đổi sau khi bạn mở; tải lại để xem trước khi nộp.');
  }
  const scores = sheet.draft;
  scoreErrors(w, scores, true);
  const totals = sheetTotals(tree, scores);
  const byNode = orderedNodeScores(tree, totals.byNode);
  // Re-submitting an unchanged sheet makes no new version.
  if (sheet.submittedVersion > 0 && sameByNode(sheet.byNode, byNode)) {
    return presentScoredSheet(sheet, names, scores, totals.total, false);
  }
  // A reopened unit's claim and a first submission's task hook must commit with the submission.
  if (!tx.isTransaction && (window.reopened || sheet.submittedVersion === 0)) {
    return inTransaction(tx, (t) => submitOne(t, sheetId, ctx, revision, w));
  }
  const at = now().toISOString();
  const version = sheet.submittedVersion + 1;
  const late = window.late;
  // A reopened unit submits after close: serialise with publication so nothing changes once results are public.
  if (window.reopened && !(await repo.claimUnpublished(sheet.roundId))) {
    throw conflict(windowMessages.published);
  }
  const patch = {
    submittedVersion: version,
    submittedAt: at,
    late,
    total: totals.total,
    bonus: totals.bonus,
    deduction: totals.deduction,
    byNode,
  };
  // Time-ordered ids append to the index instead of touching a random page per insert.
  const versionRow = {
    id: uuidv7(),
    sheetId,
    version,
    scores,
    total: totals.total,
    submittedAt: at,
    submittedBy: ctx.actor.userId,
    late,
  };
  const audit = auditRow(ctx, {
    action: 'sheet.submitted',
    entityType: 'sheet',
    entityId: sheetId,
    before: { version: sheet.submittedVersion },
    after: { version, late, reopened: window.reopened },
  });
  // Conditional on the version we read: of two simultaneous submissions only one is recorded (409 for the other).
  const submission = { sheetId, fromVersion: sheet.submittedVersion, patch, version: versionRow, audit };
  if (!(await createSheetWriteRepository(tx).recordSubmission(submission))) {
    throw conflict('Bảng điểm vừa được nộp từ một phiên khác; tải lại để xem.');
  }
  // Only a first submission can complete the unit's score-sheet task; re-submissions change nothing there.
  if (sheet.submittedVersion === 0) {
    const yearId = await repo.yearEndSheetsAllIn(sheet.roundId, sheet.scorerUnitId);
    if (yearId) {
      await emit(
        tx,
        'deliverable.arrived',
        { yearId, unitId: sheet.scorerUnitId, deliverable: 'score-sheets' },
        ctx,
      );
    }
  }
  return presentScoredSheet({ ...sheet, ...patch }, names, scores, totals.total, false);
}

export async function submitSheet(
  db: Executor,
  sheetId: string,
  revision: number,
  ctx: Ctx,
): Promise<TSheet> {
  // PostgreSQL: a re-submission is one statement, atomic on its own, so it needs no transaction (the session,
  // the sheet, the statement: 3 round trips instead of 7). SQLite writes it with three, in the group commit.
  if (isPostgres(db)) return submitOne(db, sheetId, ctx, revision);
  return inTransaction(db, (tx) => submitOne(tx, sheetId, ctx, revision));
}

/** Submits every sheet of the caller's unit in the round, all or none. */
export async function submitAll(db: Executor, roundId: string, ctx: Ctx): Promise<TMySheets> {
  await inTransaction(db, async (tx) => {
    const unitId = ctx.actor.unitId;
    if (!unitId) throw forbidden('Tài khoản không thuộc đơn vị nào.');
    const rows = await createScoringRepository(tx).sheetsOfScorer(roundId, unitId);
    if (!rows.length) throw forbidden('Đơn vị của bạn không tham gia đợt chấm này.');
    for (const s of rows) await submitOne(tx, s.id, ctx, null);
  });
  return mySheets(db, roundId, ctx);
}
