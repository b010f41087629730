import { z } from './zod';
import type { CriterionNode } from '../domain/criteria';

export const criterionKinds = ['normal', 'bonus', 'deduction'] as const;

/** Levels of a criteria tree (sections I → criteria 1 → sub-criteria a → one more level at most). */
export const MAX_CRITERIA_DEPTH = 4;
/** Criteria in one set, all levels together (a real score sheet has under a hundred). */
export const MAX_CRITERIA_NODES = 500;

const deeper = `không được sâu quá: bảng tiêu chí có tối đa ${MAX_CRITERIA_DEPTH} cấp`;

/**
 * A node with at most `levels` levels below and including it, spelled out level by level rather than
 * recursive: a body nested a thousand deep is refused at level 5 instead of being walked to the bottom.
 */
function nodeSchema(levels: number): z.ZodType<CriterionNode> {
  return z.object({
    id: z.string().min(1).max(64),
    code: z.string().trim().min(1).max(12),
    text: z.string().trim().min(1).max(2000),
    kind: z.enum(criterionKinds),
    maxPoints: z.number().int().min(1).max(100_000),
    step: z.number().int().min(1).max(100_000),
    guidance: z.string().max(4000).nullish(),
    children:
      levels > 1
        ? z.array(nodeSchema(levels - 1)).max(200)
        : (z.array(z.unknown()).max(0, deeper) as unknown as z.ZodType<CriterionNode[]>),
  });
}

/** A criterion as the API carries it; points are integer hundredths (850 = 8,5 points). */
export const ZCriterionNodeSchema = nodeSchema(MAX_CRITERIA_DEPTH);

const countNodes = (nodes: readonly CriterionNode[]): number =>
  nodes.reduce((n, c) => n + 1 + countNodes(c.children), 0);

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
  tree: z
    .array(ZCriterionNodeSchema)
    .min(1)
    .max(50)
    .refine((tree) => countNodes(tree) <= MAX_CRITERIA_NODES, {
      message: `không được quá ${MAX_CRITERIA_NODES} tiêu chí (tính mọi cấp)`,
    }),
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
