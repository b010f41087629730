import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { parseQueueLimits, tableLimits, type TableLimits } from '../limits';
import { createWorkQueue } from '../work-queue';
import { readDateStyles, readSharedStrings, workbookParts } from './xlsx-parts';
import { readSheet, tooManyRows } from './xlsx-sheet';
import { openZip, tooLargeUnzipped } from './zip-reader';

/** A sheet read as text cells: row numbers are those the user sees (the header is row 1). */
export interface Table {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

/** One row of a sheet as text cells, numbered as the user sees it (1-based). */
export interface GridRow {
  row: number;
  cells: string[];
}

const parseQueue = createWorkQueue({
  ...parseQueueLimits,
  busyMessage: 'Máy chủ đang đọc nhiều tệp cùng lúc; hãy thử lại sau ít giây.',
});

/** Reads the first sheet of an .xlsx file, or a CSV file (comma or semicolon, optional BOM). */
export async function readTable(data: Buffer, filename: string, limits = tableLimits): Promise<Table> {
  return split(await readGrid(data, filename, limits));
}

/**
 * Every non-empty row of the first sheet (.xlsx) or of a CSV file, as text cells, with the row numbers
 * the user sees. For layouts whose header is not on the first row (title rows above it).
 * Bounded (see `tableLimits`): a file over a limit is refused with a Vietnamese 413 (an AppError), columns
 * past `maxColumns` are ignored, and at most a few files are read at once (503 when the line is full).
 */
export async function readGrid(data: Buffer, filename: string, limits = tableLimits): Promise<GridRow[]> {
  return parseQueue.run(async () => {
    const grid = filename.toLowerCase().endsWith('.csv')
      ? readCsv(data, limits)
      : await readXlsx(data, limits);
    return grid.filter((r) => r.cells.some((c) => c !== ''));
  });
}

/** The first sheet of a workbook, read as a bounded stream (never loaded whole, unlike exceljs). */
async function readXlsx(data: Buffer, limits: TableLimits): Promise<GridRow[]> {
  const zip = await openZip(data, limits);
  const parts = await workbookParts(zip);
  if (!parts.sheet) throw new Error('no worksheet');
  const strings = parts.sharedStrings
    ? await readSharedStrings(zip, parts.sharedStrings, limits.maxSharedStrings)
    : [];
  const dateStyles = parts.styles ? await readDateStyles(zip, parts.styles) : new Set<number>();
  return readSheet(zip, parts.sheet, { strings, dateStyles, date1904: parts.date1904 }, limits);
}

/** Excel in a Vietnamese locale writes semicolons: the separator is the one the first line has more of. */
function separatorOf(text: string): ';' | ',' {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

/**
 * RFC 4180 CSV through csv-parse (quoted fields, doubled quotes, CRLF or LF, optional BOM), calling
 * `onRecord` with each record and its number (blank lines count, as a spreadsheet shows them). Columns past
 * `maxColumns` are dropped. A malformed file (an unclosed quote) throws.
 */
function scanCsv(text: string, maxColumns: number, onRecord: (cells: string[], n: number) => void): void {
  parse(text, {
    bom: true,
    delimiter: separatorOf(text),
    relax_quotes: true,
    relax_column_count: true,
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: false,
    on_record: (record: string[], { records }) => {
      onRecord(record.slice(0, maxColumns), records);
      return null;
    },
  });
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. Columns past `maxColumns` are dropped. */
export function parseCsv(text: string, maxColumns = tableLimits.maxColumns): string[][] {
  const rows: string[][] = [];
  scanCsv(text, maxColumns, (cells) => rows.push(cells));
  return rows;
}

/** Non-empty CSV records with their numbers; more than `maxRows` of them is refused. */
function readCsv(data: Buffer, limits: TableLimits): GridRow[] {
  if (data.length > limits.maxUnzippedBytes) throw tooLargeUnzipped(limits);
  const grid: GridRow[] = [];
  scanCsv(data.toString('utf8'), limits.maxColumns, (cells, n) => {
    if (!cells.some((c) => c.trim() !== '')) return; // blank lines cost nothing to keep
    if (grid.length >= limits.maxRows) throw tooManyRows(limits.maxRows);
    grid.push({ row: n, cells: cells.map((c) => c.trim()) });
  });
  return grid;
}

/** The first non-empty row as the header, the rest as data. */
function split(grid: GridRow[]): Table {
  const [header, ...rows] = grid;
  return { headers: header?.cells ?? [], rows };
}

/** An .xlsx with a bold header row and example rows, for import templates. */
export async function writeTable(sheetName: string, headers: string[], rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(headers).font = { bold: true, name: 'Times New Roman' };
  rows.forEach((r) => sheet.addRow(r));
  sheet.columns.forEach((c) => (c.width = 28));
  return Buffer.from(await book.xlsx.writeBuffer());
}
