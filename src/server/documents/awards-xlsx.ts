import ExcelJS from 'exceljs';
import type { TAward } from '../../shared/proposals';
import { addTableSheet, toBuffer } from './xlsx';

/** "92,35" → 92.35: the score as the number a spreadsheet can sum. */
const scoreNumber = (text: string | null): number | null =>
  text === null || !/^\d+(,\d+)?$/.test(text) ? null : Number(text.replace(',', '.'));

/** yyyy-MM-dd as a spreadsheet date (midnight UTC, so that no time zone moves the day). */
const day = (d: string | null): Date | null => (d ? new Date(`${d}T00:00:00Z`) : null);

/** The decided awards as .xlsx: numbers are numbers, dates are dates. */
export async function awardsXlsx(items: readonly TAward[], filterText: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  addTableSheet(book, 'Khen thưởng', {
    title: ['DANH SÁCH KHEN THƯỞNG ĐÃ ĐƯỢC QUYẾT ĐỊNH', filterText],
    columns: [
      { header: 'STT', width: 6, kind: 'integer' },
      { header: 'Năm', width: 8, kind: 'integer' },
      { header: 'Khối / Cụm thi đua', width: 34, kind: 'text' },
      { header: 'Đơn vị', width: 34, kind: 'text' },
      { header: 'Hình thức khen thưởng', width: 30, kind: 'text' },
      { header: 'Xếp hạng', width: 9, kind: 'integer' },
      { header: 'Điểm', width: 9, kind: 'points' },
      { header: 'Số quyết định', width: 16, kind: 'text' },
      { header: 'Ngày quyết định', width: 14, kind: 'date' },
    ],
    rows: items.map((a, i) => ({
      cells: [
        i + 1,
        a.year,
        a.blocName,
        a.unitName,
        a.awardName,
        a.rank,
        scoreNumber(a.scoreText),
        a.decisionNumber,
        day(a.decisionDate),
      ],
    })),
  });
  return toBuffer(book);
}
