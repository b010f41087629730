/** Page geometry, fonts and the small paragraph helpers every official document shares (Decree 30/2020). */
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  TableBorders,
  TextRun,
  type IBorderOptions,
} from 'docx';

export const FONT = 'Times New Roman';
/** Twips (1/1440 inch) from millimetres, as Word rounds them. */
export const mm = (v: number): number => Math.round((v * 1440) / 25.4);
/** A4 portrait in twips; landscape swaps them. */
export const A4 = { width: 11906, height: 16838 } as const;
export const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) } as const;

/** The width text may use, in twips. */
export const contentWidth = (landscape: boolean): number =>
  (landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right;

/** Point sizes (docx wants half-points; `pt` converts). */
export const pt = (v: number): number => v * 2;
export const SIZE = {
  body: 14,
  header: 12,
  mottoTop: 13,
  motto: 14,
  recipientsTitle: 12,
  recipients: 11,
  table: 12,
  note: 12,
} as const;
/** First-line indent of body paragraphs: 1 cm. */
export const INDENT = mm(10);

export interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
}

export const run = (text: string, s: RunStyle = {}): TextRun =>
  new TextRun({
    text,
    bold: s.bold,
    italics: s.italic,
    underline: s.underline ? {} : undefined,
    size: s.size === undefined ? undefined : pt(s.size),
  });

export type Align = 'left' | 'center' | 'right' | 'justify';
export const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

export interface LineOptions extends RunStyle {
  align?: Align;
  before?: number;
  after?: number;
  firstLine?: number;
  keepNext?: boolean;
}

/** One paragraph of one run; spacing in points. */
export const line = (text: string, o: LineOptions = {}): Paragraph =>
  new Paragraph({
    alignment: ALIGN[o.align ?? 'left'],
    spacing: { before: (o.before ?? 0) * 20, after: (o.after ?? 0) * 20 },
    indent: o.firstLine ? { firstLine: o.firstLine } : undefined,
    keepNext: o.keepNext,
    children: [run(text, o)],
  });

/**
 * The short solid rule Decree 30 draws under the issuing body and the subject line: an empty, tiny
 * paragraph `width` twips wide whose bottom border, narrowed by equal indents, is `length` long and centred.
 */
export function rule(width: number, length: number, after = 6): Paragraph {
  const side = Math.max(0, Math.round((width - length) / 2));
  const border: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
  return new Paragraph({
    indent: { left: side, right: side },
    // The paragraph mark's size sets the empty line's height: 1 pt, so the rule sits just under the text.
    spacing: { before: 60, after: after * 20, line: 240, lineRule: LineRuleType.AUTO },
    border: { bottom: border },
    run: { size: 2 },
    children: [],
  });
}

export const NO_BORDERS = TableBorders.NONE;
export const THIN: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const THIN_BORDERS = {
  top: THIN,
  bottom: THIN,
  left: THIN,
  right: THIN,
  insideHorizontal: THIN,
  insideVertical: THIN,
};
