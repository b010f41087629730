import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { docxText } from '../../testing/docx';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';

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

  const exportXlsx = async () =>
    (await t.app.inject({ url: `/api/criteria-sets/${setId}/export.xlsx`, headers: head })).rawPayload;
  const preview = async (name: string, data: Buffer, cookie = head.cookie) => {
    const { payload, headers } = multipart(name, data);
    return t.app.inject({
      method: 'POST',
      url: `/api/criteria-sets/${setId}/import/preview`,
      payload,
      headers: { ...headers, cookie },
    });
  };
  /** The tree without its ids (an import numbers nodes afresh). */
  const withoutIds = (tree: CriterionNode[]): unknown =>
    tree.map(({ id: _id, children, ...rest }) => ({
      ...rest,
      guidance: rest.guidance ?? null,
      children: withoutIds(children),
    }));

  it('exports the set as .xlsx with number cells, and its preview gives back the same tree', async () => {
    const file = await exportXlsx();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const ws = book.worksheets[0]!;
    expect(ws.getCell('A1').text).toMatch(/^BẢNG TIÊU CHÍ/);
    expect((ws.getRow(3).values as unknown[]).slice(1, 7)).toEqual([
      'STT',
      'Nội dung tiêu chí',
      'Điểm tối đa',
      'Hướng dẫn chấm',
      'Loại',
      'Bước chấm',
    ]);
    expect(ws.getCell('C4').type).toBe(ExcelJS.ValueType.Number);
    expect([ws.getCell('C4').value, ws.getCell('C4').numFmt, ws.getCell('F4').value]).toEqual([
      40,
      '0.00',
      0.5,
    ]);
    expect(ws.pageSetup.printTitlesRow).toBe('3:3');
    const res = await preview('tieu-chi.xlsx', file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ grandMax: 10500, leafCount: 17, headerRow: 3, warnings: [] });
    const set = (await t.app.inject({ url: `/api/criteria-sets/${setId}`, headers: head })).json();
    expect(withoutIds(res.json().tree)).toEqual(withoutIds(set.tree));
  });

  it('reads a provincial sheet: merged titles, blank rows, header on row 6, extra columns, a total row; saves nothing', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Bảng điểm');
    ws.getCell('A1').value = 'UBND THÀNH PHỐ HẢI PHÒNG';
    ws.mergeCells('A1:E1');
    ws.getCell('A2').value = 'KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ KINH TẾ';
    ws.mergeCells('A2:E2');
    ws.getCell('A4').value = 'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2025';
    ws.mergeCells('A4:E4');
    const rows: (string | number)[][] = [
      ['TT', 'NỘI DUNG TIÊU CHÍ', 'Điểm\ntối đa', 'Điểm tự chấm', 'Ghi chú'],
      ['I', 'Công tác tuyên truyền', 10, '', ''],
      ['1.', 'Tuyên truyền chủ trương, chính sách', 6, 5, ''],
      ['2.', 'Bảo vệ môi trường', 4, '', ''],
      ['II', 'Công tác thi đua, khen thưởng', 20, '', ''],
      ['1', 'Xây dựng kế hoạch', 20, '', ''],
      ['1.1', 'Ban hành đúng hạn', 10, '', ''],
      ['1.2', 'Tổ chức thực hiện', 10, '', ''],
      ['III', 'Điểm thưởng', 5, '', ''],
      ['1', 'Sáng kiến được công nhận', 2.5, '', ''],
      ['2', 'Khen thưởng đột xuất', 2.5, '', ''],
      ['', 'Tổng cộng', 30, '', ''],
    ];
    rows.forEach((r, i) => (ws.getRow(6 + i).values = r));
    const before = await exportXlsx();
    const res = await preview('bang-cham-diem.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    const tree: CriterionNode[] = res.json().tree;
    expect(res.json()).toMatchObject({ headerRow: 6, grandMax: 3500, leafCount: 6 });
    expect(tree.map((n) => [n.code, n.kind, n.maxPoints])).toEqual([
      ['I', 'normal', 1000],
      ['II', 'normal', 2000],
      ['III', 'bonus', 500],
    ]);
    expect(tree[1]!.children[0]!.children.map((c) => c.code)).toEqual(['1.1', '1.2']);
    // A preview changes nothing on the server.
    const read = async (b: Buffer) => {
      const w = new ExcelJS.Workbook();
      await w.xlsx.load(b as unknown as ArrayBuffer);
      return w.worksheets[0]!.getSheetValues();
    };
    expect(await read(await exportXlsx())).toEqual(await read(before));
  });

  it('reads a CSV with a. letters and reports each wrong row by its row and column', async () => {
    const ok = 'STT;Nội dung;Điểm tối đa;Ghi chú\nI;Nhiệm vụ;10;\n1;Chỉ tiêu;10;\na.;Một;5;x\nb.;Hai;5;\n';
    const good = await preview('tieu-chi.csv', Buffer.from(ok));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json().leafCount).toBe(2);
    const csv = 'STT;Nội dung tiêu chí;Điểm tối đa\nI;Nhiệm vụ;100\n1;Chỉ tiêu;100,555\n';
    const res = await preview('sai.csv', Buffer.from(csv));
    expect(res.statusCode).toBe(400);
    expect(res.json().rowErrors).toEqual([
      {
        row: 3,
        field: 'Điểm tối đa',
        column: 'C',
        message: expect.stringMatching(/^Điểm tối đa: "100,555"/),
      },
    ]);
    expect(JSON.stringify(res.json())).not.toMatch(/maxPoints|c\d/);
  });

  it('lets only the head read a criteria file', async () => {
    const res = await preview('tieu-chi.xlsx', await exportXlsx(), await t.cookie('stc.canbo'));
    expect(res.statusCode).toBe(403);
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
    expect(ws.getRow(ws.rowCount).getCell(2).value).toBe('Tổng cộng (điểm trừ đã trừ)');
    expect([ws.getCell('C6').type, ws.getCell('C6').numFmt, ws.getCell('D6').value]).toEqual([
      ExcelJS.ValueType.Number,
      '0.00',
      null,
    ]);
    const docx = await t.app.inject({ url: `/api/criteria-sets/${setId}/blank-sheet.docx`, headers: head });
    expect(docx.headers['content-disposition']).toContain('filename=Bang-cham-diem-trong-nam-2024.docx');
    // The scoring unit's blanks, not the head's signature: unit, signer and date are left to fill.
    const text = await docxText(docx.rawPayload);
    expect(text).toMatch(/UBND THÀNH PHỐ HẢI PHÒNG\n…{6,}\n/);
    expect(text).toContain('Hải Phòng, ngày …… tháng …… năm 20……');
    expect(text).toContain('THỦ TRƯỞNG ĐƠN VỊ\n(Ký, ghi rõ họ tên và đóng dấu)');
    expect(text).toContain('Nơi nhận:\n- Ban Quản lý Khu kinh tế Hải Phòng (Trưởng khối);');
    expect(text).not.toContain('Bùi Ngọc Hải');
    expect(text).not.toContain('KHỐI THI ĐUA CÁC CƠ QUAN');
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
