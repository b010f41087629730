import { z } from './zod';

export const ballotKinds = ['approval', 'election'] as const;
export const ballotStatuses = ['draft', 'open', 'closed'] as const;
export const ballotShares = ['more-than-half', 'two-thirds', 'three-quarters', 'all'] as const;
export const ballotSeats = ['head', 'deputy'] as const;

/** How the shares read in Vietnamese (of the electorate). */
export const shareLabels: Record<(typeof ballotShares)[number], string> = {
  'more-than-half': 'Quá nửa tổng số đơn vị',
  'two-thirds': 'Từ hai phần ba tổng số đơn vị',
  'three-quarters': 'Từ ba phần tư tổng số đơn vị',
  all: 'Toàn bộ đơn vị',
};
export const seatLabels: Record<(typeof ballotSeats)[number], string> = {
  head: 'Trưởng khối',
  deputy: 'Phó khối',
};

const ZBallotFieldsSchema = z.object({
  title: z.string().trim().min(3).max(300),
  quorum: z.enum(ballotShares),
  threshold: z.enum(ballotShares),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  /** Approval: one question per nominee and award. */
  questions: z
    .array(
      z.object({
        subjectUnitId: z.uuid(),
        award: z.string().trim().min(2).max(200),
        /** The catalogue code when the question comes from a nomination line. */
        awardCode: z.string().trim().max(60).nullable().optional(),
      }),
    )
    .max(200)
    .optional(),
  /** Election: the candidate units; the bloc's rotation rule gives them when left out. */
  candidateUnitIds: z.array(z.uuid()).max(200).optional(),
});

export const ZBallotCreateSchema = ZBallotFieldsSchema.extend({ kind: z.enum(ballotKinds) });
export type TBallotCreate = z.input<typeof ZBallotCreateSchema>;
export const ZBallotUpdateSchema = ZBallotFieldsSchema;
export type TBallotUpdate = z.input<typeof ZBallotUpdateSchema>;

/** One paper: the option chosen for every question, by question id. */
export const ZBallotVoteSchema = z.object({ choices: z.record(z.string().max(100), z.string().max(100)) });
export type TBallotVote = z.input<typeof ZBallotVoteSchema>;
export const ZBallotDelegateSchema = z.object({ userId: z.uuid() });

export const ZBallotOptionSchema = z.object({ value: z.string(), label: z.string() });
export const ZBallotQuestionSchema = z.object({
  id: z.string(),
  label: z.string(),
  subjectUnitId: z.string().nullable(),
  seat: z.enum(ballotSeats).nullable(),
  options: z.array(ZBallotOptionSchema),
});

export const ZBallotTallySchema = z.object({
  electorate: z.number().int(),
  voted: z.number().int(),
  quorumReached: z.boolean(),
  questions: z.array(
    z.object({
      questionId: z.string(),
      counts: z.array(z.object({ option: z.string(), votes: z.number().int() })),
      outcome: z.string().nullable(),
    }),
  ),
  /** Every paper by its receipt code (sorted by code): only its voter knows which is theirs. */
  papers: z.array(z.object({ receipt: z.string(), choices: z.record(z.string(), z.string()) })),
});
export type TBallotTally = z.infer<typeof ZBallotTallySchema>;

export const ZBallotCanSchema = z.object({
  edit: z.boolean(),
  open: z.boolean(),
  close: z.boolean(),
  vote: z.boolean(),
  delegate: z.boolean(),
  tally: z.boolean(),
});

export const ZBallotSummarySchema = z.object({
  id: z.string(),
  yearId: z.string(),
  kind: z.enum(ballotKinds),
  title: z.string(),
  status: z.enum(ballotStatuses),
  opensAt: z.string(),
  closesAt: z.string(),
  electorateSize: z.number().int(),
  votedCount: z.number().int(),
});
export type TBallotSummary = z.infer<typeof ZBallotSummarySchema>;

export const ZBallotSchema = ZBallotSummarySchema.extend({
  quorum: z.enum(ballotShares),
  threshold: z.enum(ballotShares),
  questions: z.array(ZBallotQuestionSchema),
  electorate: z.array(z.object({ unitId: z.string(), unitName: z.string() })),
  myUnitVoted: z.boolean(),
  /** The caller's unit's delegate (its leader reads it; the delegate sees themself). */
  myDelegate: z.object({ userId: z.string(), fullName: z.string() }).nullable(),
  /** The unit's officers the leader may delegate to. */
  delegateOptions: z.array(z.object({ userId: z.string(), fullName: z.string() })),
  tally: ZBallotTallySchema.nullable(),
  can: ZBallotCanSchema,
});
export type TBallot = z.infer<typeof ZBallotSchema>;

export const ZBallotListSchema = z.object({
  items: z.array(ZBallotSummarySchema),
  can: z.object({ create: z.boolean(), createNextYear: z.boolean() }),
});
export type TBallotList = z.infer<typeof ZBallotListSchema>;

/** What a voter gets once: the receipt code to find their paper in the published tally. */
export const ZBallotReceiptSchema = z.object({ receipt: z.string() });

/** The next year made from this one: its id, and the head and deputy it starts with. */
export const ZNextYearSchema = z.object({
  yearId: z.string(),
  year: z.number().int(),
  headUnitId: z.string().nullable(),
  deputyUnitId: z.string().nullable(),
  planCopied: z.boolean(),
  criteriaCopied: z.boolean(),
});
export type TNextYear = z.infer<typeof ZNextYearSchema>;
