import { MAX_CLIENT_INT, z } from './zod';
import { tieBreakers } from '../domain/aggregation';

import { ZPower } from './access';

export const ZRoundCreateRequestSchema = z.object({
  kind: z.enum(['year-end', 'mid-year']),
  title: z.string().trim().min(2).max(300),
  /**
   * An instant with its offset, e.g. "2024-12-08T00:00:00+07:00" (the UI enters Vietnam time). Left out
   * for a year-end round, the deadline of the published plan's score-sheet milestone is taken.
   */
  deadlineAt: z.iso.datetime({ offset: true }).optional(),
  latePolicy: z.enum(['refuse', 'accept-late']),
  missingPolicy: z.enum(['wait-all', 'mean-of-received']),
  tieBreakers: z.array(z.enum(tieBreakers)).max(tieBreakers.length).default([]),
  officerMaySubmit: z.boolean().default(false),
});
export type TRoundCreateRequest = z.input<typeof ZRoundCreateRequestSchema>;

/** What the caller may do in a round (domain/access `roundCan`): the web renders its buttons from it. */
export const ZRoundCanSchema = z.object({
  score: z.boolean(),
  submit: z.boolean(),
  progress: z.boolean(),
  results: z.boolean(),
  close: ZPower,
  reopen: ZPower,
  publish: ZPower,
});

export const ZRoundSchema = z.object({
  id: z.string(),
  yearId: z.string(),
  blocName: z.string(),
  year: z.number().int(),
  criteriaSetId: z.string(),
  kind: z.enum(['year-end', 'mid-year']),
  title: z.string(),
  deadlineAt: z.string(),
  latePolicy: z.enum(['refuse', 'accept-late']),
  missingPolicy: z.enum(['wait-all', 'mean-of-received']),
  tieBreakers: z.array(z.enum(tieBreakers)),
  officerMaySubmit: z.boolean(),
  status: z.enum(['open', 'closed', 'published']),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  /** When the head first read the results after close: from then on a reopening needs the city board. */
  resultsShownAt: z.string().nullable(),
  memberCount: z.number().int(),
  /** What the caller's unit is in this round's year. */
  myRole: z.enum(['head', 'deputy', 'member']).nullable(),
  /** Whether the caller's unit may write its sheets now, and if so whether they would be late. */
  window: z.object({
    accepting: z.boolean(),
    late: z.boolean(),
    reopened: z.boolean(),
    reason: z.string().nullable(),
  }),
  can: ZRoundCanSchema,
});
export type TRound = z.infer<typeof ZRoundSchema>;

const ZScores = z.record(z.string().max(64), z.number().int().nullable());

export const ZSheetSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  scorerUnitId: z.string(),
  scorerUnitName: z.string(),
  scoredUnitId: z.string(),
  scoredUnitName: z.string(),
  isSelf: z.boolean(),
  scores: ZScores,
  revision: z.number().int(),
  updatedAt: z.string().nullable(),
  submittedVersion: z.number().int(),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  /** Whether the draft differs from the last submitted version. */
  dirty: z.boolean(),
  total: z.number().int(),
});
export type TSheet = z.infer<typeof ZSheetSchema>;

export const ZSheetSaveRequestSchema = z.object({
  scores: ZScores,
  revision: z.number().int().min(0).max(MAX_CLIENT_INT),
});
export type TSheetSaveRequest = z.infer<typeof ZSheetSaveRequestSchema>;
export const ZSheetSubmitRequestSchema = z.object({ revision: z.number().int().min(0).max(MAX_CLIENT_INT) });

export const ZMySheetsSchema = z.object({
  round: ZRoundSchema,
  sheets: z.array(ZSheetSchema),
  submitted: z.number().int(),
  expected: z.number().int(),
});
export type TMySheets = z.infer<typeof ZMySheetsSchema>;

export const ZProgressSchema = z.object({
  /** The round's units, with what the caller may do about reopening each (after close). */
  units: z.array(z.object({ id: z.string(), name: z.string(), reopen: ZPower })),
  /** One cell per (scorer, scored): status and time only — never scores before publication. */
  cells: z.array(
    z.object({
      scorerUnitId: z.string(),
      scoredUnitId: z.string(),
      status: z.enum(['empty', 'draft', 'submitted']),
      submittedAt: z.string().nullable(),
      late: z.boolean(),
      version: z.number().int(),
    }),
  ),
  submitted: z.number().int(),
  expected: z.number().int(),
  reopenings: z.array(
    z.object({ unitId: z.string(), reason: z.string(), untilAt: z.string(), reopenedAt: z.string() }),
  ),
});
export type TProgress = z.infer<typeof ZProgressSchema>;

export const ZReopenRequestSchema = z.object({
  unitId: z.uuid(),
  reason: z.string().trim().min(10).max(2000),
  untilAt: z.iso.datetime({ offset: true }),
});
export type TReopenRequest = z.infer<typeof ZReopenRequestSchema>;

const ZFraction = z.object({ num: z.number().int(), den: z.number().int() });
export const ZAfterCloseSchema = z.object({
  closedAt: z.string().nullable(),
  resultsShownAt: z.string().nullable(),
  reopenings: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      reason: z.string(),
      untilAt: z.string(),
      reopenedAt: z.string(),
      reopenedByName: z.string().nullable(),
      requestedByName: z.string().nullable(),
    }),
  ),
  changes: z.array(
    z.object({
      scorerUnitId: z.string(),
      scorerName: z.string(),
      scoredUnitId: z.string(),
      scoredName: z.string(),
      version: z.number().int(),
      submittedAt: z.string(),
      submittedByName: z.string().nullable(),
      totalBefore: z.number().int().nullable(),
      totalAfter: z.number().int(),
    }),
  ),
});
export type TAfterClose = z.infer<typeof ZAfterCloseSchema>;
export const ZResultsSchema = z.object({
  round: ZRoundSchema,
  policy: z.enum(['wait-all', 'mean-of-received']),
  policyText: z.string(),
  expectedSheets: z.number().int(),
  receivedSheets: z.number().int(),
  complete: z.boolean(),
  ranked: z.boolean(),
  tieBreakers: z.array(z.enum(tieBreakers)),
  units: z.array(
    z.object({
      unitId: z.string(),
      unitName: z.string(),
      selfTotal: z.number().int().nullable(),
      peerTotals: z.record(z.string(), z.number().int()),
      sheetCount: z.number().int(),
      missingScorerIds: z.array(z.string()),
      score: ZFraction.nullable(),
      scoreText: z.string().nullable(),
      rank: z.number().int().nullable(),
      tiedWith: z.array(z.string()),
      decidedBy: z.enum(tieBreakers).nullable(),
      criterionMeans: z.record(z.string(), ZFraction),
    }),
  ),
  /** matrix[scorer][scored] = total in hundredths, only after publication (or for the head after close). */
  matrix: z.record(z.string(), z.record(z.string(), z.number().int())),
  /**
   * What happened after the round was closed, for everyone to see: each reopening (who asked, who did or
   * approved it, why) and each sheet submitted after close with its total before and after.
   */
  afterClose: ZAfterCloseSchema,
  /**
   * "Đề nghị khen thưởng": each unit's included nomination award names, by unit id, when the year's
   * nominations were drafted from this round; null otherwise.
   */
  nominations: z.record(z.string(), z.array(z.string())).nullable(),
});
export type TResults = z.infer<typeof ZResultsSchema>;

export { tieBreakerLabels } from '../domain/rank-notes';
export const missingPolicyText: Record<'wait-all' | 'mean-of-received', string> = {
  'wait-all': 'Kết quả chỉ tính khi đã nhận đủ tất cả bảng điểm.',
  'mean-of-received': 'Đơn vị thiếu bảng điểm: tính trung bình cộng các bảng điểm đã nhận.',
};

export const altMethodLabels: Record<
  'official' | 'without-self' | 'median' | 'trimmed-mean' | 'rater-normalized',
  string
> = {
  official: 'Chính thức (trung bình cộng, chưa xét tiêu chí phụ)',
  'without-self': 'Không tính điểm tự chấm',
  median: 'Trung vị',
  'trimmed-mean': 'Trung bình bỏ điểm cao nhất, thấp nhất',
  'rater-normalized': 'Chuẩn hóa theo từng đơn vị chấm',
};

/** Advisory analysis beside the official results; never changes them. */
export const ZFairnessSchema = z.object({
  advisory: z.literal(true),
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  rankings: z.record(
    z.enum(['official', 'without-self', 'median', 'trimmed-mean', 'rater-normalized']),
    z.record(z.string(), z.number().int().nullable()),
  ),
  stableLeaders: z.array(z.string()),
  sheetsThatChangeResult: z.array(z.string()),
  selfInflation: z.array(
    z.object({
      unitId: z.string(),
      self: z.number().int(),
      maxPeer: z.number().int(),
      excess: z.number().int(),
    }),
  ),
  harshScorers: z.array(z.object({ scorerId: z.string(), meanDeviation: z.number().int() })),
  reciprocalPairs: z.array(z.object({ a: z.string(), b: z.string(), aToB: ZFraction, bToA: ZFraction })),
  threshold: z.number().int(),
});
export type TFairness = z.infer<typeof ZFairnessSchema>;
