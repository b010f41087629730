/**
 * Nominations (đề nghị khen thưởng): the year's award rules, the drafted lines with their reasons, the
 * head's changes (each with a written reason every member reads) and the units not proposed.
 */
import { ballotShares } from './ballots';
import { z } from './zod';

const awardCode = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.');

/** The shortest written reason for a change the head makes to a line. */
export const CHANGE_REASON_MIN = 10;

export const ZAwardRuleSchema = z.object({
  awardCode,
  awardName: z.string().trim().min(2).max(300),
  places: z.number().int().min(1).max(100),
  requiresRegistration: z.boolean(),
  /** The lowest official score, in points with at most two decimals; null for none. */
  minScore: z
    .number()
    .min(0)
    .max(100_000)
    .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6, 'Tối đa hai chữ số thập phân.')
    .nullable(),
});
export type TAwardRule = z.infer<typeof ZAwardRuleSchema>;

/** The head saves the year's rules at once, in order; an award appears once. */
export const ZAwardRulesSaveSchema = z.object({
  rules: z
    .array(ZAwardRuleSchema)
    .max(20)
    .superRefine((rules, c) => {
      const seen = new Set<string>();
      rules.forEach((r, i) => {
        if (seen.has(r.awardCode)) {
          c.addIssue({ code: 'custom', path: [i, 'awardCode'], message: `Mã “${r.awardCode}” bị trùng.` });
        }
        seen.add(r.awardCode);
      });
    }),
});
export type TAwardRulesSave = z.infer<typeof ZAwardRulesSaveSchema>;

export const ZAwardRulesSchema = z.object({
  yearId: z.string(),
  /** 'saved' by the head; 'default' from the year's award catalogue (entries with a quota). */
  source: z.enum(['saved', 'default']),
  rules: z.array(ZAwardRuleSchema),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type TAwardRules = z.infer<typeof ZAwardRulesSchema>;

const changeReason = z.string().trim().min(CHANGE_REASON_MIN).max(2000);

/** The head takes a line out, with a reason. */
export const ZNominationRemoveSchema = z.object({ reason: changeReason });
/** The head adds a line (a unit and an award the rules did not give), with a reason. */
export const ZNominationAddSchema = z.object({
  unitId: z.uuid(),
  awardCode,
  awardName: z.string().trim().min(2).max(300),
  reason: changeReason,
});
export type TNominationAdd = z.infer<typeof ZNominationAddSchema>;

export const ZNominationParamsSchema = z.object({ id: z.uuid(), lineId: z.uuid() });

/** A closed approval ballot's outcome for the line (same unit and award code). */
export const ZLineBallotSchema = z.object({
  ballotId: z.string(),
  title: z.string(),
  approve: z.number().int(),
  reject: z.number().int(),
  /** 'approve' / 'reject', or null when the quorum or threshold was not reached. */
  outcome: z.string().nullable(),
});

export const ZNominationLineSchema = z.object({
  id: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  awardCode: z.string(),
  awardName: z.string(),
  rank: z.number().int().nullable(),
  scoreText: z.string().nullable(),
  origin: z.enum(['rule', 'head']),
  included: z.boolean(),
  reason: z.string(),
  changeReason: z.string().nullable(),
  changedByName: z.string().nullable(),
  changedAt: z.string().nullable(),
  ballot: ZLineBallotSchema.nullable(),
});
export type TNominationLine = z.infer<typeof ZNominationLineSchema>;

export const ZNotProposedSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  rank: z.number().int().nullable(),
  scoreText: z.string().nullable(),
  reasons: z.array(z.string()),
});

export const ZNominationsSchema = z.object({
  yearId: z.string(),
  year: z.number().int(),
  /** The published year-end round the lines come from (null before it is published). */
  round: z.object({ id: z.string(), title: z.string() }).nullable(),
  proposalStatus: z.enum(['drafted', 'sent', 'decided']).nullable(),
  lines: z.array(ZNominationLineSchema),
  /** Recomputed from the ranking and rules at each reading (empty before the round is published). */
  notProposed: z.array(ZNotProposedSchema),
  /** The units the head may add a line for (the round's members). */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The awards the head may add a line for: the rules' awards, then the catalogue's other unit awards. */
  awards: z.array(z.object({ awardCode: z.string(), awardName: z.string() })),
  can: z.object({ draft: z.boolean(), change: z.boolean(), createBallot: z.boolean() }),
});
export type TNominations = z.infer<typeof ZNominationsSchema>;

/** The approval ballot made from the included lines (a draft the head finishes in the ballots page). */
export const ZNominationBallotSchema = z.object({
  title: z.string().trim().min(3).max(300).default('Bình xét đề nghị khen thưởng'),
  quorum: z.enum(ballotShares).default('more-than-half'),
  threshold: z.enum(ballotShares).default('more-than-half'),
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
});
export type TNominationBallot = z.input<typeof ZNominationBallotSchema>;
