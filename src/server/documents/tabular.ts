import ExcelJS from 'exceljs';

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

/** Reads the first sheet of an .xlsx file, or a CSV file (comma or semicolon, optional BOM). */
export async function readTable(data: Buffer, filename: string): Promise<Table> {
  return split(await readGrid(data, filename));
}

/**
 * Every non-empty row of the first sheet (.xlsx) or of a CSV file, as text cells, with the row numbers
 * the user sees. For layouts whose header is not on the first row (title rows above it).
 */
export async function readGrid(data: Buffer, filename: string): Promise<GridRow[]> {
  const grid = filename.toLowerCase().endsWith('.csv')
    ? readCsv(data.toString('utf8'))
    : await readXlsx(data);
  return grid.filter((r) => r.cells.some((c) => c !== ''));
}

async function readXlsx(data: Buffer): Promise<GridRow[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return [];
  const grid: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(r.getCell(c).value));
    grid.push({ row: rowNumber, cells });
  });
  return grid;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text.trim();
    if ('richText' in v) {
      return v.richText
        .map((t) => t.text)
        .join('')
        .trim();
    }
    if ('result' in v) return typeof v.result === 'object' ? '' : String(v.result ?? '').trim();
    return '';
  }
  return String(v).trim();
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF. */
export function parseCsv(text: string): string[][] {
  const src = text.replace(/^\uFEFF/, '');
  const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && src[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

function readCsv(text: string): GridRow[] {
  return parseCsv(text).map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) }));
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
