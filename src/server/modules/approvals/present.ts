import { mayDecide, type Subject } from '../../../domain/access';
import type { TApproval } from '../../../shared/approvals';
import type { Approval } from './repository';

/** A request as people read it, with what the caller may do about it. */
export function presentApproval(a: Approval, subject: Subject, userId: string): TApproval {
  const reopening = a.action === 'round.reopen' ? a.payload : null;
  const pending = a.status === 'pending';
  return {
    id: a.id,
    yearId: a.yearId,
    action: a.action,
    targetId: a.targetId,
    targetTitle: a.roundTitle ?? `Kế hoạch ${a.planDocNumber ?? ''}`.trim(),
    unitId: a.unitId,
    unitName: a.unitName,
    reason: reopening?.reason ?? null,
    untilAt: reopening?.untilAt ?? null,
    approver: a.approver,
    status: a.status,
    requestedByName: a.requestedByName,
    requestedAt: a.requestedAt,
    decidedByName: a.decidedByName,
    decidedAt: a.decidedAt,
    decisionNote: a.decisionNote,
    can: {
      decide: pending && a.requestedBy !== userId && mayDecide(subject, a.approver, a.unitId),
      withdraw: pending && a.requestedBy === userId,
    },
  };
}
