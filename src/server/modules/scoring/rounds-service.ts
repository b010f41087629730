import { randomUUID } from 'node:crypto';
import { leaves, type CriterionNode } from '../../../domain/criteria';
import type { TReopenRequest, TRound, TRoundCreateRequest } from '../../../shared/scoring';
import { ZRoundCreateRequestSchema } from '../../../shared/scoring';
import type { Ctx } from '../../context';
import { now } from '../../clock';
import { isUniqueViolation } from '../../db/errors';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, conflict, invalid } from '../../errors';
import { allow } from '../../policy';
import { recordAudit } from '../audit/repository';
import { createCriteriaRepository } from '../criteria/repository';
import { scoringPolicies, yearAccess } from './access';
import { loadRound } from './context';
import { presentRound } from './present';
import { createScoringRepository } from './repository';

const onlyHead = 'Chỉ Trưởng khối của năm này được thực hiện thao tác này.';
export const MIN_UNITS = 3;
export const MAX_UNITS = 30;

/**
 * Opens a round for the year's current members: locks the criteria set, fixes N, and creates the N×N
 * sheets (one self sheet and N−1 peer sheets per unit).
 */
export async function openRound(
  db: Executor,
  yearId: string,
  input: TRoundCreateRequest,
  ctx: Ctx,
): Promise<TRound> {
  try {
    return await insertRound(db, yearId, input, ctx);
  } catch (e) {
    // Another request opened the same kind of round at the same moment (the database refused the second).
    if (isUniqueViolation(e)) throw conflict('Đã có một đợt chấm cùng loại chưa công bố kết quả.');
    throw e;
  }
}

async function insertRound(
  db: Executor,
  yearId: string,
  input: TRoundCreateRequest,
  ctx: Ctx,
): Promise<TRound> {
  const data = ZRoundCreateRequestSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(scoringPolicies.runYear(access), onlyHead);
    const n = access.memberUnitIds.length;
    if (n < MIN_UNITS || n > MAX_UNITS) {
      throw invalid({
        unitIds: `Đơn vị thành viên: Khối phải có từ ${MIN_UNITS} đến ${MAX_UNITS} đơn vị để chấm điểm (hiện có ${n})`,
      });
    }
    const at = now();
    if (new Date(data.deadlineAt).getTime() <= at.getTime()) {
      throw invalid({ deadlineAt: 'Hạn nộp: phải sau thời điểm hiện tại' });
    }
    const criteria = createCriteriaRepository(tx);
    const set = await criteria.findCurrent(yearId);
    if (!set || leaves(JSON.parse(set.treeJson) as CriterionNode[]).length === 0) {
      throw invalid({ criteriaSetId: 'Bảng tiêu chí: năm này chưa có bảng tiêu chí để chấm' });
    }
    const repo = createScoringRepository(tx);
    const open = (await repo.listRounds(yearId)).find(
      (r) => r.kind === data.kind && r.status !== 'published',
    );
    if (open) throw conflict(`Đã có đợt chấm "${open.title}" chưa công bố kết quả.`);
    if (set.status === 'draft') {
      await criteria.updateSet(set.id, { status: 'locked', lockedAt: at.toISOString() });
    }
    const round = {
      id: randomUUID(),
      yearId,
      criteriaSetId: set.id,
      kind: data.kind,
      title: data.title,
      deadlineAt: new Date(data.deadlineAt).toISOString(),
      latePolicy: data.latePolicy,
      missingPolicy: data.missingPolicy,
      tieBreakersJson: JSON.stringify(data.tieBreakers),
      officerMaySubmit: data.officerMaySubmit ? 1 : 0,
      status: 'open' as const,
      openedAt: at.toISOString(),
      closedAt: null,
      publishedAt: null,
    };
    await repo.insertRound(round);
    await repo.insertMembers(round.id, access.memberUnitIds);
    await repo.insertSheets(
      access.memberUnitIds.flatMap((scorer) =>
        access.memberUnitIds.map((scored) => ({
          id: randomUUID(),
          roundId: round.id,
          scorerUnitId: scorer,
          scoredUnitId: scored,
          draftJson: '{}',
          revision: 0,
          updatedAt: null,
          updatedBy: null,
          submittedVersion: 0,
          submittedAt: null,
          late: 0,
          total: null,
          bonus: null,
          deduction: null,
          byNodeJson: null,
        })),
      ),
    );
    await recordAudit(tx, ctx, {
      action: 'round.opened',
      entityType: 'round',
      entityId: round.id,
      after: { ...data, criteriaSetId: set.id, unitIds: access.memberUnitIds },
    });
    return presentRound(round, access, n, null, at);
  });
}

export async function listRounds(db: Executor, yearId: string, ctx: Ctx): Promise<TRound[]> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(scoringPolicies.readCriteria(ctx.actor, access));
  const repo = createScoringRepository(db);
  const at = now();
  const rounds = await repo.listRounds(yearId);
  return Promise.all(
    rounds.map(async (r) => {
      const until = ctx.actor.unitId ? await repo.reopenedUntil(r.id, ctx.actor.unitId) : null;
      return presentRound(r, access, (await repo.members(r.id)).length, until, at);
    }),
  );
}

export async function getRound(db: Executor, roundId: string, ctx: Ctx): Promise<TRound> {
  const { round, access, members } = await loadRound(db, roundId, ctx.actor);
  allow(scoringPolicies.readCriteria(ctx.actor, access));
  const until = ctx.actor.unitId
    ? await createScoringRepository(db).reopenedUntil(roundId, ctx.actor.unitId)
    : null;
  return presentRound(round, access, members.length, until, now());
}

/** Closes the round and locks every sheet: after the deadline, or earlier once every sheet is in. */
export async function closeRound(db: Executor, roundId: string, ctx: Ctx): Promise<TRound> {
  return inTransaction(db, async (tx) => {
    const { round, access, members } = await loadRound(tx, roundId, ctx.actor);
    allow(scoringPolicies.runYear(access), onlyHead);
    if (round.status !== 'open') throw conflict('Đợt chấm đã đóng.');
    const at = now();
    const statuses = await createScoringRepository(tx).sheetStatuses(roundId);
    const allIn = statuses.every((s) => s.submittedVersion > 0);
    if (at.getTime() < new Date(round.deadlineAt).getTime() && !allIn) {
      throw new AppError(
        'CONFLICT',
        'Chưa đến hạn nộp và còn đơn vị chưa nộp đủ bảng điểm; chưa thể đóng đợt chấm.',
      );
    }
    const patch = { status: 'closed' as const, closedAt: at.toISOString() };
    await createScoringRepository(tx).updateRound(roundId, patch);
    await recordAudit(tx, ctx, {
      action: 'round.closed',
      entityType: 'round',
      entityId: roundId,
      before: { status: round.status },
      after: patch,
    });
    return presentRound({ ...round, ...patch }, access, members.length, null, at);
  });
}

/** Reopens one unit's sheets after close, with a written reason and a limit; audited. */
export async function reopenUnit(
  db: Executor,
  roundId: string,
  input: TReopenRequest,
  ctx: Ctx,
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { round, access, members } = await loadRound(tx, roundId, ctx.actor);
    allow(scoringPolicies.runYear(access), onlyHead);
    if (round.status !== 'closed') {
      throw conflict(
        round.status === 'open'
          ? 'Đợt chấm chưa đóng; đơn vị vẫn đang được sửa bảng điểm.'
          : 'Kết quả đã công bố; không thể mở lại.',
      );
    }
    if (!members.some((m) => m.id === input.unitId)) {
      throw invalid({ unitId: 'Đơn vị: không thuộc đợt chấm này' });
    }
    const at = now().toISOString();
    if (new Date(input.untilAt).getTime() <= now().getTime()) {
      throw invalid({ untilAt: 'Mở lại đến: phải sau thời điểm hiện tại' });
    }
    const row = {
      id: randomUUID(),
      roundId,
      unitId: input.unitId,
      reason: input.reason,
      untilAt: new Date(input.untilAt).toISOString(),
      reopenedBy: ctx.actor.userId,
      reopenedAt: at,
    };
    await createScoringRepository(tx).insertReopening(row);
    await recordAudit(tx, ctx, {
      action: 'round.unit-reopened',
      entityType: 'round',
      entityId: roundId,
      after: { unitId: input.unitId, reason: input.reason, untilAt: row.untilAt },
    });
  });
}
