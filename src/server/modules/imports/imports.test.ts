import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';

async function xlsx(rows: string[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Dữ liệu');
  rows.forEach((r) => sheet.addRow(r));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.each(testDatabases)('importing units and users on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const upload = (what: 'units' | 'users', filename: string, data: Buffer) => {
    const body = multipart(filename, data);
    return t.app.inject({
      method: 'POST',
      url: `/api/import/${what}`,
      payload: body.payload,
      headers: { ...body.headers, cookie: admin },
    });
  };
  const count = async (table: 'units' | 'users') =>
    Number(
      (
        await t.db.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.cookie('admin');
  });
  afterAll(() => t.close());

  it('imports units from an .xlsx with Vietnamese headers, and audits each one', async () => {
    const data = await xlsx([
      ['Mã đơn vị', 'Tên đơn vị', 'Tên viết tắt', 'Thư điện tử'],
      ['so-xay-dung', 'Sở Xây dựng', 'SXD', 'vanthu.sxd@haiphong.gov.vn'],
      ['so-gtvt', 'Sở Giao thông vận tải', '', ''],
    ]);
    const res = await upload('units', 'don-vi.xlsx', data);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 2, kind: 'units' });
    const units = (await t.app.inject({ url: '/api/units', headers: { cookie: admin } })).json();
    expect(units.find((u: { code: string }) => u.code === 'so-gtvt')).toMatchObject({
      name: 'Sở Giao thông vận tải',
      shortName: null,
    });
    const audit = (
      await t.app.inject({ url: '/api/audit?action=import.units', headers: { cookie: admin } })
    ).json();
    expect(audit.items[0].after).toEqual({ count: 2 });
  });

  it('imports nothing when any row is wrong, and reports every problem with its row and field', async () => {
    const before = await count('units');
    const csv = [
      'Mã đơn vị;Tên đơn vị;Tên viết tắt;Thư điện tử',
      'so-noi-vu;Sở Nội vụ;SNV;',
      'SỞ Y TẾ;Sở Y tế;;',
      'so-noi-vu;"Sở Nội vụ; bản sao";;',
      'stc;Sở Tài chính;;khong-phai-email',
    ].join('\r\n');
    const res = await upload('units', 'don-vi.csv', Buffer.from('\uFEFF' + csv));
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION');
    expect(body.message).toMatch(/chưa nhập dòng nào/);
    expect(body.rowErrors).toEqual([
      { row: 3, field: 'Mã đơn vị', message: expect.stringMatching(/^Mã: chỉ gồm chữ thường/) },
      { row: 4, field: 'Mã đơn vị', message: 'Mã: trùng với dòng 2' },
      { row: 5, field: 'Thư điện tử', message: 'Thư điện tử: không phải địa chỉ thư điện tử hợp lệ' },
    ]);
    expect(await count('units')).toBe(before);
  });

  it('imports users with Vietnamese role names and unit codes; they must change the password', async () => {
    const csv = [
      'Tên đăng nhập,Họ và tên,Thư điện tử,Vai trò,Mã đơn vị,Mật khẩu',
      'sxd.canbo,Phạm Thị Hương,,Cán bộ đầu mối,so-xay-dung,mat-khau-tam-1',
      'sxd.lanhdao,Nguyễn Văn Sơn,son@haiphong.gov.vn,Lãnh đạo đơn vị,so-xay-dung,mat-khau-tam-2',
      'tdkt2,Trần Văn Bình,,Ban TĐKT,,mat-khau-tam-3',
    ].join('\n');
    const res = await upload('users', 'tai-khoan.csv', Buffer.from(csv));
    expect(res.json()).toEqual({ imported: 3, kind: 'users' });
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'sxd.canbo', password: 'mat-khau-tam-1' },
    });
    expect(login.json()).toMatchObject({
      role: 'officer',
      unitName: 'Sở Xây dựng',
      mustChangePassword: true,
    });
  });

  it('rejects user rows with an unknown unit, a bad role, a taken login or a short password', async () => {
    const before = await count('users');
    const data = await xlsx([
      ['Tên đăng nhập', 'Họ và tên', 'Vai trò', 'Mã đơn vị', 'Mật khẩu'],
      ['moi.canbo', 'Người Mới', 'Cán bộ đầu mối', 'khong-co', 'mat-khau-dai'],
      ['moi.lanhdao', 'Người Mới 2', 'Giám đốc', 'stc', 'mat-khau-dai'],
      ['admin', 'Trùng Tên', 'Quản trị', '', 'mat-khau-dai'],
      ['moi.ngan', 'Mật Khẩu Ngắn', 'Ban TĐKT', '', 'ngan'],
    ]);
    const res = await upload('users', 'tai-khoan.xlsx', data);
    expect(res.statusCode).toBe(400);
    expect(res.json().rowErrors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [2, 'Mã đơn vị'],
      [3, 'Vai trò'],
      [4, 'Tên đăng nhập'],
      [5, 'Mật khẩu'],
    ]);
    expect(await count('users')).toBe(before);
  });

  it('names a missing required column and refuses files that are not .xlsx/.csv or are corrupt', async () => {
    const missing = await upload('units', 'thieu-cot.csv', Buffer.from('Tên đơn vị\nSở Y tế\n'));
    expect(missing.json().rowErrors).toEqual([
      { row: 1, field: 'Mã đơn vị', message: 'Thiếu cột "Mã đơn vị"' },
    ]);
    expect((await upload('units', 'anh.png', Buffer.from('x'))).json().fieldErrors.file).toBeTruthy();
    const corrupt = await upload('units', 'hong.xlsx', Buffer.from('day khong phai xlsx'));
    expect(corrupt.statusCode).toBe(400);
    expect(corrupt.json().message).toMatch(/Không đọc được tệp/);
  });

  it('serves a template that imports as is', async () => {
    const template = await t.app.inject({
      url: '/api/import/template/units.xlsx',
      headers: { cookie: admin },
    });
    expect(template.headers['content-type']).toContain('spreadsheetml');
    const res = await upload('units', 'mau.xlsx', template.rawPayload);
    expect(res.json()).toEqual({ imported: 1, kind: 'units' });
  });
});
