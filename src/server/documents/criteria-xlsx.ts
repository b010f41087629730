import ExcelJS from 'exceljs';
import { flatten, type CriterionKind, type CriterionNode } from '../../domain/criteria';
import { addTableSheet, points, toBuffer } from './xlsx';

const kindText: Record<CriterionKind, string> = { normal: '', bonus: 'Điểm thưởng', deduction: 'Điểm trừ' };

/**
 * The criteria set as .xlsx in the layout people circulate (a title, then STT, Nội dung tiêu chí, Điểm tối
 * đa, Hướng dẫn chấm, Loại, Bước chấm), re-importable as is.
 */
export async function criteriaToXlsx(name: string, tree: CriterionNode[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  addTableSheet(book, 'Tiêu chí', {
    title: [name.toUpperCase()],
    columns: [
      { header: 'STT', width: 7, kind: 'text' },
      { header: 'Nội dung tiêu chí', width: 60, kind: 'text' },
      { header: 'Điểm tối đa', width: 11, kind: 'points' },
      { header: 'Hướng dẫn chấm', width: 45, kind: 'text' },
      { header: 'Loại', width: 13, kind: 'text' },
      { header: 'Bước chấm', width: 10, kind: 'points' },
    ],
    rows: flatten(tree).map((n) => ({
      cells: [n.code, n.text, points(n.maxPoints), n.guidance ?? '', kindText[n.kind], points(n.step)],
      bold: n.children.length > 0,
    })),
  });
  return toBuffer(book);
}
