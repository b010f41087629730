import { z } from './zod';
import type { CriterionNode } from '../domain/criteria';

export const criterionKinds = ['normal', 'bonus', 'deduction'] as const;

/** A criterion as the API carries it; points are integer hundredths (850 = 8,5 points). */
export const ZCriterionNodeSchema: z.ZodType<CriterionNode> = z.lazy(() =>
  z.object({
    id: z.string().min(1).max(64),
    code: z.string().trim().min(1).max(12),
    text: z.string().trim().min(1).max(2000),
    kind: z.enum(criterionKinds),
    maxPoints: z.number().int().min(1).max(100_000),
    step: z.number().int().min(1).max(100_000),
    guidance: z.string().max(4000).nullish(),
    children: z.array(ZCriterionNodeSchema).max(200),
  }),
);

export const ZCriteriaSetSchema = z.object({
  id: z.string(),
  yearId: z.string(),
  version: z.number().int(),
  status: z.enum(['draft', 'locked']),
  name: z.string(),
  isSample: z.boolean(),
  tree: z.array(ZCriterionNodeSchema),
  grandMax: z.number().int(),
  leafCount: z.number().int(),
  updatedAt: z.string(),
  lockedAt: z.string().nullable(),
});
export type TCriteriaSet = z.infer<typeof ZCriteriaSetSchema>;

export const ZCriteriaSetUpdateRequestSchema = z.object({
  name: z.string().trim().min(2).max(300),
  tree: z.array(ZCriterionNodeSchema).min(1).max(50),
});
export type TCriteriaSetUpdateRequest = z.infer<typeof ZCriteriaSetUpdateRequestSchema>;

const ZRowIssueSchema = z.object({
  row: z.number().int(),
  field: z.string(),
  column: z.string().optional(),
  message: z.string(),
});

/** A criteria file read but not saved: the tree for the head to check (and change kinds) before saving. */
export const ZCriteriaImportPreviewSchema = z.object({
  tree: z.array(ZCriterionNodeSchema),
  grandMax: z.number().int(),
  leafCount: z.number().int(),
  /** The row the table's header was found on (title rows above it are skipped). */
  headerRow: z.number().int(),
  /** Rows skipped on purpose (notes, signatures), by row. */
  warnings: z.array(ZRowIssueSchema),
});
export type TCriteriaImportPreview = z.infer<typeof ZCriteriaImportPreviewSchema>;
