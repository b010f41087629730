import type { CriterionNode } from '../../domain/criteria';
import type { DocMeta } from './doc-meta';
import { scoreSheetDocx } from './docx/score-sheet';

/** A blank score sheet (.docx) for units that prepare offline. */
export const blankSheetDocx = (meta: DocMeta, year: number, tree: CriterionNode[]): Promise<Buffer> =>
  scoreSheetDocx({
    ...meta,
    date: null,
    year,
    title: `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${year}`,
    scorerName: null,
    scoredName: null,
    tree,
    scores: null,
  });

/** One unit's filled sheet (.docx), signed by the scoring unit's leader. */
export const filledSheetDocx = (
  meta: DocMeta,
  year: number,
  sheet: {
    scorerUnitName: string;
    scoredUnitName: string;
    scores: Record<string, number | null>;
    submittedAt: string | null;
  },
  tree: CriterionNode[],
): Promise<Buffer> =>
  scoreSheetDocx({
    ...meta,
    issuingBody: sheet.scorerUnitName.toUpperCase(),
    signer: { title: 'THỦ TRƯỞNG ĐƠN VỊ', name: '' },
    date: sheet.submittedAt ? new Date(sheet.submittedAt) : null,
    year,
    title: `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${year}`,
    scorerName: sheet.scorerUnitName,
    scoredName: sheet.scoredUnitName,
    tree,
    scores: sheet.scores,
  });
