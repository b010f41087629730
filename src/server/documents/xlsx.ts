import ExcelJS from 'exceljs';

/**
 * Tables as Excel can compute with and print: every score, total, mean and maximum is a number cell
 * showing two decimals (Excel shows the decimal comma on a Vietnamese system), ranks and counts are
 * integers; one font (Times New Roman); title rows above the header; landscape when the table is wide,
 * fitted to one page wide, the header row repeated on every printed page and wrapped, never cut.
 */

export const FONT = 'Times New Roman';
/** Two decimals, always: 8,50. */
export const POINTS_FORMAT = '0.00';

export type ColumnKind = 'text' | 'points' | 'integer' | 'date';
export interface Column {
  header: string;
  width: number;
  kind: ColumnKind;
}
export type CellValue = string | number | Date | null;
export interface TableRow {
  cells: CellValue[];
  bold?: boolean;
}

/** Hundredths as the number of points a cell holds: 850 → 8.5. */
export const points = (hundredths: number | null | undefined): number | null =>
  hundredths === null || hundredths === undefined ? null : hundredths / 100;

const thin = { style: 'thin' } as const;
const border = { top: thin, left: thin, bottom: thin, right: thin };

/** Adds a sheet with title lines, a header row and the rows; returns it for anything extra. */
export function addTableSheet(
  book: ExcelJS.Workbook,
  name: string,
  t: { title: string[]; columns: Column[]; rows: TableRow[]; footer?: string[] },
): ExcelJS.Worksheet {
  const width = t.columns.reduce((s, c) => s + c.width, 0);
  const sheet = book.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: width > 100 ? 'landscape' : 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  t.columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
  const last = t.columns.length;
  t.title.forEach((line, i) => {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, last);
    row.font = { name: FONT, size: i === 0 ? 14 : 12, bold: i === 0 };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row.height = i === 0 ? 22 : 32;
  });
  if (t.title.length) sheet.addRow([]);
  const header = sheet.addRow(t.columns.map((c) => c.header));
  header.font = { name: FONT, size: 12, bold: true };
  header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  header.eachCell((c) => (c.border = border));
  sheet.pageSetup.printTitlesRow = `${header.number}:${header.number}`;
  for (const r of t.rows) {
    const row = sheet.addRow(r.cells.map((v) => v ?? null));
    row.font = { name: FONT, size: 12, bold: Boolean(r.bold) };
    t.columns.forEach((c, i) => {
      const cell = row.getCell(i + 1);
      cell.border = border;
      cell.alignment = {
        vertical: 'top',
        wrapText: c.kind === 'text',
        horizontal: c.kind === 'text' ? 'left' : 'right',
      };
      if (c.kind === 'points') cell.numFmt = POINTS_FORMAT;
      if (c.kind === 'integer') cell.numFmt = '0';
      if (c.kind === 'date') cell.numFmt = 'dd/mm/yyyy';
    });
  }
  for (const line of t.footer ?? []) {
    const row = sheet.addRow([line]);
    sheet.mergeCells(row.number, 1, row.number, last);
    row.font = { name: FONT, size: 12, italic: true };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  return sheet;
}

/** The workbook as a file. */
export async function toBuffer(book: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await book.xlsx.writeBuffer());
}
