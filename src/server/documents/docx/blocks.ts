/** Body blocks of an official document → docx paragraphs and tables. */
import {
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { INDENT, SIZE, THIN_BORDERS, line, type Align } from './layout';
import type { Block, Cell, Column } from './types';

/** The docx elements of one block, laid out for a text area `width` twips wide. */
export function renderBlock(block: Block, width: number): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [
        line(block.text, {
          bold: true,
          italic: block.level === 3,
          // Section titles are short capitals: justified, a wrapped one spreads its first line wide.
          align: block.level === 1 ? 'left' : 'justify',
          firstLine: INDENT,
          before: block.level === 1 ? 6 : 3,
          after: 6,
          keepNext: true,
        }),
      ];
    case 'paragraph': {
      const align = block.align ?? 'justify';
      return [
        line(block.text, {
          bold: block.bold,
          italic: block.italic,
          align,
          firstLine: align === 'justify' ? INDENT : undefined,
          after: 6,
        }),
      ];
    }
    case 'bullets':
      return block.items.map((item) => line(`- ${item}`, { align: 'justify', firstLine: INDENT, after: 6 }));
    case 'note':
      return [line(block.text, { italic: true, size: SIZE.note, align: 'justify', before: 6, after: 6 })];
    case 'table':
      return [renderTable(block, width), line('', { size: 6 })];
  }
}

/** Twips per column: relative widths scaled to the text width, rounded so that they add up exactly. */
export function columnWidths(columns: readonly Column[], width: number): number[] {
  const known = columns.filter((c) => c.width !== undefined && c.width > 0);
  const mean = known.length ? known.reduce((s, c) => s + (c.width ?? 0), 0) / known.length : 1;
  const weights = columns.map((c) => (c.width !== undefined && c.width > 0 ? c.width : mean));
  const total = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((w / total) * width));
  out[out.length - 1] = (out[out.length - 1] ?? 0) + width - out.reduce((s, w) => s + w, 0);
  return out;
}

const MARGINS = { top: 40, bottom: 40, left: 57, right: 57 };

interface CellLayout {
  width: number;
  align: Align;
  size: number;
  bold?: boolean;
  span?: number;
  merge?: 'restart' | 'continue';
}

function cell(content: Cell, o: CellLayout): TableCell {
  const c = typeof content === 'string' ? { text: content } : content;
  const paragraphs = c.text
    .split('\n')
    .map((t) => line(t, { align: o.align, size: o.size, bold: o.bold ?? c.bold, italic: c.italic }));
  if (c.note) paragraphs.push(line(c.note, { align: o.align, size: o.size - 1, italic: true }));
  return new TableCell({
    width: { size: o.width, type: WidthType.DXA },
    columnSpan: o.span,
    verticalMerge:
      o.merge === 'restart'
        ? VerticalMergeType.RESTART
        : o.merge === 'continue'
          ? VerticalMergeType.CONTINUE
          : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    margins: MARGINS,
    children: paragraphs,
  });
}

function headerRows(block: Extract<Block, { kind: 'table' }>, widths: number[], size: number): TableRow[] {
  // A continued (vertically merged) cell stays empty: Word would otherwise append its text to the merge.
  const head = (i: number, merge?: 'restart' | 'continue') =>
    cell(merge === 'continue' ? '' : (block.columns[i]?.header ?? ''), {
      width: widths[i] ?? 0,
      align: 'center',
      size,
      bold: true,
      merge,
    });
  if (!block.groups?.length) {
    return [new TableRow({ tableHeader: true, children: block.columns.map((_, i) => head(i)) })];
  }
  const top: TableCell[] = [];
  const bottom: TableCell[] = [];
  let at = 0;
  for (const g of block.groups) {
    if (g.span === 1 && !g.header) {
      top.push(head(at, 'restart'));
      bottom.push(head(at, 'continue'));
    } else {
      const w = widths.slice(at, at + g.span).reduce((s, x) => s + x, 0);
      top.push(cell(g.header ?? '', { width: w, align: 'center', size, bold: true, span: g.span }));
      for (let i = at; i < at + g.span; i++) bottom.push(head(i));
    }
    at += g.span;
  }
  return [
    new TableRow({ tableHeader: true, children: top }),
    new TableRow({ tableHeader: true, children: bottom }),
  ];
}

/** A bordered table whose header repeats on every page. */
function renderTable(block: Extract<Block, { kind: 'table' }>, width: number): Table {
  const widths = columnWidths(block.columns, width);
  const size = block.fontSize ?? SIZE.table;
  const body = block.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((col, i) =>
          cell(r[i] ?? '', { width: widths[i] ?? 0, align: col.align ?? 'left', size }),
        ),
      }),
  );
  return new Table({
    width: { size: width, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: THIN_BORDERS,
    rows: [...headerRows(block, widths, size), ...body],
  });
}
