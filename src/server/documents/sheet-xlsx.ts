import ExcelJS from 'exceljs';
import { flatten, sheetTotals, type CriterionNode, type Scores } from '../../domain/criteria';
import { formatHundredths } from '../../domain/points';
import { styleTable } from './criteria-xlsx';

const kindNote = { normal: '', bonus: 'Điểm thưởng', deduction: 'Điểm trừ' } as const;

/** One score sheet (or a blank one when scores is null) as .xlsx: STT, criterion, max, score, note. */
export async function scoreSheetXlsx(input: {
  title: string;
  scorerName: string | null;
  scoredName: string | null;
  tree: CriterionNode[];
  scores: Scores | null;
}): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Bảng chấm điểm');
  const totals = input.scores ? sheetTotals(input.tree, input.scores) : null;
  sheet.addRow(['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm chấm', 'Ghi chú']).font = { bold: true };
  for (const n of flatten(input.tree)) {
    const score = totals ? formatHundredths(totals.byNode[n.id] ?? 0) : '';
    const row = sheet.addRow([n.code, n.text, formatHundredths(n.maxPoints), score, kindNote[n.kind]]);
    if (n.children.length) row.font = { bold: true };
  }
  sheet.addRow(['', 'Tổng cộng', '', totals ? formatHundredths(totals.total) : '', '']).font = { bold: true };
  styleTable(sheet, [7, 70, 12, 12, 16]);
  sheet.spliceRows(
    1,
    0,
    [input.title],
    [`Đơn vị chấm: ${input.scorerName ?? '……………………'}`],
    [`Đơn vị được chấm: ${input.scoredName ?? '……………………'}`],
    [],
  );
  sheet.getRow(1).font = { name: 'Times New Roman', bold: true, size: 14 };
  sheet.getCell('A1').border = {};
  return Buffer.from(await book.xlsx.writeBuffer());
}
