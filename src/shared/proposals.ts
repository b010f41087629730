import { z } from './zod';

export const proposalStatuses = ['drafted', 'sent', 'decided'] as const;
export const lineStandings = ['proposed', 'excluded', 'vote-pending', 'vote-failed'] as const;
export const decisions = ['approved', 'rejected'] as const;

/** A calendar date, yyyy-MM-dd. */
const ZDay = z.iso.date();

export const ZProposalSendSchema = z.object({
  /** "25/TTr-KTĐ" */
  docNumber: z.string().trim().min(1).max(60),
  sentOn: ZDay,
});
export type TProposalSend = z.input<typeof ZProposalSendSchema>;

export const ZDecisionRequestSchema = z.object({
  decision: z.enum(decisions),
  decisionNumber: z.string().trim().min(1).max(60),
  decisionDate: ZDay,
  note: z.string().trim().max(1000).optional(),
});
export type TDecisionRequest = z.input<typeof ZDecisionRequestSchema>;

export const ZProposalLineSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  rank: z.number().int().nullable(),
  scoreText: z.string().nullable(),
  reason: z.string(),
  changeReason: z.string().nullable(),
  standing: z.enum(lineStandings),
  decision: z.enum(decisions).nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
  decisionNote: z.string().nullable(),
  files: z.array(z.object({ id: z.string(), filename: z.string() })),
});
export type TProposalLine = z.infer<typeof ZProposalLineSchema>;

export const ZProposalSchema = z.object({
  yearId: z.string(),
  year: z.number().int(),
  blocName: z.string(),
  status: z.enum(proposalStatuses),
  docNumber: z.string().nullable(),
  sentOn: z.string().nullable(),
  decidedAt: z.string().nullable(),
  /** The published year-end round whose ranking the documents show (null before publication). */
  roundId: z.string().nullable(),
  lines: z.array(ZProposalLineSchema),
  can: z.object({
    download: z.boolean(),
    dossier: z.boolean(),
    send: z.boolean(),
    recordDecision: z.boolean(),
  }),
});
export type TProposal = z.infer<typeof ZProposalSchema>;

/** One decided (approved) award: a line of a unit's history and of the board's search. */
export const ZAwardSchema = z.object({
  nominationId: z.string(),
  year: z.number().int(),
  yearId: z.string(),
  blocId: z.string(),
  blocName: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  rank: z.number().int().nullable(),
  scoreText: z.string().nullable(),
  decisionNumber: z.string().nullable(),
  decisionDate: z.string().nullable(),
});
export type TAward = z.infer<typeof ZAwardSchema>;
export const ZAwardListSchema = z.object({ items: z.array(ZAwardSchema) });
export type TAwardList = z.infer<typeof ZAwardListSchema>;
/** A unit's award history: its name, and its approved awards across years. */
export const ZUnitAwardsSchema = ZAwardListSchema.extend({ unitId: z.string(), unitName: z.string() });
export type TUnitAwards = z.infer<typeof ZUnitAwardsSchema>;

export const ZAwardSearchQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  blocId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  awardCode: z.string().trim().min(1).max(60).optional(),
});
export type TAwardSearchQuery = z.infer<typeof ZAwardSearchQuerySchema>;

export const ZPublicResultsRequestSchema = z.object({ publicResults: z.boolean() });
