import { z } from './zod';

export const approvalActions = ['plan.publish', 'round.close', 'round.reopen', 'round.publish'] as const;
export type TApprovalAction = (typeof approvalActions)[number];
export const approvers = ['head-leader', 'deputy-or-board', 'board'] as const;
export const approvalStatuses = ['pending', 'approved', 'refused', 'withdrawn'] as const;

/** What asking for an approval says: the action, what it acts on, and what the action needs. */
export const ZApprovalRequestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('round.close'), roundId: z.uuid() }),
  z.object({ action: z.literal('round.publish'), roundId: z.uuid() }),
  z.object({
    action: z.literal('round.reopen'),
    roundId: z.uuid(),
    unitId: z.uuid(),
    reason: z.string().trim().min(10).max(2000),
    untilAt: z.iso.datetime({ offset: true }),
  }),
  z.object({
    action: z.literal('plan.publish'),
    planId: z.uuid(),
    revision: z.number().int().min(0),
    acknowledgedWarnings: z.array(z.string().max(200)).max(200).default([]),
  }),
]);
export type TApprovalRequest = z.input<typeof ZApprovalRequestSchema>;

/** Approving may carry a note; refusing must say why (every member can read it). */
export const ZApprovalDecisionSchema = z.object({ note: z.string().trim().max(2000).default('') });
export const ZApprovalRefusalSchema = z.object({ note: z.string().trim().min(10).max(2000) });

export const ZApprovalSchema = z.object({
  id: z.string(),
  yearId: z.string(),
  action: z.enum(approvalActions),
  targetId: z.string(),
  /** The round's title or the plan's number, as people name it. */
  targetTitle: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  /** A reopening's reason and limit. */
  reason: z.string().nullable(),
  untilAt: z.string().nullable(),
  approver: z.enum(approvers),
  status: z.enum(approvalStatuses),
  requestedByName: z.string(),
  requestedAt: z.string(),
  decidedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  can: z.object({ decide: z.boolean(), withdraw: z.boolean() }),
});
export type TApproval = z.infer<typeof ZApprovalSchema>;

export const ZApprovalListQuerySchema = z.object({
  status: z.enum(['pending', 'all']).default('pending'),
});
