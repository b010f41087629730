import { AppError } from '../errors';
import type { TableLimits } from '../limits';
import { parsePart } from './xlsx-parts';
import type { BoundedZip } from './zip-reader';

/** What a cell's value needs besides its own XML: the shared strings and which styles are dates. */
export interface SheetContext {
  strings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

type Rows = Map<number, string[]>;

/** "XFD12" → 16384; letters only, so a far column costs nothing more than a near one. Null when invalid. */
export function columnOf(ref: string): number | null {
  let n = 0;
  let i = 0;
  for (; i < ref.length && i < 4; i++) {
    const c = ref.charCodeAt(i) & ~32; // upper case
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return i === 0 || i > 3 ? null : n;
}

const rowOf = (ref: string) => Number(ref.replace(/^[A-Za-z]+/, '')) || null;

export const tooManyRows = (max: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `Tệp có quá ${max.toLocaleString('vi-VN')} dòng dữ liệu; hãy chia thành nhiều tệp nhỏ hơn.`,
    { file: `Tệp: tối đa ${max.toLocaleString('vi-VN')} dòng` },
  );

const tooManyMerges = () =>
  new AppError('PAYLOAD_TOO_LARGE', 'Tệp có quá nhiều ô gộp; hãy bỏ gộp ô rồi tải lên lại.', {
    file: 'Tệp: quá nhiều ô gộp',
  });

/** A cell's text as exceljs gave it: shared/inline strings, numbers, dates (ISO), booleans; errors empty. */
function cellText(type: string, style: number, v: string, inline: string, ctx: SheetContext): string {
  switch (type) {
    case 's':
      return (ctx.strings[Number(v)] ?? '').trim();
    case 'inlineStr':
      return inline.trim();
    case 'b':
      return v === '' ? '' : String(v === '1' || v === 'true');
    case 'e':
      return '';
    case 'str':
      return v.trim();
    case 'd': {
      const d = new Date(v);
      return Number.isNaN(d.getTime()) ? v.trim() : d.toISOString();
    }
    default: {
      if (v.trim() === '') return '';
      const n = Number(v);
      if (Number.isNaN(n)) return v.trim();
      if (!ctx.dateStyles.has(style)) return String(n);
      const ms = Math.round((n - 25569 + (ctx.date1904 ? 1462 : 0)) * 86_400_000);
      return new Date(ms).toISOString();
    }
  }
}

/**
 * Streams a worksheet's XML and keeps the text of cells in the first `maxColumns` columns. Work is in
 * proportion to the XML read (itself capped), never to a cell's column or row number.
 */
async function readCells(zip: BoundedZip, part: string, ctx: SheetContext, limits: TableLimits) {
  const rows: Rows = new Map();
  const merges: string[] = [];
  let rowNumber = 0;
  let col = 0;
  let cells: string[] | null = null;
  let cell: { col: number; type: string; style: number; v: string; inline: string } | null = null;
  let target: 'v' | 't' | null = null;
  let phonetic = 0;
  await parsePart(zip, part, {
    open(name, a) {
      if (name === 'row') {
        rowNumber = a.r ? Number(a.r) || rowNumber + 1 : rowNumber + 1;
        col = 0;
        cells = [];
      } else if (name === 'c') {
        col = a.r ? (columnOf(a.r) ?? Infinity) : col + 1;
        cell =
          col <= limits.maxColumns
            ? { col, type: a.t ?? 'n', style: Number(a.s ?? 0), v: '', inline: '' }
            : null;
      } else if (cell && name === 'v') target = 'v';
      else if (cell && name === 't') target = 't';
      else if (name === 'rPh') phonetic++;
      else if (name === 'mergeCell' && a.ref) {
        if (merges.length >= limits.maxMergedCells) throw tooManyMerges();
        merges.push(a.ref);
      }
    },
    text(t) {
      if (!cell || phonetic) return;
      if (target === 'v') cell.v += t;
      else if (target === 't') cell.inline += t;
    },
    close(name) {
      if (name === 'v' || name === 't') target = null;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell && cells) {
        const text = cellText(cell.type, cell.style, cell.v, cell.inline, ctx);
        if (text !== '') cells[cell.col - 1] = text;
        cell = null;
      } else if (name === 'row' && cells) {
        if (cells.length) {
          rows.set(rowNumber, cells);
          if (rows.size > limits.maxRows) throw tooManyRows(limits.maxRows);
        }
        cells = null;
      }
    },
  });
  return { rows, merges };
}

/** Gives every cell of a merged range its top-left cell's value, as Excel shows it (and exceljs read it). */
function fillMerges(rows: Rows, merges: string[], limits: TableLimits): void {
  let budget = limits.maxMergedCells;
  for (const ref of merges) {
    const [from, to] = ref.split(':');
    const c1 = columnOf(from ?? '');
    const r1 = rowOf(from ?? '');
    const c2 = Math.min(columnOf(to ?? '') ?? 0, limits.maxColumns);
    const r2 = Math.min(rowOf(to ?? '') ?? 0, (r1 ?? 0) + limits.maxRows);
    if (!c1 || !r1 || c1 > limits.maxColumns) continue;
    const value = rows.get(r1)?.[c1 - 1];
    if (!value) continue;
    for (let r: number = r1; r <= r2; r++) {
      for (let c: number = c1; c <= c2; c++) {
        if (r === r1 && c === c1) continue;
        if (--budget < 0) throw tooManyMerges();
        let row = rows.get(r);
        if (!row) rows.set(r, (row = []));
        row[c - 1] = value;
      }
    }
    if (rows.size > limits.maxRows) throw tooManyRows(limits.maxRows);
  }
}

/** The rows of a worksheet that have content, in order, every row padded to the widest one. */
export async function readSheet(
  zip: BoundedZip,
  part: string,
  ctx: SheetContext,
  limits: TableLimits,
): Promise<{ row: number; cells: string[] }[]> {
  const { rows, merges } = await readCells(zip, part, ctx, limits);
  fillMerges(rows, merges, limits);
  const width = Math.max(0, ...[...rows.values()].map((r) => r.length));
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([row, cells]) => ({ row, cells: Array.from({ length: width }, (_, i) => cells[i] ?? '') }));
}
