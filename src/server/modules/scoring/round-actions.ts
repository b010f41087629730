import { randomUUID } from 'node:crypto';
import {
  headPublicAct,
  reopenApprover,
  reopenPower,
  type Approver,
  type Power,
} from '../../../domain/access';
import type { TReopenRequest, TRound } from '../../../shared/scoring';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor, Tx } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, conflict, forbidden, invalid } from '../../errors';
import { recordAudit } from '../audit/repository';
import { roundFacts } from '../../access';
import { loadRound, type RoundContext } from './context';
import { presentRound } from './present';
import { computeResults } from './results-service';
import { createScoringRepository } from './repository';
import { noticeResultsPublished, noticeRoundClosed, noticeUnitReopened } from './round-notices';

const askLeader = 'Việc này do Lãnh đạo đơn vị Trưởng khối quyết định: hãy gửi đề nghị để Lãnh đạo duyệt.';
const askFor: Record<Approver, string> = {
  'head-leader': askLeader,
  'deputy-or-board':
    'Đơn vị không tự mở lại bảng điểm của mình: hãy gửi đề nghị để Phó trưởng khối hoặc Ban TĐKT duyệt.',
  board: 'Kết quả đã được xem sau khi đóng đợt chấm: mọi lần mở lại cần Ban TĐKT duyệt. Hãy gửi đề nghị.',
};

/** Passes only when the caller may act now; says whom to ask otherwise. */
function requireDirect(power: Power, ask: string): void {
  if (power === 'direct') return;
  throw forbidden(power === 'request' ? ask : 'Bạn không có quyền thực hiện thao tác này.');
}

/** Who made a change, beside an approval that allowed it. */
export interface Approved {
  approvalId: string;
  requestedBy: string;
}

/** Closes the round and locks every sheet: the head unit's leader, after the deadline or once every sheet is in. */
export async function closeRound(db: Executor, roundId: string, ctx: Ctx): Promise<TRound> {
  return inTransaction(db, async (tx) => {
    const rc = await loadRound(tx, roundId, ctx.actor);
    // The role decides access; the round's state then answers 409 (`rc.can` also weighs the state, for buttons).
    requireDirect(headPublicAct(rc.subject), askLeader);
    return closeLoaded(tx, rc, ctx, null);
  });
}

/** The close itself, once the caller's right is checked (directly, or by approving a request). */
export async function closeLoaded(
  tx: Tx,
  rc: RoundContext,
  ctx: Ctx,
  approved: Approved | null,
): Promise<TRound> {
  const { round, access, members } = rc;
  if (round.status !== 'open') throw conflict('Đợt chấm đã đóng.');
  const at = now();
  const statuses = await createScoringRepository(tx).sheetStatuses(round.id);
  const allIn = statuses.every((s) => s.submittedVersion > 0);
  if (at.getTime() < new Date(round.deadlineAt).getTime() && !allIn) {
    throw new AppError(
      'CONFLICT',
      'Chưa đến hạn nộp và còn đơn vị chưa nộp đủ bảng điểm; chưa thể đóng đợt chấm.',
    );
  }
  const patch = { status: 'closed' as const, closedAt: at.toISOString() };
  await createScoringRepository(tx).updateRound(round.id, patch);
  await recordAudit(tx, ctx, {
    action: 'round.closed',
    entityType: 'round',
    entityId: round.id,
    before: { status: round.status },
    after: { ...patch, ...(approved ?? {}) },
  });
  await noticeRoundClosed(tx, round);
  const ids = members.map((m) => m.id);
  return presentRound({ ...round, ...patch }, access, ids, rc.subject, null, at);
}

/** Reopens one unit's sheets after close, with a written reason and a limit; never by the unit itself. */
export async function reopenUnit(
  db: Executor,
  roundId: string,
  input: TReopenRequest,
  ctx: Ctx,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const rc = await loadRound(tx, roundId, ctx.actor);
    const facts = roundFacts(
      rc.round,
      rc.access,
      rc.members.map((m) => m.id),
    );
    requireDirect(reopenPower(rc.subject, facts, input.unitId), askFor[reopenApprover(facts, input.unitId)]);
    await reopenLoaded(tx, rc, input, ctx, null);
  });
}

/** Checks a reopening against the round (state, unit, limit) before it is done or requested. */
export function checkReopening(rc: RoundContext, input: TReopenRequest): void {
  if (rc.round.status !== 'closed') {
    throw conflict(
      rc.round.status === 'open'
        ? 'Đợt chấm chưa đóng; đơn vị vẫn đang được sửa bảng điểm.'
        : 'Kết quả đã công bố; không thể mở lại.',
    );
  }
  if (!rc.members.some((m) => m.id === input.unitId)) {
    throw invalid({ unitId: 'Đơn vị: không thuộc đợt chấm này' });
  }
  if (new Date(input.untilAt).getTime() <= now().getTime()) {
    throw invalid({ untilAt: 'Mở lại đến: phải sau thời điểm hiện tại' });
  }
}

export async function reopenLoaded(
  tx: Tx,
  rc: RoundContext,
  input: TReopenRequest,
  ctx: Ctx,
  approved: Approved | null,
): Promise<void> {
  checkReopening(rc, input);
  const row = {
    id: randomUUID(),
    roundId: rc.round.id,
    unitId: input.unitId,
    reason: input.reason,
    untilAt: new Date(input.untilAt).toISOString(),
    reopenedBy: ctx.actor.userId,
    reopenedAt: now().toISOString(),
    approvalId: approved?.approvalId ?? null,
  };
  await createScoringRepository(tx).insertReopening(row);
  await recordAudit(tx, ctx, {
    action: 'round.unit-reopened',
    entityType: 'round',
    entityId: rc.round.id,
    after: { unitId: input.unitId, reason: input.reason, untilAt: row.untilAt, ...(approved ?? {}) },
  });
  await noticeUnitReopened(tx, rc.round, {
    unitId: input.unitId,
    unitName: rc.names.get(input.unitId) ?? '',
    headUnitId: rc.access.headUnitId,
    reason: input.reason,
    untilAt: row.untilAt,
  });
}

/** Publishes the results to the members and the board: the head unit's leader, on a closed round with a ranking. */
export async function publishResults(db: Executor, roundId: string, ctx: Ctx): Promise<TRound> {
  return inTransaction(db, async (tx) => {
    const rc = await loadRound(tx, roundId, ctx.actor);
    requireDirect(headPublicAct(rc.subject), askLeader);
    return publishLoaded(tx, rc, ctx, null);
  });
}

export async function publishLoaded(
  tx: Tx,
  rc: RoundContext,
  ctx: Ctx,
  approved: Approved | null,
): Promise<TRound> {
  if (rc.round.status !== 'closed') {
    throw conflict(
      rc.round.status === 'open' ? 'Hãy đóng đợt chấm trước khi công bố.' : 'Kết quả đã được công bố.',
    );
  }
  // Mark published first: on PostgreSQL this row lock orders us with a reopened unit's submission, so
  // the results computed next are exactly the published ones.
  const at = now();
  const patch = { status: 'published' as const, publishedAt: at.toISOString() };
  await createScoringRepository(tx).updateRound(rc.round.id, patch);
  const results = await computeResults(tx, rc);
  if (!results.ranked) {
    throw conflict(
      `Chưa đủ bảng điểm (${results.receivedSheets}/${results.expectedSheets}) và đợt chấm quy định chờ đủ bảng điểm; chưa thể công bố.`,
    );
  }
  await recordAudit(tx, ctx, {
    action: 'round.published',
    entityType: 'round',
    entityId: rc.round.id,
    before: { status: rc.round.status },
    // Ranks only: the audit log is read by administrators, who do not see scores.
    after: {
      ...patch,
      ranking: results.units.map((u) => ({ unitId: u.unitId, rank: u.rank })),
      ...(approved ?? {}),
    },
  });
  await noticeResultsPublished(tx, rc.round, rc.access);
  const ids = rc.members.map((m) => m.id);
  return presentRound({ ...rc.round, ...patch }, rc.access, ids, rc.subject, null, at);
}
