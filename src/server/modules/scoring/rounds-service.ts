import { randomUUID } from 'node:crypto';
import { leaves } from '../../../domain/criteria';
import type { TRound, TRoundCreateRequest } from '../../../shared/scoring';
import { ZRoundCreateRequestSchema } from '../../../shared/scoring';
import type { Ctx } from '../../context';
import { now } from '../../clock';
import { isUniqueViolation } from '../../db/errors';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, forbidden, invalid } from '../../errors';
import { recordAudit } from '../audit/repository';
import { createCriteriaRepository } from '../criteria/repository';
import { allow, why, yearAccess, type YearAccess } from '../../access';
import { loadRound } from './context';
import { presentRound } from './present';
import { createScoringRepository, type Round } from './repository';
import { noticeRoundOpened } from './round-notices';

export const MIN_UNITS = 3;
export const MAX_UNITS = 30;

/**
 * Opens a round for the year's current members: locks the criteria set, fixes N, and creates the N×N
 * sheets (one self sheet and N−1 peer sheets per unit). The head unit's officer prepares this.
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

/** The deadline asked for, or for a year-end round the published plan's score-sheet deadline. */
async function deadlineOf(tx: Executor, yearId: string, data: { kind: string; deadlineAt?: string }) {
  if (data.deadlineAt) return new Date(data.deadlineAt).toISOString();
  const fromPlan =
    data.kind === 'year-end' ? await createScoringRepository(tx).planScoreSheetDeadline(yearId) : null;
  if (!fromPlan) {
    throw invalid({ deadlineAt: 'Hạn nộp: là bắt buộc (kế hoạch của năm chưa có hạn nộp bảng điểm)' });
  }
  return fromPlan;
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
    const subject = access.subject;
    allow(access.can.prepare, why.onlyHead);
    const n = access.memberUnitIds.length;
    if (n < MIN_UNITS || n > MAX_UNITS) {
      throw invalid({
        unitIds: `Đơn vị thành viên: Khối phải có từ ${MIN_UNITS} đến ${MAX_UNITS} đơn vị để chấm điểm (hiện có ${n})`,
      });
    }
    const at = now();
    const deadlineAt = await deadlineOf(tx, yearId, data);
    if (new Date(deadlineAt).getTime() <= at.getTime()) {
      throw invalid({ deadlineAt: 'Hạn nộp: phải sau thời điểm hiện tại' });
    }
    const criteria = createCriteriaRepository(tx);
    const set = await criteria.findCurrent(yearId);
    if (!set || leaves(set.tree).length === 0) {
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
    const round: Round = {
      id: randomUUID(),
      yearId,
      criteriaSetId: set.id,
      kind: data.kind,
      title: data.title,
      deadlineAt,
      latePolicy: data.latePolicy,
      missingPolicy: data.missingPolicy,
      tieBreakers: data.tieBreakers,
      officerMaySubmit: data.officerMaySubmit,
      status: 'open',
      openedAt: at.toISOString(),
      closedAt: null,
      publishedAt: null,
      resultsShownAt: null,
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
          draft: {},
          revision: 0,
          updatedAt: null,
          updatedBy: null,
          submittedVersion: 0,
          submittedAt: null,
          late: false,
          total: null,
          bonus: null,
          deduction: null,
          byNode: null,
        })),
      ),
    );
    await recordAudit(tx, ctx, {
      action: 'round.opened',
      entityType: 'round',
      entityId: round.id,
      after: { ...data, deadlineAt, criteriaSetId: set.id, unitIds: access.memberUnitIds },
    });
    await noticeRoundOpened(tx, round, access);
    return presentRound(round, access, access.memberUnitIds, subject, null, at);
  });
}

/** Who sees a round in the year's list: those running the year and the board see all; a unit, its own. */
function seesRound(access: YearAccess, unitId: string | null, memberIds: readonly string[]): boolean {
  if (access.myRole === 'head' || access.myRole === 'deputy' || access.myRole === null) return true;
  return unitId !== null && memberIds.includes(unitId);
}

/** The year's rounds (members, counted in one query; a unit added after a round opened does not see it). */
export async function listRounds(db: Executor, yearId: string, ctx: Ctx): Promise<TRound[]> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.read);
  const repo = createScoringRepository(db);
  const at = now();
  const rounds = await repo.listRounds(yearId);
  const members = await repo.memberIdsOfYear(yearId);
  const until = ctx.actor.unitId
    ? await repo.reopenedUntilOfUnit(yearId, ctx.actor.unitId)
    : new Map<string, string>();
  const subject = access.subject;
  return rounds.flatMap((r) => {
    const ids = members.get(r.id) ?? [];
    if (!seesRound(access, ctx.actor.unitId, ids)) return [];
    return [presentRound(r, access, ids, subject, until.get(r.id) ?? null, at)];
  });
}

export async function getRound(db: Executor, roundId: string, ctx: Ctx): Promise<TRound> {
  const { round, access, members, subject } = await loadRound(db, roundId, ctx.actor);
  const ids = members.map((m) => m.id);
  // A unit removed from the year after the round opened is still one of its units.
  const roundMember = ctx.actor.unitId !== null && ids.includes(ctx.actor.unitId);
  allow(roundMember || access.can.read);
  if (!seesRound(access, ctx.actor.unitId, ids)) throw forbidden('Đơn vị của bạn không thuộc đợt chấm này.');
  const until = ctx.actor.unitId
    ? await createScoringRepository(db).reopenedUntil(roundId, ctx.actor.unitId)
    : null;
  return presentRound(round, access, ids, subject, until, now());
}
