/** A ballot as every ballot service loads it — with the caller's access and facts — and presents it. */
import {
  APPROVE,
  REJECT,
  ballotCan,
  effectiveStatus,
  withinWindow,
  type BallotFacts,
  type QuestionDef,
  type Share,
} from '../../../domain/ballots';
import type { TBallot } from '../../../shared/ballots';
import { allow, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { notFound } from '../../errors';
import { createBallotRepository, type Ballot, type BallotQuestion } from './repository';

export const why = {
  edit: 'Chỉ Trưởng khối (cán bộ hoặc lãnh đạo đơn vị Trưởng khối) soạn được phiếu bầu.',
  openClose: 'Chỉ lãnh đạo đơn vị Trưởng khối mở và đóng được cuộc bỏ phiếu.',
  vote: 'Chỉ lãnh đạo đơn vị thành viên (hoặc người được lãnh đạo ủy quyền) bỏ phiếu được.',
  delegate: 'Chỉ lãnh đạo đơn vị thành viên ủy quyền bỏ phiếu được.',
  read: 'Bạn không thuộc Khối trong năm này.',
};

export interface Loaded {
  ballot: Ballot;
  access: YearAccess;
  questions: BallotQuestion[];
}

export async function loadBallot(tx: Executor, id: string, ctx: Ctx): Promise<Loaded> {
  const repo = createBallotRepository(tx);
  const ballot = await repo.find(id);
  if (!ballot) throw notFound('cuộc bỏ phiếu');
  const access = await yearAccess(tx, ballot.yearId, ctx.actor);
  allow(access.can.read, why.read);
  return { ballot, access, questions: await repo.questions(id) };
}

export const defsOf = (qs: BallotQuestion[]): QuestionDef[] =>
  qs.map((q) => ({ id: q.id, seat: q.seat, options: q.options }));

export async function factsOf(tx: Executor, l: Loaded, ctx: Ctx): Promise<BallotFacts> {
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

const optionLabel = (v: string, names: Map<string, { name: string }>) =>
  v === APPROVE ? 'Đồng ý' : v === REJECT ? 'Không đồng ý' : (names.get(v)?.name ?? v);

export async function presentBallot(tx: Executor, l: Loaded, ctx: Ctx): Promise<TBallot> {
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
