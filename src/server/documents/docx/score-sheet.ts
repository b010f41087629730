/** "Bảng chấm điểm thi đua": one scorer unit's sheet for one scored unit, or a blank sheet to fill by hand. */
import {
  flatten,
  grandMax,
  isLeaf,
  sheetTotals,
  type CriterionKind,
  type CriterionNode,
} from '../../../domain/criteria';
import { formatHundredths } from '../../../domain/points';
import { renderOfficialDocument } from './official';
import type { Block, Cell, OfficialDocument, Signer } from './types';

export interface ScoreSheetInput {
  governingBody: string;
  /** The scoring unit. */
  issuingBody: string;
  docNumber?: string | null;
  place: string;
  date: Date | null;
  year: number;
  /** "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024"; empty uses that wording with `year`. */
  title: string;
  /** Null on a blank sheet. */
  scorerName: string | null;
  scoredName: string | null;
  tree: CriterionNode[];
  /** Leaf id → hundredths (a deduction leaf holds the amount deducted); null for a blank sheet. */
  scores: Record<string, number | null> | null;
  /** The scoring unit's leader ("THỦ TRƯỞNG ĐƠN VỊ"). */
  signer: Signer;
  recipients: string[];
}

const DOTS = '…………………';
const KIND_LABEL: Record<CriterionKind, string> = { normal: '', bonus: 'Điểm thưởng', deduction: 'Điểm trừ' };

/** "Đơn vị chấm: A — Đơn vị được chấm: B"; dotted blanks for whatever is not known. */
export function sheetSubject(scorerName: string | null, scoredName: string | null): string {
  const self = scorerName !== null && scorerName === scoredName ? ' (tự chấm)' : '';
  return `Đơn vị chấm: ${scorerName ?? DOTS} — Đơn vị được chấm: ${scoredName ?? DOTS}${self}`;
}

/** Scores as the sheet shows them: deductions with a minus sign, unscored leaves blank. */
function scoreText(node: CriterionNode, value: number | undefined, entered: boolean): string {
  if (value === undefined || !entered) return '';
  return formatHundredths(node.kind === 'deduction' && value > 0 ? -value : value);
}

/** The table rows: one per criterion (parents bold, guidance in small italics), then the total. */
export function sheetRows(tree: readonly CriterionNode[], scores: ScoreSheetInput['scores']): Cell[][] {
  const totals = scores ? sheetTotals(tree, scores) : null;
  const top = new Set(tree.map((n) => n.id));
  const rows = flatten(tree).map((node): Cell[] => {
    const bold = !isLeaf(node) || top.has(node.id);
    // A leaf left empty on a filled sheet stays blank; a parent always shows its capped sum.
    const entered = !!scores && (!isLeaf(node) || (scores[node.id] ?? null) !== null);
    return [
      { text: node.code, bold },
      { text: node.text, bold, note: node.guidance ?? null },
      { text: formatHundredths(node.maxPoints), bold },
      { text: scoreText(node, totals?.byNode[node.id], entered), bold },
      top.has(node.id) ? KIND_LABEL[node.kind] : '',
    ];
  });
  const total = totals ? formatHundredths(totals.total) : '';
  rows.push([
    '',
    { text: 'Tổng cộng', bold: true },
    { text: formatHundredths(grandMax(tree)), bold: true },
    { text: total, bold: true },
    '',
  ]);
  return rows;
}

/** The sheet as an official document, before rendering. */
export function scoreSheetDocument(input: ScoreSheetInput): OfficialDocument {
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [
        { header: 'STT', width: 6, align: 'center' },
        { header: 'Nội dung tiêu chí', width: 50, align: 'left' },
        { header: 'Điểm tối đa', width: 11, align: 'center' },
        { header: 'Điểm chấm', width: 11, align: 'center' },
        { header: 'Ghi chú', width: 16, align: 'center' },
      ],
      rows: sheetRows(input.tree, input.scores),
    },
    {
      kind: 'note',
      text: 'Điểm thưởng cộng vào tổng điểm, điểm trừ trừ vào tổng điểm; điểm của mục lớn là tổng điểm các tiêu chí con, không vượt điểm tối đa của mục.',
    },
  ];
  return {
    governingBody: input.governingBody,
    issuingBody: input.issuingBody,
    docNumber: input.docNumber ?? null,
    place: input.place,
    date: input.date,
    docType: input.title.trim() || `BẢNG CHẤM ĐIỂM THI ĐUA NĂM ${input.year}`,
    subject: sheetSubject(input.scorerName, input.scoredName),
    blocks,
    signer: input.signer,
    recipients: input.recipients,
  };
}

/** The .docx of one score sheet (blank when `scores` is null). */
export async function scoreSheetDocx(input: ScoreSheetInput): Promise<Buffer> {
  return renderOfficialDocument(scoreSheetDocument(input));
}
