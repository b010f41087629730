import { mayDecide, type Subject } from '../../../domain/access';
import type { TApproval } from '../../../shared/approvals';
import type { ApprovalRow } from './repository';

const docNumber = (json: string | null): string => {
  if (!json) return '';
  const parsed = JSON.parse(json) as { docNumber?: unknown };
  return typeof parsed.docNumber === 'string' ? parsed.docNumber : '';
};

/** A request as people read it, with what the caller may do about it. */
export function presentApproval(a: ApprovalRow, subject: Subject, userId: string): TApproval {
  const payload = JSON.parse(a.payloadJson) as { reason?: string; untilAt?: string };
  const pending = a.status === 'pending';
  return {
    id: a.id,
    yearId: a.yearId,
    action: a.action,
    targetId: a.targetId,
    targetTitle: a.roundTitle ?? `Kế hoạch ${docNumber(a.planJson)}`.trim(),
    unitId: a.unitId,
    unitName: a.unitName,
    reason: payload.reason ?? null,
    untilAt: payload.untilAt ?? null,
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
