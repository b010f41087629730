import {
  APPROVE,
  REJECT,
  ROTATION_YEARS,
  ballotCan,
  checkPaper,
  defaultCandidates,
  effectiveStatus,
  tally,
  withinWindow,
  type BallotFacts,
  type QuestionDef,
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
  type TBallotVote,
} from '../../../shared/ballots';
import type { z } from 'zod';
import { allow, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import type { Executor, Tx } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, forbidden, invalid, notFound } from '../../errors';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { createBallotRepository, type Ballot, type BallotQuestion } from './repository';
import { randomId, receiptCode, shuffle } from './secrecy';

const why = {
  edit: 'Chỉ Trưởng khối (cán bộ hoặc lãnh đạo đơn vị Trưởng khối) soạn được phiếu bầu.',
  openClose: 'Chỉ lãnh đạo đơn vị Trưởng khối mở và đóng được cuộc bỏ phiếu.',
  vote: 'Chỉ lãnh đạo đơn vị thành viên (hoặc người được lãnh đạo ủy quyền) bỏ phiếu được.',
  delegate: 'Chỉ lãnh đạo đơn vị thành viên ủy quyền bỏ phiếu được.',
  read: 'Bạn không thuộc Khối trong năm này.',
};

interface Loaded {
  ballot: Ballot;
  access: YearAccess;
  questions: BallotQuestion[];
}

async function loadBallot(tx: Executor, id: string, ctx: Ctx): Promise<Loaded> {
  const repo = createBallotRepository(tx);
  const ballot = await repo.find(id);
  if (!ballot) throw notFound('cuộc bỏ phiếu');
  const access = await yearAccess(tx, ballot.yearId, ctx.actor);
  allow(access.can.read, why.read);
  return { ballot, access, questions: await repo.questions(id) };
}

const defsOf = (qs: BallotQuestion[]): QuestionDef[] =>
  qs.map((q) => ({ id: q.id, seat: q.seat, options: q.options }));

async function factsOf(tx: Executor, l: Loaded, ctx: Ctx): Promise<BallotFacts> {
  const repo = createBallotRepository(tx);
  const unitId = ctx.actor.unitId;
  const at = now();
  return {
    status: effectiveStatus(l.ballot, at),
    electorate: l.ballot.electorate,
    delegateUserId: unitId ? ((await repo.delegate(l.ballot.id, unitId))?.userId ?? null) : null,
    myUnitVoted: unitId ? (await repo.votedUnitIds(l.ballot.id)).includes(unitId) : false,
    withinWindow: withinWindow(l.ballot, at),
  };
}

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
async function closeAndPublish(
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

const optionLabel = (v: string, names: Map<string, { name: string }>) =>
  v === APPROVE ? 'Đồng ý' : v === REJECT ? 'Không đồng ý' : (names.get(v)?.name ?? v);

async function presentBallot(tx: Executor, l: Loaded, ctx: Ctx): Promise<TBallot> {
  const repo = createBallotRepository(tx);
  const facts = await factsOf(tx, l, ctx);
  const electorate = l.ballot.electorate;
  const defs = defsOf(l.questions);
  const names = await repo.unitNames(
    [...new Set([...electorate, ...defs.flatMap((d) => d.options)])].filter(
      (x) => x !== APPROVE && x !== REJECT,
    ),
  );
  const can = ballotCan(l.access.subject, ctx.actor.userId, facts);
  const unitId = ctx.actor.unitId;
  const inElectorate = unitId !== null && electorate.includes(unitId);
  const delegate = inElectorate ? await repo.delegate(l.ballot.id, unitId) : undefined;
  const showDelegate = delegate && (ctx.actor.role === 'leader' || delegate.userId === ctx.actor.userId);
  return {
    id: l.ballot.id,
    yearId: l.ballot.yearId,
    kind: l.ballot.kind,
    title: l.ballot.title,
    status: facts.status,
    opensAt: l.ballot.opensAt,
    closesAt: l.ballot.closesAt,
    quorum: l.ballot.quorum as Share,
    threshold: l.ballot.threshold as Share,
    electorateSize: electorate.length,
    votedCount: (await repo.votedUnitIds(l.ballot.id)).length,
    questions: l.questions.map((q, i) => ({
      id: q.id,
      label: q.label,
      subjectUnitId: q.subjectUnitId,
      seat: q.seat,
      options: defs[i]!.options.map((v) => ({ value: v, label: optionLabel(v, names) })),
    })),
    electorate: electorate.map((u) => ({ unitId: u, unitName: names.get(u)?.name ?? u })),
    myUnitVoted: facts.myUnitVoted,
    myDelegate: showDelegate ? { userId: delegate.userId, fullName: delegate.fullName } : null,
    delegateOptions: can.delegate && unitId ? await repo.officersOf(unitId) : [],
    tally: can.tally ? l.ballot.result : null,
    can,
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
