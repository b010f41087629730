import type { CriterionNode } from '../../domain/criteria';
import { sheetRecipients, type DocMeta } from './doc-meta';
import { DOTS } from './docx/format';
import { scoreSheetDocx } from './docx/score-sheet';

const title = (year: number) => `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${year}`;
const UNIT_LEADER = 'THỦ TRƯỞNG ĐƠN VỊ';

/**
 * A blank score sheet (.docx) for units that prepare offline: the scoring unit's name, its signer and the
 * date are blanks to fill; it goes to the head unit.
 */
export const blankSheetDocx = (meta: DocMeta, year: number, tree: CriterionNode[]): Promise<Buffer> =>
  scoreSheetDocx({
    ...meta,
    issuingBody: DOTS.repeat(5),
    signer: { title: UNIT_LEADER, name: '' },
    recipients: sheetRecipients(meta),
    date: null,
    year,
    title: title(year),
    scorerName: null,
    scoredName: null,
    tree,
    scores: null,
  });

/** One unit's filled sheet (.docx), signed by the scoring unit's leader and dated its submission. */
export const filledSheetDocx = (
  meta: DocMeta,
  year: number,
  sheet: {
    scorerUnitName: string;
    scoredUnitName: string;
    scores: Record<string, number | null>;
    submittedAt: string | null;
  },
  leaderName: string,
  tree: CriterionNode[],
): Promise<Buffer> =>
  scoreSheetDocx({
    ...meta,
    issuingBody: sheet.scorerUnitName.toUpperCase(),
    signer: { title: UNIT_LEADER, name: leaderName },
    recipients: sheetRecipients(meta),
    date: sheet.submittedAt ? new Date(sheet.submittedAt) : null,
    year,
    title: title(year),
    scorerName: sheet.scorerUnitName,
    scoredName: sheet.scoredUnitName,
    tree,
    scores: sheet.scores,
  });
