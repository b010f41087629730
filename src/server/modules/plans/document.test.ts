import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paragraphs, readDocx, tableTexts, tables } from '../../testing/docx';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { DEMO_THEME } from '../../demo/plan';
import { hasSoffice } from './pdf';

const soffice = await hasSoffice();
// CI installs LibreOffice (.ci/run): there the PDF test must run, never be skipped quietly.
if (!soffice && process.env.CI) throw new Error('LibreOffice (soffice) is required in CI for the PDF test');

describe.each(testDatabases)('the plan document on %s', (kind) => {
  let t: TestApp;
  let planId: string;
  const get = async (login: string, url: string) =>
    t.app.inject({ url, headers: { cookie: await t.cookie(login) } });

  beforeAll(async () => {
    t = await createTestApp(kind);
    planId = (await t.db.handle.db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('reproduces the seed plan (1192/KH-KTĐ) in the Decree 30 layout', async () => {
    const res = await get('stc.canbo', `/api/plans/${planId}/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    // The Vietnamese name, and an ASCII one for old clients with single hyphens.
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename=Ke-hoach-thi-dua-nam-2024.docx; filename*=UTF-8''${encodeURIComponent('Kế hoạch thi đua năm 2024.docx')}`,
    );
    const { document } = await readDocx(res.rawPayload);
    const [header, footer] = tables(document).map(tableTexts);
    expect(header![0]![0]).toBe(
      'UBND THÀNH PHỐ HẢI PHÒNG\nKHỐI THI ĐUA CÁC CƠ QUAN\nQUẢN LÝ KINH TẾ THÀNH PHỐ\n',
    );
    expect(header![1]).toEqual(['Số: 1192/KH-KTĐ', 'Hải Phòng, ngày 20 tháng 3 năm 2024']);
    const body = paragraphs(document.slice(document.indexOf('</w:tbl>'), document.lastIndexOf('<w:tbl>')));
    expect(body.slice(0, 3)).toEqual([
      'KẾ HOẠCH',
      'Triển khai công tác Thi đua, khen thưởng năm 2024',
      'Khối thi đua các cơ quan Quản lý kinh tế thành phố',
    ]);
    const headings = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '2. Yêu cầu',
      'II. KẾ HOẠCH TRIỂN KHAI CÔNG TÁC THI ĐUA, KHEN THƯỞNG',
      '2. Nội dung triển khai cụ thể',
      '2.1. Quý I/2024:',
      '2.2. Quý II/2024:',
      '2.3. Quý III/2024:',
      '2.4. Quý IV/2024:',
      'III. TỔ CHỨC THỰC HIỆN',
      '3. Các đơn vị trong Khối',
    ];
    let at = -1;
    for (const h of headings) {
      const i = body.indexOf(h);
      expect(i, h).toBeGreaterThan(at);
      at = i;
    }
    const text = body.join('\n');
    expect(text).toContain(
      'Căn cứ Quyết định số 3700/QĐ-UBND ngày 08/11/2023 của UBND thành phố Hải Phòng về việc thành lập các cụm, khối thi đua trên địa bàn thành phố;',
    );
    expect(text).toContain(`thực hiện tốt chủ đề năm 2024 của thành phố “${DEMO_THEME}”.`);
    expect(text).toContain(
      'Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của 6 đơn vị trong Khối chấm chéo)/7.',
    );
    expect(text).toContain(
      '- Gửi Báo cáo Sơ kết công tác thi đua khen thưởng 6 tháng đầu năm và nhiệm vụ 6 tháng cuối năm 2024 về Ban Quản lý Khu kinh tế Hải Phòng trước ngày 07/6/2023.',
    );
    expect(text).toContain(
      'về Ban Quản lý Khu kinh tế Hải Phòng trước ngày 08/12/2024 để tổng hợp báo cáo chung.',
    );
    expect(text).toContain(
      '1. Ban Quản lý Khu kinh tế Hải Phòng, Trưởng khối thi đua Khối các cơ quan Quản lý kinh tế thành phố năm 2024',
    );
    expect(text).toContain(
      '- Gửi báo cáo sơ kết, tổng kết bảng chấm điểm về Trường khối thi đua theo đúng thời hạn quy định./.',
    );
    expect(footer).toEqual([
      [
        'Nơi nhận:\n- Hội đồng TĐKT TP (để b/c);\n- Ban TĐKT thành phố (để b/c);\n- Các đơn vị trong khối;\n- Lưu: VT, VP.',
        'KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\n\n\n\n\nBùi Ngọc Hải',
      ],
    ]);
  });

  it('serves the draft only to the head and the deputy, and a missing version as 404', async () => {
    expect((await get('skhdt.canbo', `/api/plans/${planId}/document.docx?version=draft`)).statusCode).toBe(
      200,
    );
    expect((await get('stc.canbo', `/api/plans/${planId}/document.docx?version=draft`)).statusCode).toBe(403);
    expect((await get('ban-tdkt', `/api/plans/${planId}/document.docx?version=1`)).statusCode).toBe(200);
    expect((await get('stc.canbo', `/api/plans/${planId}/document.docx?version=9`)).statusCode).toBe(404);
  });

  it('answers 503 in Vietnamese for PDF when LibreOffice is missing', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const res = await get('stc.canbo', `/api/plans/${planId}/document.pdf`);
      expect(res.statusCode).toBe(503);
      expect(res.json().message).toMatch(/chưa cài LibreOffice/);
    } finally {
      process.env.PATH = path;
    }
  });

  it.runIf(soffice && kind === 'sqlite')(
    'converts the plan to PDF with LibreOffice',
    { timeout: 120_000 },
    async () => {
      const res = await get('stc.canbo', `/api/plans/${planId}/document.pdf`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    },
  );
});
