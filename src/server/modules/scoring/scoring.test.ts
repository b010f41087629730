import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, type CriterionNode } from '../../../domain/criteria';
import { parsePoints } from '../../../domain/points';
import { demoUnits } from '../../demo/data';
import { placeDateLine } from '../../documents/docx/format';
import { fullScores } from '../../testing/factories';
import { docxText } from '../../testing/docx';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { demoFacts } from '../../testing/demo-facts';

const units = ['bqlkkt', 'skhdt', 'stc', 'sct', 'cthue', 'chq', 'kbnn'] as const;
type Code = (typeof units)[number];

describe.each(testDatabases)('scoring round on %s', (kind) => {
  let t: TestApp;
  let yearId: string;
  let tree: CriterionNode[];
  let roundId: string;
  const as = async (login: string) => ({ cookie: await t.cookie(login) });
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: await as(login) });
  const sheetsOf = async (code: Code) =>
    (await call(`${code}.canbo`, 'GET', `/api/rounds/${roundId}/my-sheets`)).json();
  const unitId = async (code: Code) =>
    (await t.db.handle.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;

  /** Fills and submits every sheet of a unit: self at `self`, peers at `peer` (shares of the maxima). */
  async function scoreAll(code: Code, self: number, peer: number) {
    const mine = await sheetsOf(code);
    for (const s of mine.sheets) {
      const saved = await call(`${code}.canbo`, 'PUT', `/api/sheets/${s.id}/draft`, {
        scores: fullScores(tree, s.isSelf ? self : peer),
        revision: s.revision,
      });
      expect(saved.statusCode).toBe(200);
    }
    const res = await call(`${code}.lanhdao`, 'POST', `/api/rounds/${roundId}/submit-all`);
    expect(res.statusCode).toBe(200);
    return res.json();
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    yearId = (await t.db.handle.db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    tree = (await call('bqlkkt.canbo', 'GET', `/api/years/${yearId}/criteria`)).json().set.tree;
  });
  afterAll(() => t.close());

  it('lets only the head edit the draft criteria set, and checks the tree', async () => {
    const set = (await call('stc.canbo', 'GET', `/api/years/${yearId}/criteria`)).json().set;
    expect(set).toMatchObject({ status: 'draft', isSample: true, grandMax: 10500, leafCount: 17 });
    expect(
      (await call('stc.canbo', 'PUT', `/api/criteria-sets/${set.id}`, { name: set.name, tree })).statusCode,
    ).toBe(403);
    const broken = structuredClone(tree);
    broken[0]!.children[0]!.children[0]!.maxPoints = 1025; // 10,25 with step 0,5
    const bad = await call('bqlkkt.canbo', 'PUT', `/api/criteria-sets/${set.id}`, {
      name: set.name,
      tree: broken,
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.values(bad.json().fieldErrors)).toContain(
      'Mục I.1.a: điểm tối đa phải là bội số của bước chấm 0,5',
    );
    expect(
      (await call('bqlkkt.lanhdao', 'PUT', `/api/criteria-sets/${set.id}`, { name: set.name, tree }))
        .statusCode,
    ).toBe(200);
  });

  it('opens a round only for the head, with a future deadline; locks the criteria; creates N×N sheets', async () => {
    const body = {
      kind: 'year-end',
      title: 'Chấm điểm thi đua năm 2024',
      deadlineAt: '2099-12-08T00:00:00+07:00',
      latePolicy: 'refuse',
      missingPolicy: 'wait-all',
      tieBreakers: ['fewer-deductions'],
    };
    expect((await call('skhdt.lanhdao', 'POST', `/api/years/${yearId}/rounds`, body)).statusCode).toBe(403);
    const past = await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/rounds`, {
      ...body,
      deadlineAt: '2020-01-01T00:00:00+07:00',
    });
    expect(past.json().fieldErrors.deadlineAt).toMatch(/Hạn nộp/);
    const res = await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/rounds`, body);
    expect(res.statusCode).toBe(201);
    roundId = res.json().id;
    expect(res.json()).toMatchObject({
      memberCount: 7,
      status: 'open',
      deadlineAt: '2099-12-07T17:00:00.000Z',
      window: { accepting: true },
    });
    const set = (await call('bqlkkt.canbo', 'GET', `/api/years/${yearId}/criteria`)).json().set;
    expect(set.status).toBe('locked');
    expect(
      (await call('bqlkkt.canbo', 'PUT', `/api/criteria-sets/${set.id}`, { name: set.name, tree }))
        .statusCode,
    ).toBe(409);
    const mine = await sheetsOf('stc');
    expect(mine).toMatchObject({ expected: 7, submitted: 0 });
    expect(mine.sheets[0].isSelf).toBe(true);
  });

  it('validates every score against the criteria, naming the criterion, and keeps drafts per revision', async () => {
    const [self] = (await sheetsOf('stc')).sheets;
    const bad = await call('stc.canbo', 'PUT', `/api/sheets/${self.id}/draft`, {
      scores: { 'i.1.a': 1100, 'i.1.b': 825, 'v.1': 150 },
      revision: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors).toEqual({
      'i.1.a': 'Mục I.1.a: điểm phải từ 0 đến 10',
      'i.1.b': 'Mục I.1.b: điểm phải là bội số của 0,5',
      'v.1': 'Mục V.1: điểm phải là bội số của 1',
    });
    const ok = await call('stc.canbo', 'PUT', `/api/sheets/${self.id}/draft`, {
      scores: { 'i.1.a': 950 },
      revision: 0,
    });
    expect(ok.json()).toMatchObject({ revision: 1, total: 950, submittedVersion: 0 });
  });

  it('refuses the second of two concurrent saves with a conflict, losing nothing', async () => {
    const [self] = (await sheetsOf('stc')).sheets;
    const first = await call('stc.canbo', 'PUT', `/api/sheets/${self.id}/draft`, {
      scores: { 'i.1.a': 1000 },
      revision: self.revision,
    });
    const second = await call('stc.lanhdao', 'PUT', `/api/sheets/${self.id}/draft`, {
      scores: { 'i.1.a': 500 },
      revision: self.revision,
    });
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(/người khác lưu/);
    expect((await call('stc.canbo', 'GET', `/api/sheets/${self.id}`)).json().scores).toEqual({
      'i.1.a': 1000,
    });
  });

  it('lets only the leader submit, only complete sheets, and keeps every version', async () => {
    const [self] = (await sheetsOf('stc')).sheets;
    expect(
      (await call('stc.canbo', 'POST', `/api/sheets/${self.id}/submit`, { revision: self.revision }))
        .statusCode,
    ).toBe(403);
    const incomplete = await call('stc.lanhdao', 'POST', `/api/sheets/${self.id}/submit`, {
      revision: self.revision,
    });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().fieldErrors['i.1.b']).toBe('Mục I.1.b: chưa chấm điểm');
    const saved = (
      await call('stc.canbo', 'PUT', `/api/sheets/${self.id}/draft`, {
        scores: fullScores(tree, 1),
        revision: self.revision,
      })
    ).json();
    const v1 = await call('stc.lanhdao', 'POST', `/api/sheets/${self.id}/submit`, {
      revision: saved.revision,
    });
    expect(v1.json()).toMatchObject({ submittedVersion: 1, total: 10000, dirty: false, late: false });
    const changed = (
      await call('stc.canbo', 'PUT', `/api/sheets/${self.id}/draft`, {
        scores: fullScores(tree, 1, { 'iv.1': 300 }),
        revision: saved.revision,
      })
    ).json();
    expect(changed.dirty).toBe(true);
    const v2 = await call('stc.lanhdao', 'POST', `/api/sheets/${self.id}/submit`, {
      revision: changed.revision,
    });
    expect(v2.json()).toMatchObject({ submittedVersion: 2, total: 10300 });
    const versions = await t.db.handle.db
      .selectFrom('sheetVersions')
      .select(['version', 'total'])
      .where('sheetId', '=', self.id)
      .orderBy('version')
      .execute();
    expect(versions).toEqual([
      { version: 1, total: 10000 },
      { version: 2, total: 10300 },
    ]);
  });

  it('keeps scores confidential until publication: own sheets only; the head sees progress without scores', async () => {
    const [stcSelf] = (await sheetsOf('stc')).sheets;
    for (const login of ['sct.canbo', 'bqlkkt.lanhdao', 'skhdt.canbo', 'ban-tdkt', 'admin']) {
      expect((await call(login, 'GET', `/api/sheets/${stcSelf.id}`)).statusCode).toBe(403);
    }
    for (const login of ['bqlkkt.canbo', 'stc.lanhdao', 'ban-tdkt']) {
      expect((await call(login, 'GET', `/api/rounds/${roundId}/results`)).statusCode).toBe(403);
    }
    const progress = await call('bqlkkt.canbo', 'GET', `/api/rounds/${roundId}/progress`);
    expect(progress.json()).toMatchObject({ expected: 49, submitted: 1 });
    expect(JSON.stringify(progress.json())).not.toMatch(/total|scores|10300/);
    expect((await call('stc.canbo', 'GET', `/api/rounds/${roundId}/progress`)).statusCode).toBe(403);
    expect((await call('skhdt.canbo', 'GET', `/api/rounds/${roundId}/progress`)).statusCode).toBe(200);
    const audit = (await call('admin', 'GET', `/api/audit?entityId=${stcSelf.id}`)).json();
    expect(JSON.stringify(audit.items)).not.toMatch(/10300|i\.1\.a/);
  });

  it('refuses to close early while sheets are missing; after the deadline it closes and locks sheets', async () => {
    expect((await call('bqlkkt.lanhdao', 'POST', `/api/rounds/${roundId}/close`)).statusCode).toBe(409);
    for (const code of units) {
      if (code !== 'kbnn') await scoreAll(code, 0.9, units.indexOf(code) % 2 ? 0.8 : 0.7);
    }
    await t.db.handle.db
      .updateTable('rounds')
      .set({ deadlineAt: new Date(Date.now() - 1).toISOString() })
      .where('id', '=', roundId)
      .execute();
    const [kbnnSelf] = (await sheetsOf('kbnn')).sheets;
    const late = await call('kbnn.canbo', 'PUT', `/api/sheets/${kbnnSelf.id}/draft`, {
      scores: { 'i.1.a': 500 },
      revision: 0,
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/quá hạn/);
    expect((await call('bqlkkt.lanhdao', 'POST', `/api/rounds/${roundId}/close`)).json().status).toBe(
      'closed',
    );
    expect((await call('bqlkkt.lanhdao', 'POST', `/api/rounds/${roundId}/publish`)).json().message).toMatch(
      /Chưa đủ bảng điểm \(42\/49\)/,
    );
  });

  it('reopens one unit with a written reason; that unit alone may then submit', async () => {
    const kbnn = await unitId('kbnn');
    const until = new Date(Date.now() + 3600_000).toISOString();
    expect(
      (
        await call('bqlkkt.canbo', 'POST', `/api/rounds/${roundId}/reopen`, {
          unitId: kbnn,
          reason: 'ngắn',
          untilAt: until,
        })
      ).json().fieldErrors.reason,
    ).toMatch(/ít nhất 10/);
    expect(
      (
        await call('stc.lanhdao', 'POST', `/api/rounds/${roundId}/reopen`, {
          unitId: kbnn,
          reason: 'Đơn vị gặp sự cố mạng',
          untilAt: until,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await call('bqlkkt.lanhdao', 'POST', `/api/rounds/${roundId}/reopen`, {
          unitId: kbnn,
          reason: 'Đơn vị báo sự cố đường truyền ngày 07/12',
          untilAt: until,
        })
      ).statusCode,
    ).toBe(200);
    const [stcSelf] = (await sheetsOf('stc')).sheets;
    expect(
      (
        await call('stc.canbo', 'PUT', `/api/sheets/${stcSelf.id}/draft`, {
          scores: fullScores(tree, 0.5),
          revision: stcSelf.revision,
        })
      ).statusCode,
    ).toBe(409);
    const done = await scoreAll('kbnn', 0.9, 0.75);
    expect(done).toMatchObject({ submitted: 7, expected: 7 });
    const progress = (await call('bqlkkt.canbo', 'GET', `/api/rounds/${roundId}/progress`)).json();
    expect(progress.submitted).toBe(49);
    expect(progress.reopenings[0].reason).toBe('Đơn vị báo sự cố đường truyền ngày 07/12');
  });

  it('computes exact results with the seed formula, publishes them, then members and the board see the matrix', async () => {
    const head = await call('bqlkkt.canbo', 'GET', `/api/rounds/${roundId}/results`);
    expect(head.statusCode).toBe(200);
    const r = head.json();
    expect(r).toMatchObject({ complete: true, ranked: true, receivedSheets: demoFacts.units ** 2 });
    const stc = await unitId('stc');
    const stcRow = r.units.find((u: { unitId: string }) => u.unitId === stc);
    const column = Object.values(r.matrix).map((row) => (row as Record<string, number>)[stc]!);
    expect(column).toHaveLength(demoFacts.units);
    const sum = column.reduce((a, b) => a + b, 0);
    expect(stcRow.score.num / stcRow.score.den).toBe(sum / demoFacts.units);
    expect(stcRow.selfTotal).toBe(r.matrix[stc][stc]);
    expect(stcRow.sheetCount).toBe(demoFacts.units);
    expect((await call('stc.canbo', 'GET', `/api/rounds/${roundId}/results`)).statusCode).toBe(403);
    expect((await call('stc.canbo', 'POST', `/api/rounds/${roundId}/publish`)).statusCode).toBe(403);
    expect((await call('bqlkkt.lanhdao', 'POST', `/api/rounds/${roundId}/publish`)).json().status).toBe(
      'published',
    );
    const member = (await call('sct.canbo', 'GET', `/api/rounds/${roundId}/results`)).json();
    expect(member.units.map((u: { rank: number }) => u.rank)).toEqual(
      r.units.map((u: { rank: number }) => u.rank),
    );
    expect(Object.keys(member.matrix)).toHaveLength(demoFacts.units);
    expect((await call('ban-tdkt', 'GET', `/api/rounds/${roundId}/results`)).statusCode).toBe(200);
    const [stcSelf] = (await sheetsOf('stc')).sheets;
    expect((await call('sct.canbo', 'GET', `/api/sheets/${stcSelf.id}`)).statusCode).toBe(200);
    expect((await call('admin', 'GET', `/api/rounds/${roundId}/results`)).statusCode).toBe(403);
    const analysis = (await call('sct.canbo', 'GET', `/api/rounds/${roundId}/analysis`)).json();
    expect(analysis.advisory).toBe(true);
    expect(Object.keys(analysis.rankings)).toEqual([
      'official',
      'without-self',
      'median',
      'trimmed-mean',
      'rater-normalized',
    ]);
    expect(analysis.rankings.official).toEqual(
      Object.fromEntries(r.units.map((u: { unitId: string; rank: number }) => [u.unitId, u.rank])),
    );
  });

  it('exports the summary as .xlsx and .docx and one sheet, which read back', async () => {
    const xlsx = await call('sct.canbo', 'GET', `/api/rounds/${roundId}/results.xlsx`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Tổng hợp')!;
    expect(sheet.getCell('A1').text).toMatch(/BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM/);
    expect(sheet.getCell('A3').text).toContain(
      '(Điểm đơn vị tự chấm + Điểm của 6 đơn vị trong Khối chấm chéo)/7',
    );
    const results = (await call('sct.canbo', 'GET', `/api/rounds/${roundId}/results`)).json();
    const first = results.units[0];
    const row = sheet.getRow(6);
    expect(row.getCell(2).value).toBe(first.unitName);
    // Scores, means and maxima are number cells with two decimals; rank and counts are integers.
    const mean = row.getCell(2 + 7 + 2);
    expect([mean.type, mean.numFmt]).toEqual([ExcelJS.ValueType.Number, '0.00']);
    expect(Math.round((mean.value as number) * 100)).toBe(parsePoints(first.scoreText));
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Number);
    expect([row.getCell(2 + 7 + 1).value, row.getCell(2 + 7 + 3).value]).toEqual([7, first.rank]);
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1, printTitlesRow: '5:5' });
    const byCriterion = book.getWorksheet('Theo tiêu chí')!;
    expect(byCriterion.rowCount).toBe(3 + flatten(tree).length);
    expect(byCriterion.getCell('C4').type).toBe(ExcelJS.ValueType.Number);
    expect(byCriterion.getCell('D4').type).toBe(ExcelJS.ValueType.Number);

    const docx = await call('sct.canbo', 'GET', `/api/rounds/${roundId}/results.docx`);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain('UBND THÀNH PHỐ HẢI PHÒNG');
    expect(text).toContain(first.scoreText);
    // Signed by the head unit's leader for the bloc, dated the publication day, the number left to the clerk.
    expect(text).toContain('TM. KHỐI THI ĐUA\nTRƯỞNG KHỐI');
    expect(text).toContain('Bùi Ngọc Hải');
    expect(text).toMatch(/Số: \u00a0+\/BC-KTĐ/);
    expect(text).toContain(placeDateLine('Hải Phòng', new Date(results.round.publishedAt)));
    // The year once in the title: the document type and its subject lines (bloc, round) name it one time.
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA'));
    expect(
      lines
        .slice(at, at + 3)
        .join(' ')
        .match(/2024/g),
    ).toHaveLength(1);
    expect(docx.headers['content-disposition']).toContain(
      'filename=Tong-hop-ket-qua-cham-diem-nam-2024.docx',
    );

    const [sctSelf] = (await sheetsOf('sct')).sheets;
    const sheetDocx = await call('sct.canbo', 'GET', `/api/sheets/${sctSelf.id}/export.docx`);
    const sheetText = await docxText(sheetDocx.rawPayload);
    expect(sheetText).toContain('Sở Công Thương');
    expect(sheetText).toContain('Tổng cộng');
    // Signed by the scoring unit's own leader, dated its submission, sent to the head unit only.
    const sctLeader = demoUnits.find((u) => u.code === 'sct')!.leader;
    expect(sheetText).toContain(`THỦ TRƯỞNG ĐƠN VỊ\n\n\n\n\n${sctLeader}`);
    expect(sheetText).toContain(placeDateLine('Hải Phòng', new Date(sctSelf.submittedAt)));
    expect(sheetText).toContain('Nơi nhận:\n- Ban Quản lý Khu kinh tế Hải Phòng (Trưởng khối);\n- Lưu: VT.');
    expect(sheetText).not.toContain('Bùi Ngọc Hải');
  });
});
