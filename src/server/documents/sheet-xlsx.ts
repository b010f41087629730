import ExcelJS from 'exceljs';
import { flatten, sheetTotals, type CriterionNode, type Scores } from '../../domain/criteria';
import { addTableSheet, points, toBuffer } from './xlsx';

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
  const totals = input.scores ? sheetTotals(input.tree, input.scores) : null;
  addTableSheet(book, 'Bảng chấm điểm', {
    title: [
      input.title,
      `Đơn vị chấm: ${input.scorerName ?? '……………………………………'}`,
      `Đơn vị được chấm: ${input.scoredName ?? '……………………………………'}`,
    ],
    columns: [
      { header: 'STT', width: 7, kind: 'text' },
      { header: 'Nội dung tiêu chí', width: 62, kind: 'text' },
      { header: 'Điểm tối đa', width: 11, kind: 'points' },
      { header: 'Điểm chấm', width: 11, kind: 'points' },
      { header: 'Ghi chú', width: 14, kind: 'text' },
    ],
    rows: [
      ...flatten(input.tree).map((n) => ({
        cells: [
          n.code,
          n.text,
          points(n.maxPoints),
          totals ? points(totals.byNode[n.id] ?? 0) : null,
          kindNote[n.kind],
        ],
        bold: n.children.length > 0,
      })),
      {
        cells: ['', 'Tổng cộng (điểm trừ đã trừ)', null, totals ? points(totals.total) : null, ''],
        bold: true,
      },
    ],
  });
  return toBuffer(book);
}
