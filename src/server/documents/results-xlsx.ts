import ExcelJS from 'exceljs';
import { flatten, type CriterionNode } from '../../domain/criteria';
import { roundHundredths } from '../../domain/points';
import { rankNoteParts, rankNoteText } from '../../domain/rank-notes';
import type { TResults } from '../../shared/scoring';
import { afterCloseLines } from './after-close';
import { addTableSheet, points, toBuffer } from './xlsx';

/** The "Ghi chú" of each unit (ties, tie-breakers, exact scores behind equal rounded ones, missing sheets). */
export function rankNotes(r: TResults): Map<string, string> {
  const names = new Map(r.units.map((u) => [u.unitId, u.unitName]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return new Map(r.units.map((u) => [u.unitId, rankNoteText(rankNoteParts(u, r.units), nameOf)]));
}

/** The "Đề nghị khen thưởng" cell of a unit: its proposed award names, when the year's nominations exist. */
export const nominationText = (r: TResults, unitId: string): string =>
  (r.nominations?.[unitId] ?? []).join('; ');

/** "Bảng tổng hợp kết quả chấm điểm" as .xlsx: the full matrix, totals and ranking; per-criterion means. */
export async function resultsXlsx(r: TResults, tree: CriterionNode[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const notes = rankNotes(r);
  const n = r.units.length;
  addTableSheet(book, 'Tổng hợp', {
    title: [
      `BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM — ${r.round.title}`,
      `${r.round.blocName}, năm ${r.round.year}`,
      `Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của ${n - 1} đơn vị trong Khối chấm chéo)/${n}. ${r.policyText} Đã nhận ${r.receivedSheets}/${r.expectedSheets} bảng điểm.`,
    ],
    columns: [
      { header: 'STT', width: 5, kind: 'integer' },
      { header: 'Đơn vị được chấm', width: 30, kind: 'text' },
      ...r.units.map((s) => ({ header: `Chấm bởi: ${s.unitName}`, width: 12, kind: 'points' as const })),
      { header: 'Số bảng điểm', width: 8, kind: 'integer' },
      { header: 'Điểm bình quân', width: 11, kind: 'points' },
      { header: 'Xếp hạng', width: 8, kind: 'integer' },
      ...(r.nominations ? [{ header: 'Đề nghị khen thưởng', width: 30, kind: 'text' as const }] : []),
      { header: 'Ghi chú', width: 40, kind: 'text' },
    ],
    rows: r.units.map((u, i) => ({
      cells: [
        i + 1,
        u.unitName,
        ...r.units.map((s) => points(r.matrix[s.unitId]?.[u.unitId])),
        u.sheetCount,
        u.score ? points(roundHundredths(u.score)) : null,
        u.rank,
        ...(r.nominations ? [nominationText(r, u.unitId)] : []),
        notes.get(u.unitId) ?? '',
      ],
    })),
    footer: [
      'Ô trống trong cột "Chấm bởi": đơn vị đó chưa gửi bảng điểm. Điểm bình quân làm tròn đến 2 chữ số thập phân; xếp hạng theo giá trị chính xác.',
    ],
  });
  addTableSheet(book, 'Theo tiêu chí', {
    title: [`ĐIỂM BÌNH QUÂN THEO TIÊU CHÍ — ${r.round.title}`],
    columns: [
      { header: 'STT', width: 6, kind: 'text' },
      { header: 'Tiêu chí', width: 50, kind: 'text' },
      { header: 'Điểm tối đa', width: 10, kind: 'points' },
      ...r.units.map((u) => ({ header: u.unitName, width: 12, kind: 'points' as const })),
    ],
    rows: flatten(tree).map((c) => ({
      cells: [
        c.code,
        c.text,
        points(c.maxPoints),
        ...r.units.map((u) => {
          const mean = u.criterionMeans[c.id];
          return mean ? points(roundHundredths(mean)) : null;
        }),
      ],
      bold: c.children.length > 0,
    })),
  });
  const lines = afterCloseLines(r.afterClose);
  addTableSheet(book, 'Sau khi đóng đợt', {
    title: [`MỞ LẠI VÀ THAY ĐỔI SAU KHI ĐÓNG ĐỢT CHẤM — ${r.round.title}`],
    columns: [
      { header: 'STT', width: 6, kind: 'integer' },
      { header: 'Nội dung', width: 120, kind: 'text' },
    ],
    rows: lines.length
      ? lines.map((line, i) => ({ cells: [i + 1, line] }))
      : [{ cells: [null, 'Không có lần mở lại hay thay đổi bảng điểm nào sau khi đóng đợt chấm.'] }],
  });
  return toBuffer(book);
}
