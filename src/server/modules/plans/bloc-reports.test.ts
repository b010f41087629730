import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../clock';
import { seedDemoLife } from '../../demo/seed';
import { docxText, paragraphs, readDocx, tableTexts, tables } from '../../testing/docx';
import { testFiles } from '../../testing/files';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';
import { MAX_ZIP_BYTES } from './bloc-report-service';

/**
 * The bloc's own reports on the demo bloc's 2024: registrations, the covenant, events and exemplary models
 * through their routes, units' reports uploaded on time, late or not at all; then the mid-year and year-end
 * .docx read back, the units' reports .zip opened with its table of contents, and the year-end ranking once
 * the results are published (by the demo's own finished year).
 */
const HEAD = 'bqlkkt.canbo';
const HEAD_LEADER = 'bqlkkt.lanhdao';

describe.each(testDatabases)('the bloc reports on %s', (kind) => {
  let t: TestApp;
  let yearId: string;
  let unit: Record<string, string>;
  let names: Record<string, string>;
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const nameOf = (code: string) => names[code] ?? code;
  const at = (iso: string) => setClock(new Date(iso));
  const expectOk = (res: { statusCode: number; body: string }, status = 200) =>
    expect(res.statusCode, res.body).toBe(status);
  /** The unit's task for a report, by its deliverable. */
  const taskOf = async (code: string, deliverable: string) =>
    (
      await t.db.handle.db
        .selectFrom('tasks')
        .select('id')
        .where('yearId', '=', yearId)
        .where('unitId', '=', unit[code]!)
        .where('deliverable', '=', deliverable)
        .executeTakeFirstOrThrow()
    ).id;
  const upload = async (code: string, deliverable: string, filename: string, data: Buffer) => {
    const body = multipart(filename, data);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${await taskOf(code, deliverable)}/report`,
      payload: body.payload,
      headers: { ...body.headers, cookie: await t.cookie(`${code}.canbo`) },
    });
    expectOk(res, 201);
  };
  const docx = async (period: string) => {
    const res = await call(HEAD, 'GET', `/api/years/${yearId}/bloc-reports/${period}`);
    expectOk(res);
    return res;
  };
  const midFile = testFiles.pdf('Báo cáo sơ kết 6 tháng của Sở Tài chính');
  const stcYearEnd = testFiles.docx('Báo cáo tổng kết năm của Sở Tài chính');
  const sctFirst = testFiles.pdf('Bản đầu');
  const sctSecond = testFiles.pdf('Bản bổ sung của Sở Công Thương');

  beforeAll(async () => {
    at('2024-02-20T02:00:00Z');
    t = await createTestApp(kind);
    const db = t.db.handle.db;
    yearId = (await db.selectFrom('years').select('id').where('year', '=', 2024).executeTakeFirstOrThrow())
      .id;
    const units = await db.selectFrom('units').select(['id', 'code', 'name']).execute();
    unit = Object.fromEntries(units.map((u) => [u.code, u.id]));
    names = Object.fromEntries(units.map((u) => [u.code, u.name]));

    // Q1: Sở Tài chính registers, the head accepts and sends the summary to the Council.
    at('2024-03-10T02:00:00Z');
    const choice = { items: [{ code: 'co-thi-dua' }], commitments: 'Hoàn thành xuất sắc nhiệm vụ.' };
    expectOk(await call('stc.canbo', 'PUT', `/api/years/${yearId}/registration`, choice));
    const sent = await call('stc.lanhdao', 'POST', `/api/years/${yearId}/registration/submit`, choice);
    expectOk(sent);
    expectOk(await call(HEAD, 'POST', `/api/registrations/${sent.json().id}/accept`));
    at('2024-03-29T02:00:00Z');
    expectOk(
      await call(HEAD, 'POST', `/api/years/${yearId}/registrations/dispatches`, {
        docNumber: '05/KTĐ',
        sentOn: '2024-03-29',
      }),
      201,
    );
    // The covenant: published, signed by the head and Sở Tài chính only.
    const draft = {
      title: 'Giao ước thi đua năm 2024',
      body: 'Các đơn vị thống nhất.',
      commitments: ['Cam kết một.'],
    };
    expectOk(await call(HEAD, 'PUT', `/api/years/${yearId}/covenant`, { ...draft, revision: 0 }));
    at('2024-04-02T02:00:00Z');
    const published = await call(HEAD_LEADER, 'POST', `/api/years/${yearId}/covenant/publish`, {
      revision: 1,
    });
    expectOk(published);
    const textHash = published.json().covenant.published.textHash as string;
    at('2024-04-03T03:00:00Z');
    for (const leader of [HEAD_LEADER, 'stc.lanhdao']) {
      expectOk(await call(leader, 'POST', `/api/years/${yearId}/covenant/sign`, { textHash }));
    }
    // Events: an exchange in May with its minutes, a study visit in November without.
    const event = (title: string, startsAt: string, endsAt: string, kindOf: string) => ({
      kind: kindOf,
      title,
      startsAt,
      endsAt,
      location: 'Nhà văn hóa thành phố',
      hostUnitId: unit.bqlkkt,
      unitIds: [unit.bqlkkt, unit.stc, unit.sct],
    });
    const may = await call(
      HEAD,
      'POST',
      `/api/years/${yearId}/events`,
      event(
        'Giao lưu thể thao chào mừng 19/5',
        '2024-05-15T08:00:00+07:00',
        '2024-05-15T11:00:00+07:00',
        'exchange',
      ),
    );
    expectOk(may, 201);
    const minutes = multipart('Biên bản giao lưu.pdf', testFiles.pdf('Biên bản'));
    expectOk(
      await t.app.inject({
        method: 'POST',
        url: `/api/events/${may.json().id}/attachments?kind=minutes`,
        payload: minutes.payload,
        headers: { ...minutes.headers, cookie: await t.cookie(HEAD) },
      }),
      201,
    );
    expectOk(
      await call(
        HEAD,
        'POST',
        `/api/years/${yearId}/events`,
        event(
          'Học tập kinh nghiệm tại Quảng Ninh',
          '2024-11-20T08:00:00+07:00',
          '2024-11-21T17:00:00+07:00',
          'study-visit',
        ),
      ),
      201,
    );
    // An exemplary model, marked for the year-end conference.
    const model = await call('stc.canbo', 'POST', `/api/years/${yearId}/exemplars`, {
      title: 'Mô hình “Dân vận khéo” trong thu ngân sách',
      field: 'Cải cách hành chính',
      description: 'Cách làm hay được nhân rộng trong Khối.',
    });
    expectOk(model, 201);
    expectOk(await call(HEAD, 'POST', `/api/exemplars/${model.json().id}/present`, { present: true }));

    // Units' reports: mid-year from Sở Tài chính only (after the seed plan's 2023 deadline, so late); year-end
    // from Sở Tài chính on time and from Sở Công Thương late, twice.
    at('2024-07-02T02:00:00Z');
    await upload('stc', 'report-mid-year', 'Báo cáo sơ kết 6 tháng.pdf', midFile);
    at('2024-12-01T02:00:00Z');
    await upload('stc', 'report-year-end', 'Báo cáo tổng kết.docx', stcYearEnd);
    at('2024-12-09T02:00:00Z');
    await upload('sct', 'report-year-end', 'BC tổng kết SCT.pdf', sctFirst);
    at('2024-12-10T02:00:00Z');
    await upload('sct', 'report-year-end', 'BC tổng kết SCT (bổ sung).pdf', sctSecond);
  });
  afterAll(async () => {
    setClock();
    await t.close();
  });

  it('the mid-year report names the late and missing units and gives the first half year, without a ranking', async () => {
    const res = await docx('mid-year');
    expect(res.headers['content-type']).toContain('wordprocessingml');
    expect(res.headers['content-disposition']).toContain('filename*=');
    const text = await docxText(res.rawPayload);
    expect(text).toContain('KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ KINH TẾ THÀNH PHỐ');
    expect(text.replace(/\s+/g, ' ')).toContain('BAN QUẢN LÝ KHU KINH TẾ HẢI PHÒNG'); // the head unit issues it
    expect(text).toMatch(/Số:\s+\/BC-KTĐ/);
    expect(text).toContain('Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024');
    expect(text).toContain(`Đơn vị gửi muộn: ${nameOf('stc')}.`);
    const missing = paragraphs((await readDocx(res.rawPayload)).document).find((p) =>
      p.startsWith('Đơn vị chưa gửi báo cáo:'),
    );
    expect(missing).toContain(nameOf('sct'));
    expect(missing).toContain(nameOf('cthue'));
    expect(missing).not.toContain(nameOf('stc'));
    // Registrations, the summary's dispatch, the covenant's signatures.
    expect(text).toContain('Trưởng khối đã nhận đăng ký của 1/7 đơn vị.');
    expect(text).toContain(
      'gửi Hội đồng Thi đua – Khen thưởng thành phố ngày 29/03/2024 (văn bản số 05/KTĐ)',
    );
    expect(text).toMatch(
      /Giao ước thi đua "Giao ước thi đua năm 2024" \(bản số 1\) ban hành ngày 02\/04\/2024; đã có 2\/7 đơn vị ký kết/,
    );
    // Events of the first half only, with their minutes; the exemplary model and its mark.
    const xml = (await readDocx(res.rawPayload)).document;
    const eventRow = tables(xml)
      .flatMap(tableTexts)
      .find((r) => r.includes('Giao lưu thể thao chào mừng 19/5'));
    expect(eventRow).toEqual([
      '1',
      '15/05/2024 08:00',
      'Giao lưu thể thao chào mừng 19/5',
      'Nhà văn hóa thành phố',
      nameOf('bqlkkt'),
      [nameOf('bqlkkt'), nameOf('sct'), nameOf('stc')].sort((a, b) => a.localeCompare(b, 'vi')).join('; '),
      'Đã có',
    ]);
    expect(text).not.toContain('Học tập kinh nghiệm tại Quảng Ninh');
    expect(text).toContain('Mô hình “Dân vận khéo” trong thu ngân sách');
    expect(text).toContain('1 điển hình được chọn trình bày tại Hội nghị tổng kết');
    expect(text).not.toContain('Kết quả chấm điểm');
    expect(text).toContain('- Hội đồng Thi đua – Khen thưởng thành phố;');
    expect(text).toContain('Lưu: VT');
    expect(text).toContain('TRƯỞNG KHỐI');
    expect(text).toContain('Bùi Ngọc Hải');
  });

  it('zips every unit’s newest year-end report with a table of contents marking the missing ones', async () => {
    const res = await call(HEAD, 'GET', `/api/years/${yearId}/bloc-reports/year-end/unit-reports.zip`);
    expectOk(res);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('.zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const files = Object.keys(zip.files).sort();
    const stcName = files.find((f) => f.includes('So-Tai-chinh'))!;
    const sctName = files.find((f) => f.includes('So-Cong-Thuong'))!;
    expect(files).toEqual(['00-Muc-luc.xlsx', stcName, sctName].sort());
    expect(stcName).toMatch(/^\d{2}-So-Tai-chinh\.docx$/);
    expect(sctName).toMatch(/^\d{2}-So-Cong-Thuong\.pdf$/);
    expect(Buffer.from(await zip.file(stcName)!.async('uint8array')).equals(stcYearEnd)).toBe(true);
    expect(Buffer.from(await zip.file(sctName)!.async('uint8array')).equals(sctSecond)).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await zip.file('00-Muc-luc.xlsx')!.async('arraybuffer'));
    const rows: string[][] = [];
    book.worksheets[0]!.eachRow((r) => {
      rows.push(Array.from({ length: r.cellCount }, (_, i) => r.getCell(i + 1).text));
    });
    const rowOf = (name: string) => rows.find((r) => r[1] === name);
    // Every unit asked for the year-end report is listed.
    const asked = await t.db.handle.db
      .selectFrom('tasks as k')
      .innerJoin('units as u', 'u.id', 'k.unitId')
      .select('u.name')
      .distinct()
      .where('k.yearId', '=', yearId)
      .where('k.deliverable', '=', 'report-year-end')
      .execute();
    expect(asked.length).toBeGreaterThan(2);
    for (const a of asked) expect(rowOf(a.name), a.name).toBeDefined();
    expect(rowOf(nameOf('stc'))).toEqual(
      expect.arrayContaining([stcName, 'Báo cáo tổng kết.docx', '01/12/2024 09:00', 'Đã gửi đúng hạn']),
    );
    // Sent late first (09/12), the newest file inside.
    expect(rowOf(nameOf('sct'))).toEqual(
      expect.arrayContaining([sctName, 'BC tổng kết SCT (bổ sung).pdf', '09/12/2024 09:00', 'Gửi muộn']),
    );
    expect(rowOf(nameOf('cthue'))).toEqual(expect.arrayContaining(['Không có tệp', 'Chưa gửi (quá hạn)']));
  });

  it('refuses an archive beyond its bound, before reading any file', async () => {
    const db = t.db.handle.db;
    const row = await db
      .selectFrom('reports')
      .select(['id', 'size'])
      .where('kind', '=', 'mid-year')
      .executeTakeFirstOrThrow();
    // The recorded size is what the bound reads: no need to store 300 MB to test it.
    await db
      .updateTable('reports')
      .set({ size: MAX_ZIP_BYTES + 1 })
      .where('id', '=', row.id)
      .execute();
    try {
      const res = await call(HEAD, 'GET', `/api/years/${yearId}/bloc-reports/mid-year/unit-reports.zip`);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: expect.stringMatching(/tối đa 300 MB/),
      });
    } finally {
      await db.updateTable('reports').set({ size: row.size }).where('id', '=', row.id).execute();
    }
  });

  it('refuses a period that does not exist', async () => {
    const res = await call(HEAD, 'GET', `/api/years/${yearId}/bloc-reports/quarter`);
    expect(res.statusCode).toBe(400);
  });

  it('the year-end report has the whole year, and the ranking once the results are published', async () => {
    const before = await docxText((await docx('year-end')).rawPayload);
    expect(before).toContain('Tổng kết công tác thi đua, khen thưởng năm 2024');
    expect(before).toContain('Học tập kinh nghiệm tại Quảng Ninh');
    expect(before).toContain(`Đơn vị gửi muộn: ${nameOf('sct')}.`);
    expect(before).toContain('Kết quả chấm điểm thi đua năm 2024 chưa được công bố.');

    at('2024-12-31T02:00:00Z');
    await seedDemoLife(t.db.handle.db, t.app.files, { records: false }); // the demo's year-end round: every sheet, closed, published
    const res = await docx('year-end');
    const text = await docxText(res.rawPayload);
    expect(text).toContain('công bố ngày 20/12/2024');
    const ranking = tables((await readDocx(res.rawPayload)).document)
      .map(tableTexts)
      .find((rows) => rows[0]?.[0] === 'Xếp hạng')!;
    expect(ranking.length - 1).toBe(Object.keys(unit).length);
    expect(ranking[1]![0]).toBe('1');
    expect(ranking[1]![2]).toMatch(/^\d+,\d{2}$/);
    // The mid-year report still has no ranking.
    expect(await docxText((await docx('mid-year')).rawPayload)).not.toContain('Kết quả chấm điểm');
  });
});
