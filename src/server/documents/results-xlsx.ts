import ExcelJS from 'exceljs';
import { flatten, type CriterionNode } from '../../domain/criteria';
import { formatHundredths, formatPoints } from '../../domain/points';
import { tieBreakerLabels, type TResults } from '../../shared/scoring';
import { styleTable } from './criteria-xlsx';

/** A line that says how a unit's rank was decided (ties, tie-breakers, missing sheets). */
export function rankNote(u: TResults['units'][number], names: Map<string, string>): string {
  const parts: string[] = [];
  if (u.tiedWith.length) {
    parts.push(`Bằng điểm với ${u.tiedWith.map((id) => names.get(id) ?? id).join(', ')}`);
    parts.push(u.decidedBy ? `xếp theo tiêu chí phụ: ${tieBreakerLabels[u.decidedBy]}` : 'đồng hạng');
  }
  if (u.missingScorerIds.length) parts.push(`thiếu ${u.missingScorerIds.length} bảng điểm`);
  return parts.join('; ');
}

/** "Bảng tổng hợp kết quả chấm điểm" as .xlsx: the full matrix, totals and ranking; per-criterion means. */
export async function resultsXlsx(r: TResults, tree: CriterionNode[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const names = new Map(r.units.map((u) => [u.unitId, u.unitName]));
  const scorers = r.units.map((u) => u.unitId);
  const sheet = book.addWorksheet('Tổng hợp');
  sheet.addRow([
    'STT',
    'Đơn vị được chấm',
    ...scorers.map((s) => `Chấm bởi: ${names.get(s)}`),
    'Số bảng điểm',
    'Điểm bình quân',
    'Xếp hạng',
    'Ghi chú',
  ]).font = { bold: true };
  r.units.forEach((u, i) => {
    const cells = scorers.map((s) => {
      const v = r.matrix[s]?.[u.unitId];
      return v === undefined ? '—' : formatHundredths(v);
    });
    sheet.addRow([
      i + 1,
      u.unitName,
      ...cells,
      u.sheetCount,
      u.scoreText ?? '—',
      u.rank ?? '—',
      rankNote(u, names),
    ]);
  });
  styleTable(sheet, [6, 40, ...scorers.map(() => 14), 10, 14, 10, 40]);
  const n = r.units.length;
  sheet.spliceRows(
    1,
    0,
    [`BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM — ${r.round.title}`],
    [`${r.round.blocName}, năm ${r.round.year}`],
    [
      `Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của ${n - 1} đơn vị trong Khối chấm chéo)/${n}. ${r.policyText} Đã nhận ${r.receivedSheets}/${r.expectedSheets} bảng điểm.`,
    ],
    [],
  );
  sheet.getRow(1).font = { name: 'Times New Roman', bold: true, size: 14 };

  const byCriterion = book.addWorksheet('Theo tiêu chí');
  byCriterion.addRow(['STT', 'Tiêu chí', 'Điểm tối đa', ...r.units.map((u) => u.unitName)]).font = {
    bold: true,
  };
  for (const c of flatten(tree)) {
    const row = byCriterion.addRow([
      c.code,
      c.text,
      formatHundredths(c.maxPoints),
      ...r.units.map((u) => (u.criterionMeans[c.id] ? formatPoints(u.criterionMeans[c.id]!) : '—')),
    ]);
    if (c.children.length) row.font = { bold: true };
  }
  styleTable(byCriterion, [7, 60, 12, ...r.units.map(() => 14)]);
  return Buffer.from(await book.xlsx.writeBuffer());
}
