import { randomUUID } from 'node:crypto';
import { headPublicAct, mayDecide, reopenApprover, reopenPower, type Approver } from '../../../domain/access';
import {
  ZApprovalRequestSchema,
  type TApproval,
  type TApprovalAction,
  type TApprovalRequest,
} from '../../../shared/approvals';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor, Tx } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/repository';
import { notifyBoard, notifyUnits, notifyUser } from '../notifications/notify';
import { createOrgRepository } from '../org/repository';
import { checkPublishable, loadPlan, publishLoaded as publishPlanLoaded } from '../plans/plan-service';
import { roundFacts, yearAccess, type YearAccess } from '../../access';
import { loadRound } from '../scoring/context';
import { checkReopening, closeLoaded, publishLoaded, reopenLoaded } from '../scoring/round-actions';
import { presentApproval } from './present';
import { createApprovalRepository, type Approval } from './repository';

export const actionLabels: Record<TApprovalAction, string> = {
  'plan.publish': 'ban hành kế hoạch',
  'round.close': 'đóng đợt chấm',
  'round.reopen': 'mở lại bảng điểm',
  'round.publish': 'công bố kết quả',
};

const notRequestable = 'Bạn không gửi được đề nghị này (bạn tự thực hiện được, hoặc không có quyền).';

interface Target {
  yearId: string;
  access: YearAccess;
  targetId: string;
  title: string;
  unitId: string | null;
  approver: Approver;
  payload: object;
}

/** Checks what is asked against the target now, so that nobody is asked to approve what would fail. */
async function targetOf(
  tx: Tx,
  req: ReturnType<typeof ZApprovalRequestSchema.parse>,
  ctx: Ctx,
): Promise<Target> {
  if (req.action === 'plan.publish') {
    const { plan, access } = await loadPlan(tx, req.planId, ctx);
    if (headPublicAct(access.subject) !== 'request') throw forbidden(notRequestable);
    checkPublishable(plan, access, req);
    const payload = { revision: req.revision, acknowledgedWarnings: req.acknowledgedWarnings };
    return {
      yearId: access.yearId,
      access,
      targetId: plan.id,
      title: 'Kế hoạch',
      unitId: null,
      approver: 'head-leader',
      payload,
    };
  }
  const rc = await loadRound(tx, req.roundId, ctx.actor);
  const base = { yearId: rc.round.yearId, access: rc.access, targetId: rc.round.id, title: rc.round.title };
  if (req.action === 'round.reopen') {
    const facts = roundFacts(
      rc.round,
      rc.access,
      rc.members.map((m) => m.id),
    );
    if (reopenPower(rc.subject, facts, req.unitId) !== 'request') throw forbidden(notRequestable);
    checkReopening(rc, req);
    const payload = { unitId: req.unitId, reason: req.reason, untilAt: new Date(req.untilAt).toISOString() };
    return { ...base, unitId: req.unitId, approver: reopenApprover(facts, req.unitId), payload };
  }
  if (headPublicAct(rc.subject) !== 'request') throw forbidden(notRequestable);
  const wanted = req.action === 'round.close' ? 'open' : 'closed';
  if (rc.round.status !== wanted) {
    throw conflict(`Đợt chấm đang ở trạng thái không thể ${actionLabels[req.action]}.`);
  }
  return { ...base, unitId: null, approver: 'head-leader', payload: {} };
}

/** Tells those who may decide that a request waits for them. */
async function tellApprovers(tx: Executor, t: Target, title: string, body: string): Promise<void> {
  const toLeaders = (unitId: string | null) =>
    unitId
      ? notifyUnits(tx, 'approval', [{ unitId, title, body }], { yearId: t.yearId, leadersOnly: true })
      : null;
  if (t.approver === 'head-leader') await toLeaders(t.access.headUnitId);
  if (t.approver === 'deputy-or-board') await toLeaders(t.access.deputyUnitId);
  if (t.approver !== 'head-leader') await notifyBoard(tx, 'approval', { title, body }, { yearId: t.yearId });
}

/** Files a request for what the caller may not do alone; the one who may decide is told. */
export async function requestApproval(db: Executor, input: TApprovalRequest, ctx: Ctx): Promise<TApproval> {
  const req = ZApprovalRequestSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const t = await targetOf(tx, req, ctx);
    const repo = createApprovalRepository(tx);
    if (await repo.findPending(req.action, t.targetId, t.unitId)) {
      throw conflict('Đã có một đề nghị như vậy đang chờ duyệt.');
    }
    const row = {
      id: randomUUID(),
      yearId: t.yearId,
      action: req.action,
      targetId: t.targetId,
      unitId: t.unitId,
      payload: t.payload,
      approver: t.approver,
      status: 'pending' as const,
      requestedBy: ctx.actor.userId,
      requestedAt: now().toISOString(),
      decidedBy: null,
      decidedAt: null,
      decisionNote: null,
    };
    await repo.insert(row);
    await recordAudit(tx, ctx, {
      action: 'approval.requested',
      entityType: 'approval',
      entityId: row.id,
      after: row,
    });
    const saved = (await repo.find(row.id))!;
    const what = `${actionLabels[req.action]}${saved.unitName ? ` cho ${saved.unitName}` : ''}`;
    const reason = 'reason' in req ? `\nLý do: ${req.reason}` : '';
    await tellApprovers(
      tx,
      t,
      `Đề nghị ${what} chờ bạn duyệt`,
      `${saved.requestedByName} đề nghị ${what} (${t.title}).${reason}`,
    );
    return presentApproval(saved, t.access.subject, ctx.actor.userId);
  });
}

/** A request with the year access of the caller; refused unless the caller may decide it now. */
async function decidable(tx: Tx, id: string, ctx: Ctx): Promise<{ a: Approval; access: YearAccess }> {
  const a = await createApprovalRepository(tx).find(id);
  if (!a) throw notFound('đề nghị');
  const access = await yearAccess(tx, a.yearId, ctx.actor);
  if (a.status !== 'pending') throw conflict('Đề nghị này đã được xử lý.');
  if (a.requestedBy === ctx.actor.userId || !mayDecide(access.subject, a.approver, a.unitId)) {
    throw forbidden('Bạn không có quyền duyệt đề nghị này.');
  }
  return { a, access };
}

/** Does what was asked, as the one who approves it, in the approval's transaction. */
async function execute(tx: Tx, a: Approval, ctx: Ctx): Promise<void> {
  const approved = { approvalId: a.id, requestedBy: a.requestedBy };
  if (a.action === 'plan.publish') {
    const { plan, access } = await loadPlan(tx, a.targetId, ctx);
    await publishPlanLoaded(tx, plan, access, a.payload, ctx, approved);
    return;
  }
  const rc = await loadRound(tx, a.targetId, ctx.actor);
  if (a.action === 'round.close') await closeLoaded(tx, rc, ctx, approved);
  else if (a.action === 'round.publish') await publishLoaded(tx, rc, ctx, approved);
  else await reopenLoaded(tx, rc, a.payload, ctx, approved);
}

/** Approves a request: what was asked is done now, by the approver; the requester is told. */
export async function approve(
  db: Executor,
  id: string,
  input: { note?: string },
  ctx: Ctx,
): Promise<TApproval> {
  return decide(db, id, 'approved', input.note ?? '', ctx);
}

/** Refuses a request with a reason every member can read; the requester is told. */
export async function refuse(
  db: Executor,
  id: string,
  input: { note: string },
  ctx: Ctx,
): Promise<TApproval> {
  return decide(db, id, 'refused', input.note, ctx);
}

async function decide(db: Executor, id: string, status: 'approved' | 'refused', note: string, ctx: Ctx) {
  return inTransaction(db, async (tx) => {
    const { a, access } = await decidable(tx, id, ctx);
    const at = now().toISOString();
    const patch = { status, decidedBy: ctx.actor.userId, decidedAt: at, decisionNote: note || null };
    if (!(await createApprovalRepository(tx).decide(id, patch))) throw conflict('Đề nghị này đã được xử lý.');
    if (status === 'approved') await execute(tx, a, ctx);
    await recordAudit(tx, ctx, {
      action: `approval.${status}`,
      entityType: 'approval',
      entityId: id,
      before: { status: 'pending' },
      after: patch,
    });
    const what = `${actionLabels[a.action]}${a.unitName ? ` cho ${a.unitName}` : ''}`;
    const verdict = status === 'approved' ? 'đã được duyệt' : 'bị từ chối';
    await notifyUser(
      tx,
      'approval',
      a.requestedBy,
      {
        title: `Đề nghị ${what} ${verdict}`,
        body: `${a.roundTitle ?? 'Kế hoạch'}: đề nghị ${what} ${verdict}.${note ? `\nÝ kiến: ${note}` : ''}`,
      },
      { yearId: a.yearId },
    );
    return presentApproval((await createApprovalRepository(tx).find(id))!, access.subject, ctx.actor.userId);
  });
}

/** The requester takes back a request that nobody decided yet. */
export async function withdraw(db: Executor, id: string, ctx: Ctx): Promise<TApproval> {
  return inTransaction(db, async (tx) => {
    const repo = createApprovalRepository(tx);
    const a = await repo.find(id);
    if (!a) throw notFound('đề nghị');
    if (a.requestedBy !== ctx.actor.userId) throw forbidden('Chỉ người gửi đề nghị được rút đề nghị.');
    const patch = {
      status: 'withdrawn' as const,
      decidedBy: ctx.actor.userId,
      decidedAt: now().toISOString(),
      decisionNote: null,
    };
    if (!(await repo.decide(id, patch))) throw conflict('Đề nghị này đã được xử lý.');
    await recordAudit(tx, ctx, {
      action: 'approval.withdrawn',
      entityType: 'approval',
      entityId: id,
      before: { status: 'pending' },
      after: patch,
    });
    const access = await yearAccess(tx, a.yearId, ctx.actor);
    return presentApproval((await repo.find(id))!, access.subject, ctx.actor.userId);
  });
}

/** A year's requests: those who run the year (head, deputy) and the board read them. */
export async function listApprovals(
  db: Executor,
  yearId: string,
  q: { status: 'pending' | 'all' },
  ctx: Ctx,
): Promise<TApproval[]> {
  const access = await yearAccess(db, yearId, ctx.actor);
  const subject = access.subject;
  if (!(subject.yearRole === 'head' || subject.yearRole === 'deputy' || subject.role === 'board')) {
    throw forbidden('Chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT xem các đề nghị duyệt.');
  }
  const rows = await createApprovalRepository(db).listOfYear(yearId, q.status === 'pending');
  return rows.map((a) => presentApproval(a, subject, ctx.actor.userId));
}

/** What waits for the caller's decision, across the caller's years (the home page's "Cần duyệt"). */
export async function myApprovals(db: Executor, ctx: Ctx): Promise<TApproval[]> {
  if (ctx.actor.role !== 'board' && ctx.actor.role !== 'leader') return [];
  const org = createOrgRepository(db);
  const yearIds =
    ctx.actor.role === 'board'
      ? (await org.listYears()).map((y) => y.id)
      : await org.yearIdsOfUnit(ctx.actor.unitId ?? '');
  const rows = await createApprovalRepository(db).pendingOfYears(yearIds);
  const out: TApproval[] = [];
  const accessOf = new Map<string, YearAccess>();
  for (const a of rows) {
    let access = accessOf.get(a.yearId);
    if (!access) accessOf.set(a.yearId, (access = await yearAccess(db, a.yearId, ctx.actor)));
    const item = presentApproval(a, access.subject, ctx.actor.userId);
    if (item.can.decide) out.push(item);
  }
  return out;
}
