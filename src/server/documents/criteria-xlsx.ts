import ExcelJS from 'exceljs';
import { flatten, type CriterionKind, type CriterionNode } from '../../domain/criteria';
import { hundredthsToInput, parsePoints } from '../../domain/points';
import type { RowError } from '../../shared/errors';
import { normalizeHeader } from '../modules/imports/columns';
import type { Table } from './tabular';

const HEADERS = ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm', 'Loại', 'Bước chấm'];
const kindText: Record<CriterionKind, string> = { normal: '', bonus: 'Điểm thưởng', deduction: 'Điểm trừ' };
const FONT = { name: 'Times New Roman', size: 12 };

/** The level of a row from its STT: I, II → 1; 1, 2 → 2; a, b → 3. */
export function levelOf(code: string): 1 | 2 | 3 | null {
  const c = code.replace(/[.)]+$/, '').trim();
  if (/^[IVXLC]+$/.test(c)) return 1;
  if (/^\d+$/.test(c)) return 2;
  if (/^[a-zđ]$/i.test(c)) return 3;
  return null;
}

function kindOf(text: string, fallback: CriterionKind): CriterionKind {
  const t = normalizeHeader(text);
  if (t.includes('thuong') || t === 'bonus') return 'bonus';
  if (t.includes('tru') || t === 'deduction') return 'deduction';
  return fallback;
}

/** Reads a criteria table (STT, Nội dung tiêu chí, Điểm tối đa, Hướng dẫn chấm[, Loại, Bước chấm]) into a tree. */
export function criteriaFromTable(table: Table): { tree: CriterionNode[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const headers = table.headers.map(normalizeHeader);
  const col = (...names: string[]) => headers.findIndex((h) => names.includes(h));
  const idx = {
    code: col('stt', 'tt', 'so thu tu'),
    text: col('noi dung tieu chi', 'noi dung', 'tieu chi'),
    max: col('diem toi da', 'diem chuan', 'thang diem'),
    guidance: col('huong dan cham', 'huong dan'),
    kind: col('loai'),
    step: col('buoc cham'),
  };
  for (const [field, header] of [
    ['code', 'STT'],
    ['text', 'Nội dung tiêu chí'],
    ['max', 'Điểm tối đa'],
  ] as const) {
    if (idx[field] < 0) errors.push({ row: 1, field, message: `Thiếu cột "${header}"` });
  }
  if (errors.length) return { tree: [], errors };
  const tree: CriterionNode[] = [];
  const stack: CriterionNode[] = [];
  let seq = 0;
  for (const { row, cells } of table.rows) {
    const cell = (i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');
    const code = cell(idx.code).replace(/[.)]+$/, '');
    const level = levelOf(code);
    if (level === null) {
      errors.push({
        row,
        field: 'code',
        message: `STT: "${cell(idx.code)}" không phải I, II…, 1, 2… hoặc a, b…`,
      });
      continue;
    }
    const parent = level === 1 ? null : stack[level - 2];
    if (level > 1 && !parent) {
      errors.push({ row, field: 'code', message: `STT: mục "${code}" không nằm dưới một mục cấp trên` });
      continue;
    }
    const maxPoints = parsePoints(cell(idx.max));
    const stepText = cell(idx.step);
    const step = stepText ? parsePoints(stepText) : 50;
    if (maxPoints === null || maxPoints <= 0) {
      errors.push({
        row,
        field: 'maxPoints',
        message: `Điểm tối đa: "${cell(idx.max)}" phải là số lớn hơn 0, tối đa 2 chữ số thập phân`,
      });
    }
    if (step === null || step <= 0) {
      errors.push({ row, field: 'step', message: `Bước chấm: "${stepText}" phải là số lớn hơn 0` });
    }
    if (!cell(idx.text)) errors.push({ row, field: 'text', message: 'Nội dung tiêu chí: là bắt buộc' });
    const kind = kindOf(cell(idx.kind) || (level === 1 ? cell(idx.text) : ''), parent?.kind ?? 'normal');
    const node: CriterionNode = {
      id: `c${++seq}`,
      code,
      text: cell(idx.text),
      kind,
      maxPoints: maxPoints ?? 0,
      step: step ?? 50,
      guidance: cell(idx.guidance) || null,
      children: [],
    };
    (parent ? parent.children : tree).push(node);
    stack[level - 1] = node;
    stack.length = level;
  }
  return { tree, errors };
}

/** The criteria set as .xlsx, in the layout people use, re-importable as is. */
export async function criteriaToXlsx(name: string, tree: CriterionNode[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Tiêu chí');
  sheet.addRow(HEADERS);
  for (const n of flatten(tree)) {
    sheet.addRow([
      n.code,
      n.text,
      hundredthsToInput(n.maxPoints),
      n.guidance ?? '',
      kindText[n.kind],
      hundredthsToInput(n.step),
    ]);
  }
  styleTable(sheet, [8, 70, 12, 50, 14, 11]);
  sheet.getRow(1).font = { ...FONT, bold: true };
  sheet.headerFooter.oddHeader = name;
  return Buffer.from(await book.xlsx.writeBuffer());
}

export function styleTable(sheet: ExcelJS.Worksheet, widths: number[]): void {
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.eachRow((row) => {
    row.font = { ...FONT, ...(row.font?.bold ? { bold: true } : {}) };
    row.alignment = { vertical: 'top', wrapText: true };
    row.eachCell(
      (c) =>
        (c.border = {
          top: { style: 'thin' },
          left: { style: 'thin' },
          bottom: { style: 'thin' },
          right: { style: 'thin' },
        }),
    );
  });
}
