import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { criteriaFromTable, levelOf } from '../../documents/criteria-xlsx';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';

describe('criteria table reading', () => {
  it('reads levels from STT: I → section, 1 → criterion, a → sub-criterion', () => {
    expect([levelOf('I'), levelOf('IV.'), levelOf('2'), levelOf('3)'), levelOf('b'), levelOf('x1')]).toEqual([
      1,
      1,
      2,
      2,
      3,
      null,
    ]);
  });
  it('builds the tree, infers bonus/deduction sections from their text, and reports bad rows', () => {
    const table = {
      headers: ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm'],
      rows: [
        { row: 2, cells: ['I', 'Nhiệm vụ chính trị', '60', ''] },
        { row: 3, cells: ['1', 'Chỉ tiêu', '60', 'Đạt 100%: 60 điểm'] },
        { row: 4, cells: ['II', 'Điểm thưởng', '5', ''] },
        { row: 5, cells: ['a', 'Mục con không có mục cha', '1', ''] },
        { row: 6, cells: ['1', 'Sáng kiến', '2,5', ''] },
        { row: 7, cells: ['III', 'Điểm trừ', 'mười', ''] },
      ],
    };
    const { tree, errors } = criteriaFromTable(table);
    expect(tree.map((n) => [n.code, n.kind, n.maxPoints])).toEqual([
      ['I', 'normal', 6000],
      ['II', 'bonus', 500],
      ['III', 'deduction', 0],
    ]);
    expect(tree[1]!.children[0]).toMatchObject({ kind: 'bonus', maxPoints: 250 });
    expect(tree[0]!.children[0]!.guidance).toBe('Đạt 100%: 60 điểm');
    expect(errors).toEqual([
      { row: 5, field: 'code', message: 'STT: mục "a" không nằm dưới một mục cấp trên' },
      {
        row: 7,
        field: 'maxPoints',
        message: 'Điểm tối đa: "mười" phải là số lớn hơn 0, tối đa 2 chữ số thập phân',
      },
    ]);
  });
});

describe.each(testDatabases)('criteria files on %s', (kind) => {
  let t: TestApp;
  let head: { cookie: string };
  let setId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    head = { cookie: await t.cookie('bqlkkt.canbo') };
    setId = (await t.db.handle.db.selectFrom('criteriaSets').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('exports the set as .xlsx in the usual layout and re-imports it unchanged', async () => {
    const before = (await t.app.inject({ url: `/api/criteria-sets/${setId}/export.xlsx`, headers: head }))
      .rawPayload;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(before as unknown as ArrayBuffer);
    const header = book.worksheets[0]!.getRow(1).values as unknown[];
    expect(header.slice(1, 5)).toEqual(['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Hướng dẫn chấm']);
    expect(book.worksheets[0]!.getRow(2).values).toEqual([
      undefined,
      'I',
      'Thực hiện nhiệm vụ chính trị, các chỉ tiêu kinh tế - xã hội được giao',
      '40',
      '',
      '',
      '0,5',
    ]);
    const { payload, headers } = multipart('tieu-chi.xlsx', before);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/criteria-sets/${setId}/import`,
      payload,
      headers: { ...headers, ...head },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ grandMax: 10500, leafCount: 17 });
    expect(res.json().tree[4].children[1]).toMatchObject({
      code: '2',
      kind: 'deduction',
      maxPoints: 500,
      step: 100,
    });
  });

  it('imports nothing when a row is wrong', async () => {
    const before = (await t.app.inject({ url: `/api/criteria-sets/${setId}/export.xlsx`, headers: head }))
      .rawPayload;
    const csv = 'STT;Nội dung tiêu chí;Điểm tối đa\nI;Nhiệm vụ;100\n1;Chỉ tiêu;100,555\n';
    const { payload, headers } = multipart('sai.csv', Buffer.from(csv));
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/criteria-sets/${setId}/import`,
      payload,
      headers: { ...headers, ...head },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().rowErrors).toEqual([
      { row: 3, field: 'maxPoints', message: expect.stringMatching(/Điểm tối đa/) },
    ]);
    const after = (await t.app.inject({ url: `/api/criteria-sets/${setId}/export.xlsx`, headers: head }))
      .rawPayload;
    const read = async (b: Buffer) => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(b as unknown as ArrayBuffer);
      return w.worksheets[0]!.getSheetValues();
    };
    expect(await read(after)).toEqual(await read(before));
  });

  it('gives a blank score sheet as .xlsx and .docx', async () => {
    const xlsx = await t.app.inject({
      url: `/api/criteria-sets/${setId}/blank-sheet.xlsx`,
      headers: { cookie: await t.cookie('kbnn.canbo') },
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024');
    expect(ws.getRow(5).values).toEqual([
      undefined,
      'STT',
      'Nội dung tiêu chí',
      'Điểm tối đa',
      'Điểm chấm',
      'Ghi chú',
    ]);
    expect(ws.getRow(ws.rowCount).getCell(2).value).toBe('Tổng cộng');
    const docx = await t.app.inject({ url: `/api/criteria-sets/${setId}/blank-sheet.docx`, headers: head });
    expect(docx.headers['content-disposition']).toContain('.docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('starts next year from this year’s set', async () => {
    const admin = { cookie: await t.cookie('admin') };
    const year2024 = await t.db.handle.db.selectFrom('years').selectAll().executeTakeFirstOrThrow();
    const members = (await t.app.inject({ url: `/api/years/${year2024.id}`, headers: admin }))
      .json()
      .members.map((m: { id: string }) => m.id);
    const y2025 = (
      await t.app.inject({
        method: 'POST',
        url: '/api/years',
        headers: admin,
        payload: { blocId: year2024.blocId, year: 2025, unitIds: members, headUnitId: year2024.headUnitId },
      })
    ).json();
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/years/${y2025.id}/criteria`,
      headers: head,
    });
    expect(draft.statusCode).toBe(201);
    expect(draft.json()).toMatchObject({ version: 1, status: 'draft', leafCount: 17 });
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/years/${y2025.id}/criteria`, headers: head }))
        .statusCode,
    ).toBe(409);
  });
});
