import {
  APPROVE,
  REJECT,
  ROTATION_YEARS,
  defaultCandidates,
  effectiveStatus,
  tally,
  type Share,
} from '../../../domain/ballots';
import { headPublicAct, prepares } from '../../../domain/access';
import {
  ZBallotCreateSchema,
  seatLabels,
  type TBallot,
  type TBallotList,
  type TBallotTally,
  type TBallotUpdate,
} from '../../../shared/ballots';
import type { z } from 'zod';
import { allow, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor, Tx } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, invalid } from '../../errors';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { defsOf, loadBallot, presentBallot, why, type Loaded } from './load';
import { createBallotRepository, type BallotQuestion } from './repository';
import { randomId } from './secrecy';

/** Questions from the request: one per nominee and award, or the two seats with their candidates. */
async function buildQuestions(
  tx: Tx,
  ballotId: string,
  kind: 'approval' | 'election',
  input: TBallotUpdate,
  access: YearAccess,
): Promise<BallotQuestion[]> {
  const names = await createBallotRepository(tx).unitNames(access.memberUnitIds);
  const errors: Record<string, string> = {};
  if (kind === 'approval') {
    const qs = input.questions ?? [];
    if (!qs.length) errors.questions = 'Câu hỏi: cần ít nhất một đơn vị được đề nghị';
    qs.forEach((q, i) => {
      if (!names.has(q.subjectUnitId)) {
        errors[`questions.${i}.subjectUnitId`] = `Đơn vị (mục ${i + 1}): không thuộc Khối năm này`;
      }
    });
    if (Object.keys(errors).length) throw invalid(errors);
    return qs.map((q, i) => ({
      id: randomId(),
      ballotId,
      position: i,
      label: `${names.get(q.subjectUnitId)!.name} — ${q.award.trim()}`,
      subjectUnitId: q.subjectUnitId,
      seat: null,
      options: [APPROVE, REJECT],
      awardCode: q.awardCode ?? null,
    }));
  }
  let candidates = input.candidateUnitIds;
  if (!candidates?.length) {
    const heads = await createBallotRepository(tx).recentHeads(access.blocId, access.year, ROTATION_YEARS);
    const members = access.memberUnitIds.map((id) => ({ id, code: names.get(id)!.code }));
    candidates = defaultCandidates(members, heads);
  }
  candidates.forEach((id, i) => {
    if (!names.has(id)) errors[`candidateUnitIds.${i}`] = `Ứng viên (mục ${i + 1}): không thuộc Khối năm này`;
  });
  if (new Set(candidates).size < 2) errors.candidateUnitIds = 'Ứng viên: cần ít nhất hai đơn vị khác nhau';
  if (Object.keys(errors).length) throw invalid(errors);
  const unique = [...new Set(candidates)];
  return (['head', 'deputy'] as const).map((seat, i) => ({
    id: randomId(),
    ballotId,
    position: i,
    label: `${seatLabels[seat]} năm ${access.year + 1}`,
    subjectUnitId: null,
    seat,
    awardCode: null,
    options: unique,
  }));
}

function checkTimes(input: { opensAt: string; closesAt: string }) {
  if (Date.parse(input.closesAt) <= Date.parse(input.opensAt)) {
    throw invalid({ closesAt: 'Thời điểm đóng: phải sau thời điểm mở' });
  }
}

export async function createBallot(
  db: Executor,
  yearId: string,
  input: z.output<typeof ZBallotCreateSchema>,
  ctx: Ctx,
): Promise<TBallot> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(prepares(access.subject), why.edit);
    checkTimes(input);
    const id = randomId();
    const questions = await buildQuestions(tx, id, input.kind, input, access);
    const repo = createBallotRepository(tx);
    await repo.insert({
      id,
      yearId,
      kind: input.kind,
      title: input.title,
      status: 'draft',
      quorum: input.quorum,
      threshold: input.threshold,
      opensAt: new Date(input.opensAt).toISOString(),
      closesAt: new Date(input.closesAt).toISOString(),
      electorate: access.memberUnitIds,
      result: null,
      createdBy: ctx.actor.userId,
      createdAt: now().toISOString(),
      openedAt: null,
      closedAt: null,
    });
    await repo.replaceQuestions(id, questions);
    await recordAudit(tx, ctx, {
      action: 'ballot.created',
      entityType: 'ballot',
      entityId: id,
      after: { kind: input.kind, title: input.title, questions: questions.map((q) => q.label) },
    });
    return presentBallot(tx, await loadBallot(tx, id, ctx), ctx);
  });
}

/** Edits a draft: the questions, quorum, threshold and times are locked once the ballot opens. */
export async function updateBallot(
  db: Executor,
  id: string,
  input: TBallotUpdate,
  ctx: Ctx,
): Promise<TBallot> {
  return inTransaction(db, async (tx) => {
    const l = await loadBallot(tx, id, ctx);
    allow(prepares(l.access.subject), why.edit);
    if (l.ballot.status !== 'draft') {
      throw conflict('Cuộc bỏ phiếu đã mở: câu hỏi, tỷ lệ hợp lệ, tỷ lệ thông qua và thời gian đã khóa.');
    }
    checkTimes(input);
    const repo = createBallotRepository(tx);
    const questions = await buildQuestions(tx, id, l.ballot.kind, input, l.access);
    await repo.update(id, {
      title: input.title,
      quorum: input.quorum,
      threshold: input.threshold,
      opensAt: new Date(input.opensAt).toISOString(),
      closesAt: new Date(input.closesAt).toISOString(),
      electorate: l.access.memberUnitIds,
    });
    await repo.replaceQuestions(id, questions);
    await recordAudit(tx, ctx, {
      action: 'ballot.updated',
      entityType: 'ballot',
      entityId: id,
      before: {
        quorum: l.ballot.quorum,
        threshold: l.ballot.threshold,
        questions: l.questions.map((q) => q.label),
      },
      after: { quorum: input.quorum, threshold: input.threshold, questions: questions.map((q) => q.label) },
    });
    return presentBallot(tx, await loadBallot(tx, id, ctx), ctx);
  });
}

export async function openBallot(db: Executor, id: string, ctx: Ctx): Promise<TBallot> {
  return inTransaction(db, async (tx) => {
    const l = await loadBallot(tx, id, ctx);
    allow(headPublicAct(l.access.subject) === 'direct', why.openClose);
    if (l.ballot.status !== 'draft') throw conflict('Cuộc bỏ phiếu đã được mở.');
    if (Date.parse(l.ballot.closesAt) <= now().getTime()) {
      throw invalid({ closesAt: 'Thời điểm đóng: đã qua, hãy sửa thời gian trước khi mở' });
    }
    const electorate = l.access.memberUnitIds;
    const at = now().toISOString();
    if (
      !(await createBallotRepository(tx).transition(id, 'draft', {
        status: 'open',
        openedAt: at,
        electorate,
      }))
    ) {
      throw conflict('Cuộc bỏ phiếu đã được mở.');
    }
    await recordAudit(tx, ctx, {
      action: 'ballot.opened',
      entityType: 'ballot',
      entityId: id,
      after: {
        quorum: l.ballot.quorum,
        threshold: l.ballot.threshold,
        opensAt: l.ballot.opensAt,
        closesAt: l.ballot.closesAt,
        electorate,
      },
    });
    await notifyUnits(
      tx,
      'ballot',
      electorate.map((unitId) => ({
        unitId,
        title: `Bỏ phiếu kín: ${l.ballot.title}`,
        body: `Cuộc bỏ phiếu kín "${l.ballot.title}" đã mở. Lãnh đạo đơn vị (hoặc người được ủy quyền) bỏ phiếu trong ThiĐua.`,
      })),
      { yearId: l.ballot.yearId, leadersOnly: true },
    );
    return presentBallot(tx, await loadBallot(tx, id, ctx), ctx);
  });
}

/**
 * Closes the ballot and publishes its tally (by the head's leader, when its time is over, or when the whole
 * electorate has voted). Members are notified; an election's outcome is kept for next year's roles.
 */
export async function closeAndPublish(
  tx: Tx,
  l: Loaded,
  ctx: Ctx | { actor: null; requestId: string },
): Promise<void> {
  const repo = createBallotRepository(tx);
  const rows = await repo.choices(l.ballot.id);
  const papers = new Map<string, Record<string, string>>();
  for (const r of rows) papers.set(r.receipt, { ...(papers.get(r.receipt) ?? {}), [r.questionId]: r.choice });
  const electorate = l.ballot.electorate;
  const counted = tally(
    defsOf(l.questions),
    [...papers.values()],
    electorate.length,
    l.ballot.quorum as Share,
    l.ballot.threshold as Share,
  );
  const published: TBallotTally = {
    ...counted,
    papers: [...papers.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([receipt, choices]) => ({ receipt, choices })),
  };
  const closedAt = now().toISOString();
  if (
    !(await repo.transition(l.ballot.id, 'open', {
      status: 'closed',
      closedAt,
      result: published,
    }))
  ) {
    return;
  }
  const outcomes = Object.fromEntries(counted.questions.map((q) => [q.questionId, q.outcome]));
  await recordAudit(tx, ctx, {
    action: 'ballot.closed',
    entityType: 'ballot',
    entityId: l.ballot.id,
    after: {
      voted: counted.voted,
      electorate: counted.electorate,
      quorumReached: counted.quorumReached,
      outcomes,
    },
  });
  await notifyUnits(
    tx,
    'ballot',
    electorate.map((unitId) => ({
      unitId,
      title: `Kết quả bỏ phiếu: ${l.ballot.title}`,
      body: `Cuộc bỏ phiếu kín "${l.ballot.title}" đã kết thúc: ${counted.voted}/${counted.electorate} đơn vị đã bỏ phiếu${counted.quorumReached ? '' : ' (không đủ tỷ lệ hợp lệ)'}. Kết quả đã được công bố trong ThiĐua.`,
    })),
    { yearId: l.ballot.yearId },
  );
}

/** Closes an open ballot whose time is over (on reading it), so that its tally is published. */
async function closeIfDue(tx: Tx, l: Loaded, ctx: Ctx): Promise<Loaded> {
  if (l.ballot.status !== 'open' || effectiveStatus(l.ballot, now()) !== 'closed') return l;
  await closeAndPublish(tx, l, { actor: null, requestId: ctx.requestId });
  return loadBallot(tx, l.ballot.id, ctx);
}

export async function closeBallot(db: Executor, id: string, ctx: Ctx): Promise<TBallot> {
  return inTransaction(db, async (tx) => {
    const l = await loadBallot(tx, id, ctx);
    allow(headPublicAct(l.access.subject) === 'direct', why.openClose);
    if (l.ballot.status !== 'open') throw conflict('Chỉ đóng được cuộc bỏ phiếu đang mở.');
    await closeAndPublish(tx, l, ctx);
    return presentBallot(tx, await loadBallot(tx, id, ctx), ctx);
  });
}

export async function getBallot(db: Executor, id: string, ctx: Ctx): Promise<TBallot> {
  return inTransaction(db, async (tx) =>
    presentBallot(tx, await closeIfDue(tx, await loadBallot(tx, id, ctx), ctx), ctx),
  );
}

export async function listBallots(db: Executor, yearId: string, ctx: Ctx): Promise<TBallotList> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.read, why.read);
  const repo = createBallotRepository(db);
  const rows = await repo.listOfYear(yearId);
  const counts = await repo.votedCounts(rows.map((r) => r.id));
  const at = now();
  return {
    items: rows.map((b) => ({
      id: b.id,
      yearId: b.yearId,
      kind: b.kind,
      title: b.title,
      status: effectiveStatus(b, at),
      opensAt: b.opensAt,
      closesAt: b.closesAt,
      electorateSize: b.electorate.length,
      votedCount: counts.get(b.id) ?? 0,
    })),
    can: { create: prepares(access.subject), createNextYear: headPublicAct(access.subject) === 'direct' },
  };
}

/** The head and deputy an election elected for next year (null when it elected nobody). */
export async function electedRoles(
  db: Executor,
  yearId: string,
): Promise<{ headUnitId: string | null; deputyUnitId: string | null } | null> {
  const repo = createBallotRepository(db);
  for (const b of await repo.latestElection(yearId)) {
    const t = b.result;
    if (!t) continue;
    const qs = await repo.questions(b.id);
    const seat = (s: 'head' | 'deputy') =>
      t.questions.find((q) => q.questionId === qs.find((x) => x.seat === s)?.id)?.outcome ?? null;
    return { headUnitId: seat('head'), deputyUnitId: seat('deputy') };
  }
  return null;
}
