import { draftNominations, hardRuleProblem } from '../../../domain/nominations';
import type { TNominationAdd, TNominationBallot, TNominations } from '../../../shared/nominations';
import { ZNominationBallotSchema } from '../../../shared/nominations';
import type { TBallot } from '../../../shared/ballots';
import { allow, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import { uuidv7 } from '../../db/ids';
import type { Executor, Tx } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, invalid, notFound } from '../../errors';
import { recordAudit } from '../audit/repository';
import { createBallot } from '../ballots/service';
import { notifyUnits } from '../notifications/notify';
import { nominationFacts } from './facts';
import { presentNominations } from './read-service';
import { createNominationRepository } from './repository';
import { allowWhileProposalOpen, nominationWhy } from './rules-service';

const notPublished =
  'Chưa có đợt chấm điểm cuối năm được công bố: danh sách đề nghị khen thưởng lập từ kết quả đã công bố.';

/** The head's work on the lines: access, the proposal still open, the published year-end round. */
async function loadForChange(tx: Tx, yearId: string, ctx: Ctx) {
  const access = await yearAccess(tx, yearId, ctx.actor);
  allow(access.can.nominate, nominationWhy.nominate);
  await allowWhileProposalOpen(tx, yearId);
  const facts = await nominationFacts(tx, access, ctx.actor);
  if (!facts.round) throw conflict(notPublished);
  return { access, facts, repo: createNominationRepository(tx) };
}

/** Every member unit's people read the change (công khai, dân chủ). */
const tellMembers = (tx: Tx, access: YearAccess, title: string, body: string) =>
  notifyUnits(
    tx,
    'nomination',
    access.memberUnitIds.map((unitId) => ({ unitId, title, body })),
    { yearId: access.yearId },
  );

/** Two changes to the same lines at once: the second is refused rather than failing. */
async function oneAtATime<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (isUniqueViolation(e)) throw conflict('Danh sách vừa được thay đổi cùng lúc; hãy tải lại và thử lại.');
    throw e;
  }
}

/** The head drafts (again) the lines from the published ranking, the registrations and the rules. */
export async function draftYearNominations(db: Executor, yearId: string, ctx: Ctx): Promise<TNominations> {
  return oneAtATime(
    inTransaction(db, async (tx) => {
      const { access, facts, repo } = await loadForChange(tx, yearId, ctx);
      const before = await repo.lines(yearId);
      const { lines } = draftNominations(facts);
      const at = now().toISOString();
      await repo.replaceLines(
        yearId,
        lines.map((l) => ({
          id: uuidv7(),
          yearId,
          roundId: facts.round!.id,
          unitId: l.unitId,
          awardCode: l.awardCode,
          awardName: l.awardName,
          position: l.position,
          rank: l.rank,
          scoreText: l.scoreText,
          origin: 'rule' as const,
          included: true,
          reason: l.reason,
          changeReason: null,
          changedBy: null,
          changedAt: null,
          decision: null,
          decisionNumber: null,
          decisionDate: null,
          decisionNote: null,
          decidedBy: null,
          decidedAt: null,
          createdAt: at,
        })),
      );
      const summary = (ls: { unitId: string; awardCode: string }[]) =>
        ls.map((l) => `${l.unitId}|${l.awardCode}`);
      await recordAudit(tx, ctx, {
        action: 'nominations.drafted',
        entityType: 'year',
        entityId: yearId,
        before: { lines: summary(before.filter((l) => l.included)) },
        after: { roundId: facts.round!.id, rules: facts.rules, lines: summary(lines) },
      });
      await tellMembers(
        tx,
        access,
        `Danh sách đề nghị khen thưởng năm ${access.year}`,
        `Trưởng khối đã lập danh sách đề nghị khen thưởng năm ${access.year} (${lines.length} dòng) từ kết quả "${facts.round!.title}". Xem lý do từng dòng trong mục Đề nghị khen thưởng.`,
      );
      return presentNominations(tx, access, ctx, facts);
    }),
  );
}

/** The head takes a line out, with a written reason every member reads. */
export async function removeNomination(
  db: Executor,
  yearId: string,
  lineId: string,
  reason: string,
  ctx: Ctx,
): Promise<TNominations> {
  return inTransaction(db, async (tx) => {
    const { access, facts, repo } = await loadForChange(tx, yearId, ctx);
    const line = await repo.findLine(yearId, lineId);
    if (!line) throw notFound('dòng đề nghị khen thưởng');
    if (!line.included) throw conflict('Dòng này đã được bỏ khỏi danh sách.');
    const patch = {
      included: false,
      changeReason: reason,
      changedBy: ctx.actor.userId,
      changedAt: now().toISOString(),
    };
    await repo.updateLine(lineId, patch);
    await recordAudit(tx, ctx, {
      action: 'nominations.line-removed',
      entityType: 'nomination',
      entityId: lineId,
      before: { included: true, changeReason: line.changeReason },
      after: { included: false, unitId: line.unitId, awardCode: line.awardCode, reason },
    });
    const name = facts.ranking.find((u) => u.unitId === line.unitId)?.unitName;
    await tellMembers(
      tx,
      access,
      'Trưởng khối bỏ một dòng đề nghị khen thưởng',
      `Trưởng khối bỏ ${name ?? 'một đơn vị'} khỏi danh sách đề nghị ${line.awardName}. Lý do: ${reason}`,
    );
    return presentNominations(tx, access, ctx, facts);
  });
}

/**
 * The head adds a line (or puts back one taken out), with a written reason. The hard rules hold: a unit
 * with a missing or late sheet, without a score, or below the award's minimum score is refused.
 */
export async function addNomination(
  db: Executor,
  yearId: string,
  input: TNominationAdd,
  ctx: Ctx,
): Promise<TNominations> {
  return oneAtATime(
    inTransaction(db, async (tx) => {
      const { access, facts, repo } = await loadForChange(tx, yearId, ctx);
      const unit = facts.ranking.find((u) => u.unitId === input.unitId);
      if (!unit) throw invalid({ unitId: 'Đơn vị: không thuộc đợt chấm điểm cuối năm đã công bố' });
      const position = facts.rules.findIndex((r) => r.awardCode === input.awardCode);
      const rule = position >= 0 ? facts.rules[position]! : null;
      const awardName = rule?.awardName ?? input.awardName;
      const problem = hardRuleProblem(unit, rule && { awardName, minScore: rule.minScore });
      if (problem) throw conflict(`${unit.unitName}: ${problem}`);
      const existing = await repo.findLineOf(yearId, input.unitId, input.awardCode);
      if (existing?.included) {
        throw conflict(`${unit.unitName} đã có trong danh sách đề nghị ${awardName}.`);
      }
      const at = now().toISOString();
      const change = {
        included: true,
        changeReason: input.reason,
        changedBy: ctx.actor.userId,
        changedAt: at,
      };
      const id = existing?.id ?? uuidv7();
      if (existing) await repo.updateLine(id, change);
      else {
        await repo.insertLine({
          id,
          yearId,
          roundId: facts.round!.id,
          unitId: unit.unitId,
          awardCode: input.awardCode,
          awardName,
          position: position >= 0 ? position : facts.rules.length,
          rank: unit.rank,
          scoreText: unit.scoreText,
          origin: 'head',
          // The head's written reason stays in the line's reason even if a later change replaces changeReason.
          reason: `Trưởng khối bổ sung (xếp hạng ${unit.rank}/${facts.ranking.length}, ${unit.scoreText} điểm): ${input.reason}`,
          decision: null,
          decisionNumber: null,
          decisionDate: null,
          decisionNote: null,
          decidedBy: null,
          decidedAt: null,
          createdAt: at,
          ...change,
        });
      }
      await recordAudit(tx, ctx, {
        action: 'nominations.line-added',
        entityType: 'nomination',
        entityId: id,
        before: existing ? { included: false, changeReason: existing.changeReason } : null,
        after: { included: true, unitId: unit.unitId, awardCode: input.awardCode, reason: input.reason },
      });
      await tellMembers(
        tx,
        access,
        'Trưởng khối bổ sung một dòng đề nghị khen thưởng',
        `Trưởng khối đề nghị ${awardName} cho ${unit.unitName}. Lý do: ${input.reason}`,
      );
      return presentNominations(tx, access, ctx, facts);
    }),
  );
}

/** A draft approval ballot with one question per included line (through the ballots module). */
export async function ballotFromNominations(
  db: Executor,
  yearId: string,
  input: TNominationBallot,
  ctx: Ctx,
): Promise<TBallot> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.nominate, nominationWhy.nominate);
  const lines = (await createNominationRepository(db).lines(yearId)).filter((l) => l.included);
  if (!lines.length) throw conflict('Danh sách đề nghị khen thưởng chưa có dòng nào để bỏ phiếu.');
  const fields = ZNominationBallotSchema.parse(input);
  return createBallot(
    db,
    yearId,
    {
      kind: 'approval',
      ...fields,
      questions: lines.map((l) => ({ subjectUnitId: l.unitId, award: l.awardName, awardCode: l.awardCode })),
    },
    ctx,
  );
}
