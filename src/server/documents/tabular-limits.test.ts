import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { tableLimits } from '../limits';
import { inflatingSheetXml, sheetXml, xlsxEntries, zipEntries } from '../testing/zip';
import { parseCsv, readGrid } from './tabular';

const MB = 1024 * 1024;

/** The AppError a read was refused with (fails the test when the read succeeds or fails otherwise). */
async function refusal(read: Promise<unknown>): Promise<AppError> {
  const error: unknown = await read.then(
    () => new Error('read succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('reading an .xlsx as a bounded stream', () => {
  it('reads what exceljs read: shared strings, merges, numbers, dates, formulas, booleans, rich text', async () => {
    const book = new ExcelJS.Workbook();
    const s = book.addWorksheet('Tiêu chí');
    s.getCell('A1').value = 'BẢNG TIÊU CHÍ';
    s.mergeCells('A1:C1');
    s.addRow([]);
    s.getRow(2).values = ['STT', 'Nội dung tiêu chí', 'Điểm tối đa'];
    s.getRow(3).values = ['I', '  Công tác chung ', 8.5];
    s.mergeCells('A3:A4');
    s.getCell('B4').value = new Date('2024-03-20T00:00:00Z');
    s.getCell('C4').value = { formula: 'C3*2', result: 17 };
    s.getCell('D4').value = true;
    s.getCell('E4').value = { richText: [{ text: 'Điểm ' }, { text: 'thưởng' }] };
    const data = Buffer.from(await book.xlsx.writeBuffer());
    expect(await readGrid(data, 'tieu-chi.xlsx')).toEqual([
      { row: 1, cells: ['BẢNG TIÊU CHÍ', 'BẢNG TIÊU CHÍ', 'BẢNG TIÊU CHÍ', '', ''] },
      { row: 2, cells: ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', '', ''] },
      { row: 3, cells: ['I', 'Công tác chung', '8.5', '', ''] },
      { row: 4, cells: ['I', '2024-03-20T00:00:00.000Z', '17', 'true', 'Điểm thưởng'] },
    ]);
  });

  it('ignores cells beyond the columns it reads, at a cost in proportion to the cells present (column XFD)', async () => {
    const rows: [string, string][][] = [
      [
        ['A1', 'Mã đơn vị'],
        ['B1', 'Tên đơn vị'],
        ['XFD1', 'xa'],
      ],
    ];
    for (let r = 2; r <= 6; r++) {
      rows.push([
        [`A${r}`, `dv-${r}`],
        [`B${r}`, `Đơn vị ${r}`],
        [`XFD${r}`, 'xa'],
      ]);
    }
    const grid = await readGrid(zipEntries(xlsxEntries(sheetXml(rows))), 'don-vi.xlsx');
    expect(grid).toHaveLength(6);
    expect(grid[0]).toEqual({ row: 1, cells: ['Mã đơn vị', 'Tên đơn vị'] });
    expect(grid[5]).toEqual({ row: 6, cells: ['dv-6', 'Đơn vị 6'] });
    expect(grid.every((r) => r.cells.length <= tableLimits.maxColumns && !r.cells.includes('xa'))).toBe(true);
  });

  it('refuses a sheet whose declared size is over the limit before inflating it', async () => {
    const bomb = zipEntries(xlsxEntries(inflatingSheetXml(1000), 2_000_000_000));
    const e = await refusal(readGrid(bomb, 'bom.xlsx'));
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/^Tệp quá lớn sau khi giải nén/);
  });

  it('refuses a sheet that truly inflates to 40 MB from a file under 1 MB', async () => {
    const bomb = zipEntries(xlsxEntries(inflatingSheetXml(40 * MB)));
    expect(bomb.length).toBeLessThan(MB);
    expect((await refusal(readGrid(bomb, 'bom.xlsx'))).message).toMatch(/^Tệp quá lớn sau khi giải nén/);
  });

  it('stops inflating a sheet that lies about its size (declared 1 kB, inflates to 40 MB)', async () => {
    const bomb = zipEntries(xlsxEntries(inflatingSheetXml(40 * MB), 1000));
    expect((await refusal(readGrid(bomb, 'bom.xlsx'))).message).toMatch(/^Tệp quá lớn sau khi giải nén/);
  });

  it('refuses an archive of too many entries', async () => {
    const many = Array.from({ length: tableLimits.maxEntries }, (_, i) => ({
      name: `xl/media/a${i}.txt`,
      data: Buffer.from('x'),
    }));
    const e = await refusal(readGrid(zipEntries([...xlsxEntries(sheetXml([])), ...many]), 'nhieu.xlsx'));
    expect(e.message).toMatch(/^Tệp quá lớn sau khi giải nén/);
  });

  it('refuses more rows than the limit, and reads a file that is no workbook as an error', async () => {
    const rows: [string, string][][] = Array.from({ length: 6 }, (_, i) => [[`A${i + 1}`, 'x']]);
    const data = zipEntries(xlsxEntries(sheetXml(rows)));
    const e = await refusal(readGrid(data, 'a.xlsx', { ...tableLimits, maxRows: 5 }));
    expect(e.status).toBe(413);
    expect(e.message).toMatch(/quá 5 dòng/);
    await expect(readGrid(Buffer.from('not a zip'), 'a.xlsx')).rejects.toThrow();
  });
});

describe('reading a CSV within limits', () => {
  it('keeps the first columns of a very wide row and skips blank lines', async () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    const grid = await readGrid(Buffer.from(`${wide}\n\n\n\na,b\n`), 'rong.csv');
    expect(grid.map((r) => r.row)).toEqual([1, 5]);
    expect(grid[0]!.cells).toHaveLength(tableLimits.maxColumns);
    expect(grid[0]!.cells.at(-1)).toBe(`c${tableLimits.maxColumns - 1}`);
    expect(parseCsv('a;b;c;d', 2)).toEqual([['a', 'b']]);
  });

  it('refuses more rows than the limit', async () => {
    const e = await refusal(readGrid(Buffer.from('a\nb\nc\n'), 'a.csv', { ...tableLimits, maxRows: 2 }));
    expect(e.message).toMatch(/quá 2 dòng/);
  });
});

describe('the spreadsheet reading queue', () => {
  it('reads two at a time, lets eight wait, and answers 503 with Retry-After beyond that', async () => {
    const data = zipEntries(xlsxEntries(sheetXml([[['A1', 'x']]])));
    const reads = Array.from({ length: 10 }, () => readGrid(data, 'a.xlsx'));
    const e = await refusal(readGrid(data, 'a.xlsx'));
    expect(e.status).toBe(503);
    expect(e).toMatchObject({ code: 'BUSY', retryAfterSeconds: expect.any(Number) });
    for (const r of await Promise.all(reads)) expect(r).toEqual([{ row: 1, cells: ['x'] }]);
  });
});
