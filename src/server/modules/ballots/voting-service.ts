/** Voting: a unit's secret vote, and the leader's delegation of it to an officer. */
import { ballotCan, checkPaper } from '../../../domain/ballots';
import type { TBallot, TBallotVote } from '../../../shared/ballots';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, forbidden, invalid } from '../../errors';
import { recordAudit } from '../audit/repository';
import { defsOf, factsOf, loadBallot, presentBallot, why } from './load';
import { createBallotRepository } from './repository';
import { randomId, receiptCode, shuffle } from './secrecy';
import { closeAndPublish } from './service';

/**
 * Casts the caller's unit's vote. The voter row (who) and the choices (what) are written in one
 * transaction; the choices carry a random id and the receipt, and the ballot's choices are rewritten in a
 * shuffled order so that neither storage order nor (on PostgreSQL) the writing transaction tells whose
 * they are. The audit records only that the unit voted.
 */
export async function vote(
  db: Executor,
  id: string,
  input: TBallotVote,
  ctx: Ctx,
): Promise<{ receipt: string }> {
  const result = await inTransaction(db, async (tx) => {
    const l = await loadBallot(tx, id, ctx);
    const facts = await factsOf(tx, l, ctx);
    const may = ballotCan(l.access.subject, ctx.actor.userId, {
      ...facts,
      status: 'open',
      withinWindow: true,
      myUnitVoted: false,
    }).vote;
    if (!may) throw forbidden(why.vote);
    if (facts.status !== 'open' || !facts.withinWindow) {
      throw conflict('Cuộc bỏ phiếu không mở vào lúc này (chưa đến giờ mở hoặc đã đóng).');
    }
    if (facts.myUnitVoted) throw conflict('Đơn vị của bạn đã bỏ phiếu.');
    const defs = defsOf(l.questions);
    const errors = checkPaper(defs, input.choices);
    if (Object.keys(errors).length) {
      const label = new Map(l.questions.map((q) => [q.id, q.label]));
      throw invalid(
        Object.fromEntries(
          Object.entries(errors).map(([q, e]) => [`choices.${q}`, `${label.get(q) ?? 'Câu hỏi'}: ${e}`]),
        ),
      );
    }
    const repo = createBallotRepository(tx);
    const unitId = ctx.actor.unitId!;
    try {
      await repo.insertVoter({
        ballotId: id,
        unitId,
        userId: ctx.actor.userId,
        votedAt: now().toISOString(),
      });
    } catch (e) {
      throw isUniqueViolation(e) ? conflict('Đơn vị của bạn đã bỏ phiếu.') : e;
    }
    const receipt = receiptCode();
    const existing = await repo.choices(id);
    const mine = defs.map((q) => ({ receipt, questionId: q.id, choice: input.choices[q.id]! }));
    await repo.rewriteChoices(
      id,
      shuffle([...existing, ...mine]).map((c) => ({ id: randomId(), ballotId: id, ...c })),
    );
    await recordAudit(tx, ctx, {
      action: 'ballot.voted',
      entityType: 'ballot',
      entityId: id,
      after: { unitId },
    });
    const voted = await repo.votedUnitIds(id);
    if (l.ballot.electorate.every((u) => voted.includes(u))) await closeAndPublish(tx, l, ctx);
    return { receipt };
  });
  return result;
}

/** The unit's leader lets one of the unit's officers cast the unit's vote (recorded and audited). */
export async function delegateVote(db: Executor, id: string, userId: string, ctx: Ctx): Promise<TBallot> {
  return inTransaction(db, async (tx) => {
    const l = await loadBallot(tx, id, ctx);
    const facts = await factsOf(tx, l, ctx);
    if (
      !ballotCan(l.access.subject, ctx.actor.userId, { ...facts, status: 'open', myUnitVoted: false })
        .delegate
    ) {
      throw forbidden(why.delegate);
    }
    if (facts.status === 'closed' || facts.myUnitVoted) {
      throw conflict('Không ủy quyền được: đơn vị đã bỏ phiếu hoặc cuộc bỏ phiếu đã đóng.');
    }
    const repo = createBallotRepository(tx);
    const unitId = ctx.actor.unitId!;
    if (!(await repo.officersOf(unitId)).some((o) => o.userId === userId)) {
      throw invalid({ userId: 'Người được ủy quyền: phải là cán bộ đang hoạt động của đơn vị' });
    }
    await repo.setDelegate({
      ballotId: id,
      unitId,
      userId,
      delegatedBy: ctx.actor.userId,
      delegatedAt: now().toISOString(),
    });
    await recordAudit(tx, ctx, {
      action: 'ballot.delegated',
      entityType: 'ballot',
      entityId: id,
      after: { unitId, userId },
    });
    return presentBallot(tx, l, ctx);
  });
}
