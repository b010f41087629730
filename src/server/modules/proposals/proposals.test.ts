import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TBallot } from '../../../shared/ballots';
import type { TAwardList, TProposal, TUnitAwards } from '../../../shared/proposals';
import type { TResults } from '../../../shared/scoring';
import { setClock } from '../../clock';
import { docxText } from '../../testing/docx';
import { testFiles } from '../../testing/files';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';
import {
  BOARD,
  HEAD_LEADER,
  HEAD_OFFICER,
  conference,
  finishedYear,
  insertNomination,
  type ProposalFixture,
} from '../../testing/proposals';

/**
 * The proposal to the Council on the demo bloc's finished 2024, on both databases: the minutes and the
 * letter read back, the dossier, drafted → sent → decided with its refusals, the award history and search,
 * and the public page.
 */
const T0 = new Date('2024-12-20T02:00:00Z');

describe.each(testDatabases)('the proposal to the Council on %s', (kind) => {
  let t: TestApp;
  let f: ProposalFixture;
  const line: Record<string, string> = {};

  const call = async (
    login: string | null,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url,
      payload,
      headers: login ? { cookie: await t.cookie(login) } : {},
    });
  const proposal = async (login = HEAD_OFFICER) =>
    (await call(login, 'GET', `/api/years/${f.yearId}/proposal`)).json<TProposal>();
  const decide = (id: string, over: object = {}) =>
    call(BOARD, 'PUT', `/api/nominations/${id}/decision`, {
      decision: 'approved',
      decisionNumber: '123/QĐ-UBND',
      decisionDate: '2025-02-14',
      note: 'Khen thưởng năm 2024',
      ...over,
    });

  /** An approval ballot on stc's flag and sct's certificate; every unit votes yes for stc, no for sct. */
  async function ballot() {
    setClock(T0);
    const created = await call(HEAD_OFFICER, 'POST', `/api/years/${f.yearId}/ballots`, {
      kind: 'approval',
      title: 'Biểu quyết đề nghị khen thưởng năm 2024',
      quorum: 'more-than-half',
      threshold: 'more-than-half',
      opensAt: T0.toISOString(),
      closesAt: new Date(T0.getTime() + 3600_000).toISOString(),
      questions: [
        { subjectUnitId: f.unit.stc, award: 'Cờ thi đua của UBND thành phố', awardCode: 'co-thi-dua' },
        { subjectUnitId: f.unit.sct, award: 'Bằng khen của Chủ tịch UBND', awardCode: 'bang-khen' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<TBallot>().id;
    const opened = await call(HEAD_LEADER, 'POST', `/api/ballots/${id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    return opened.json<TBallot>();
  }
  async function voteAll(b: TBallot) {
    const codes = Object.keys(f.unit);
    for (const code of codes) {
      const res = await call(`${code}.lanhdao`, 'POST', `/api/ballots/${b.id}/vote`, {
        choices: { [b.questions[0]!.id]: 'yes', [b.questions[1]!.id]: 'no' },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await finishedYear(t);
    await conference(t, f, ['bqlkkt', 'skhdt', 'stc', 'sct', 'cthue', 'chq']);
    line.stc = await insertNomination(t, f, { unitId: f.unit.stc!, awardCode: 'co-thi-dua' });
    line.sct = await insertNomination(t, f, { unitId: f.unit.sct!, awardCode: 'bang-khen' });
    line.skhdt = await insertNomination(t, f, { unitId: f.unit.skhdt!, awardCode: 'bang-khen' });
    line.chq = await insertNomination(t, f, {
      unitId: f.unit.chq!,
      awardCode: 'bang-khen',
      included: 0,
      changeReason: 'Đơn vị có cán bộ bị kỷ luật trong năm',
    });
  }, 120_000);
  afterEach(() => setClock());
  afterAll(() => t.close());

  it('keeps a line whose ballot is open pending, and refuses to send until it closes', async () => {
    const b = await ballot();
    const p = await proposal();
    expect(p.status).toBe('drafted');
    expect(Object.fromEntries(p.lines.map((l) => [l.unitId, l.standing]))).toEqual({
      [f.unit.stc!]: 'vote-pending',
      [f.unit.sct!]: 'vote-pending',
      [f.unit.skhdt!]: 'proposed',
      [f.unit.chq!]: 'excluded',
    });
    const early = await call(HEAD_LEADER, 'POST', `/api/years/${f.yearId}/proposal/send`, {
      docNumber: '25/TTr-KTĐ',
      sentOn: '2024-12-25',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toMatch(/bỏ phiếu .* chưa kết thúc/);
    await voteAll(b);
    const after = await proposal();
    expect(after.lines.find((l) => l.id === line.stc)!.standing).toBe('proposed');
    expect(after.lines.find((l) => l.id === line.sct)!.standing).toBe('vote-failed');
    expect(after.can).toEqual({ download: true, dossier: true, send: false, recordDecision: false });
    expect((await proposal(HEAD_LEADER)).can.send).toBe(true);
  });

  it('writes the minutes: conference, attendance, the published ranking, the tally, nominations, signers', async () => {
    const res = await call(HEAD_OFFICER, 'GET', `/api/years/${f.yearId}/proposal/minutes.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const text = await docxText(res.rawPayload);
    const results = (await call(HEAD_OFFICER, 'GET', `/api/rounds/${f.roundId}/results`)).json<TResults>();
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain('Họp bình xét thi đua, khen thưởng năm 2024');
    expect(text).toContain('ngày 20 tháng 12 năm 2024');
    expect(text).toContain('Hội trường Ban Quản lý khu kinh tế');
    expect(text).toContain('đại diện 6/7 đơn vị');
    expect(text).toContain('Vắng mặt');
    for (const u of results.units) expect(text).toContain(`${u.unitName}\n${u.scoreText}\n${u.rank}\n`);
    expect(text).toContain('Số đơn vị bỏ phiếu: 7/7; đủ tỷ lệ hợp lệ');
    expect(text).toContain('Đồng ý: 7; Không đồng ý: 0\nThông qua');
    expect(text).toContain('Đồng ý: 0; Không đồng ý: 7\nKhông thông qua');
    expect(text).toContain('Đơn vị có cán bộ bị kỷ luật trong năm');
    expect(text).toContain('Không được thông qua');
    expect(text).toContain('THƯ KÝ');
    expect(text).toContain('CHỦ TRÌ');
    // Nothing links a vote to a unit: no receipt code of the published papers is in the minutes.
    const tally = (await call(HEAD_OFFICER, 'GET', `/api/years/${f.yearId}/ballots`)).json<{
      items: { id: string }[];
    }>();
    const b = (await call(HEAD_OFFICER, 'GET', `/api/ballots/${tally.items[0]!.id}`)).json<TBallot>();
    for (const p of b.tally!.papers) expect(text).not.toContain(p.receipt);
  });

  it("names the election's winners in the minutes by their units' names", async () => {
    setClock(T0);
    const created = await call(HEAD_OFFICER, 'POST', `/api/years/${f.yearId}/ballots`, {
      kind: 'election',
      title: 'Bầu Trưởng khối, Phó trưởng khối năm 2025',
      quorum: 'more-than-half',
      threshold: 'more-than-half',
      opensAt: T0.toISOString(),
      closesAt: new Date(T0.getTime() + 3600_000).toISOString(),
      candidateUnitIds: [f.unit.skhdt, f.unit.stc],
    });
    expect(created.statusCode, created.body).toBe(201);
    const b = (
      await call(HEAD_LEADER, 'POST', `/api/ballots/${created.json<TBallot>().id}/open`)
    ).json<TBallot>();
    const seat = (s: 'head' | 'deputy') => b.questions.find((q) => q.seat === s)!.id;
    for (const code of Object.keys(f.unit)) {
      const res = await call(`${code}.lanhdao`, 'POST', `/api/ballots/${b.id}/vote`, {
        choices: { [seat('head')]: f.unit.skhdt, [seat('deputy')]: f.unit.stc },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const text = await docxText(
      (await call(HEAD_OFFICER, 'GET', `/api/years/${f.yearId}/proposal/minutes.docx`)).rawPayload,
    );
    expect(text).toContain('Bầu Trưởng khối, Phó trưởng khối năm 2025');
    expect(text).toContain('Sở Kế hoạch và Đầu tư: 7; Sở Tài chính: 0\nTrúng cử: Sở Kế hoạch và Đầu tư');
    expect(text).toContain('Sở Kế hoạch và Đầu tư: 0; Sở Tài chính: 7\nTrúng cử: Sở Tài chính');
  });

  it('writes the letter to the Council with only the proposed lines and the ranking annex', async () => {
    const res = await call(HEAD_OFFICER, 'GET', `/api/years/${f.yearId}/proposal/letter.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const text = await docxText(res.rawPayload);
    const names = Object.fromEntries(
      (await t.db.handle.db.selectFrom('units').select(['code', 'name']).execute()).map((u) => [
        u.code,
        u.name,
      ]),
    );
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng thành phố');
    expect(text).toContain('cho 2 tập thể');
    expect(text).toContain(`1\n${names.stc}\nCờ thi đua của UBND thành phố\n95,00\n1\nThông qua`);
    expect(text).toContain(`2\n${names.skhdt}\nBằng khen của Chủ tịch UBND thành phố\n95,00\n3\n—`);
    const [letter, annexes] = text.split('Phụ lục 1\n');
    expect(letter).not.toContain(`${names.chq}\nBằng khen`);
    expect(letter).not.toContain(`${names.sct}\nBằng khen`);
    expect(annexes).toContain('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2024');
    expect(annexes).toContain('Phụ lục 2\nBIÊN BẢN HỌP BÌNH XÉT THI ĐUA, KHEN THƯỞNG NĂM 2024');
    expect(annexes).toContain('Số đơn vị bỏ phiếu: 7/7');
    expect(text).toContain('Phụ lục 2: Biên bản họp bình xét');
    expect(text).toMatch(/Số: \u00a0+\/TTr-KTĐ/);
  });

  it('sends the dossier as one zip: letter, minutes, results, the units’ reports and a table of contents', async () => {
    const task = await t.db.handle.db
      .selectFrom('tasks')
      .select('id')
      .where('yearId', '=', f.yearId)
      .where('unitId', '=', f.unit.stc!)
      .where('deliverable', '=', 'report-year-end')
      .executeTakeFirstOrThrow();
    const up = multipart('Báo cáo tổng kết 2024.pdf', testFiles.pdf('báo cáo tổng kết'));
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/report`,
      payload: up.payload,
      headers: { ...up.headers, cookie: await t.cookie('stc.canbo') },
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect((await call('stc.canbo', 'GET', `/api/years/${f.yearId}/dossier.zip`)).statusCode).toBe(403);
    const res = await call(BOARD, 'GET', `/api/years/${f.yearId}/dossier.zip`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(
      expect.arrayContaining([
        '00 - Mục lục.txt',
        '01 - Tờ trình đề nghị khen thưởng năm 2024.docx',
        '02 - Phụ lục 1 - Tổng hợp kết quả chấm điểm năm 2024.docx',
        '02 - Phụ lục 1 - Tổng hợp kết quả chấm điểm năm 2024.xlsx',
        '03 - Phụ lục 2 - Biên bản họp bình xét năm 2024.docx',
      ]),
    );
    const folder = '04 - Báo cáo tổng kết của các đơn vị/';
    expect(names).toContain(`${folder}00-Muc-luc.xlsx`);
    const report = names.find((n) => n.startsWith(folder) && n.endsWith('.pdf'))!;
    expect(report).toMatch(/So-Tai-chinh\.pdf$/);
    expect((await zip.file(report)!.async('nodebuffer')).toString()).toContain('báo cáo tổng kết');
    const minutes = await docxText(
      await zip.file('03 - Phụ lục 2 - Biên bản họp bình xét năm 2024.docx')!.async('nodebuffer'),
    );
    expect(minutes).toContain('Họp bình xét thi đua, khen thưởng năm 2024');
    const toc = await zip.file('00 - Mục lục.txt')!.async('string');
    expect(toc).toContain(report);
  });

  it('moves drafted → sent → decided, refusing the wrong caller and the wrong state', async () => {
    expect((await decide(line.stc!)).statusCode).toBe(409);
    const body = { docNumber: '25/TTr-KTĐ', sentOn: '2024-12-25' };
    const url = `/api/years/${f.yearId}/proposal/send`;
    expect((await call(HEAD_OFFICER, 'POST', url, body)).statusCode).toBe(403);
    const bad = await call(HEAD_LEADER, 'POST', url, { ...body, sentOn: '25/12/2024' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.sentOn).toBeDefined();
    const sent = await call(HEAD_LEADER, 'POST', url, body);
    expect(sent.statusCode, sent.body).toBe(200);
    // Every member unit's officer and leader hears of it.
    const told = await t.db.handle.db
      .selectFrom('notifications')
      .innerJoin('users', 'users.id', 'notifications.userId')
      .select(['users.login', 'notifications.title'])
      .where('notifications.kind', '=', 'proposal')
      .execute();
    expect(told.map((n) => n.login).sort()).toEqual(
      Object.keys(f.unit)
        .flatMap((c) => [`${c}.canbo`, `${c}.lanhdao`])
        .sort(),
    );
    expect(told[0]!.title).toBe('Đã gửi tờ trình đề nghị khen thưởng năm 2024');
    expect(sent.json<TProposal>()).toMatchObject({
      status: 'sent',
      docNumber: '25/TTr-KTĐ',
      sentOn: '2024-12-25',
    });
    const again = await call(HEAD_LEADER, 'POST', url, body);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Tờ trình đã được gửi Hội đồng; không ghi nhận gửi lại được.');
    const letter = await docxText(
      (await call(HEAD_OFFICER, 'GET', `/api/years/${f.yearId}/proposal/letter.docx`)).rawPayload,
    );
    expect(letter).toContain('Số: 25/TTr-KTĐ');
    expect(letter).toContain('ngày 25 tháng 12 năm 2024');

    expect((await decide(line.stc!, {})).statusCode).toBe(200);
    expect((await call(HEAD_LEADER, 'PUT', `/api/nominations/${line.skhdt}/decision`, {})).statusCode).toBe(
      403,
    );
    const excluded = await decide(line.chq!);
    expect(excluded.statusCode).toBe(409);
    expect(excluded.json().message).toBe('Dòng này không có trong tờ trình gửi Hội đồng.');
    expect((await decide(line.sct!)).statusCode).toBe(409);
    const badDate = await decide(line.skhdt!, { decisionDate: '2025-13-40' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().fieldErrors.decisionDate).toBeDefined();

    const file = multipart('Quyết định 123.pdf', testFiles.pdf('quyết định'));
    const attached = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${line.stc}/decision-file`,
      payload: file.payload,
      headers: { ...file.headers, cookie: await t.cookie(BOARD) },
    });
    expect(attached.statusCode, attached.body).toBe(200);
    const fileId = attached.json<TProposal>().lines.find((l) => l.id === line.stc)!.files[0]!.id;
    const got = await call('stc.canbo', 'GET', `/api/attachments/${fileId}/file`);
    expect(got.rawPayload.toString()).toContain('quyết định');
    const exe = multipart('Quyết định.pdf', testFiles.exe());
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/nominations/${line.stc}/decision-file`,
      payload: exe.payload,
      headers: { ...exe.headers, cookie: await t.cookie(BOARD) },
    });
    expect(refused.statusCode).toBe(400);

    const before = await t.db.handle.db
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'proposal')
      .execute();
    const last = await decide(line.skhdt!, { decision: 'rejected', note: '' });
    expect(last.statusCode, last.body).toBe(200);
    const decided = last.json<TProposal>();
    expect(decided.status).toBe('decided');
    expect(decided.lines.find((l) => l.id === line.skhdt)).toMatchObject({
      decision: 'rejected',
      decisionNote: null,
    });
    const after = await t.db.handle.db
      .selectFrom('notifications')
      .select('id')
      .where('kind', '=', 'proposal')
      .execute();
    expect(after.length).toBeGreaterThan(before.length);
    expect((await decide(line.skhdt!)).json().message).toBe(
      'Hội đồng đã quyết định mọi dòng của tờ trình; không sửa được nữa.',
    );
    const audit = await t.db.handle.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', 'in', [
        'proposal.sent',
        'nomination.decided',
        'proposal.decided',
        'nomination.file-attached',
      ])
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'nomination.decided',
      'nomination.decided',
      'nomination.file-attached',
      'proposal.decided',
      'proposal.sent',
    ]);
  });

  it('shows each unit its approved awards, the heads of its blocs too; the board searches and exports', async () => {
    const mine = await call('stc.canbo', 'GET', `/api/units/${f.unit.stc}/awards`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json<TUnitAwards>().unitName).toBe('Sở Tài chính');
    expect(mine.json<TAwardList>().items).toEqual([
      expect.objectContaining({
        year: 2024,
        unitId: f.unit.stc,
        awardCode: 'co-thi-dua',
        decisionNumber: '123/QĐ-UBND',
        decisionDate: '2025-02-14',
      }),
    ]);
    expect((await call(HEAD_OFFICER, 'GET', `/api/units/${f.unit.stc}/awards`)).statusCode).toBe(200);
    expect((await call('sct.canbo', 'GET', `/api/units/${f.unit.stc}/awards`)).statusCode).toBe(403);
    expect((await call('sct.canbo', 'GET', `/api/units/${f.unit.skhdt}/awards`)).statusCode).toBe(403);
    expect((await call('skhdt.canbo', 'GET', `/api/units/${f.unit.skhdt}/awards`)).json().items).toEqual([]);

    const search = async (q: string) =>
      (await call(BOARD, 'GET', `/api/awards?${q}`)).json<TAwardList>().items;
    expect(await search(`year=2024&blocId=${f.blocId}`)).toHaveLength(1);
    expect(await search('awardCode=bang-khen')).toHaveLength(0);
    expect(await search(`unitId=${f.unit.stc}&awardCode=co-thi-dua`)).toHaveLength(1);
    expect(await search('year=2023')).toHaveLength(0);
    expect((await call(HEAD_LEADER, 'GET', '/api/awards')).statusCode).toBe(403);
    expect((await call(BOARD, 'GET', '/api/awards?year=abc')).statusCode).toBe(400);

    const xlsx = await call(BOARD, 'GET', '/api/awards.xlsx?year=2024');
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Khen thưởng')!;
    const header = sheet.getRow(4).values as unknown[];
    expect(header.slice(1)).toEqual([
      'STT',
      'Năm',
      'Khối / Cụm thi đua',
      'Đơn vị',
      'Hình thức khen thưởng',
      'Xếp hạng',
      'Điểm',
      'Số quyết định',
      'Ngày quyết định',
    ]);
    const row = sheet.getRow(5);
    expect(row.getCell(2).value).toBe(2024);
    expect(row.getCell(4).value).toBe('Sở Tài chính');
    expect(row.getCell(6).value).toBe(1);
    expect(row.getCell(7).value).toBe(95);
    expect(row.getCell(8).value).toBe('123/QĐ-UBND');
    expect(row.getCell(9).value).toEqual(new Date('2025-02-14T00:00:00Z'));
    expect(row.getCell(9).numFmt).toBe('dd/mm/yyyy');
  });

  it('publishes the ranking and the decided awards on a public page the board can switch off', async () => {
    const url = `/public/blocs/${f.blocId}/years/2024`;
    const res = await call(null, 'GET', url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.body).not.toContain('<script');
    const results = (await call(HEAD_OFFICER, 'GET', `/api/rounds/${f.roundId}/results`)).json<TResults>();
    for (const u of results.units) {
      expect(res.body).toContain(
        `<td class="n">${u.rank}</td><td>${u.unitName}</td><td class="n">${u.scoreText}</td>`,
      );
    }
    expect(res.body).toContain('Cờ thi đua của UBND thành phố');
    expect(res.body).toContain('123/QĐ-UBND');
    // Only the rejected line's unit and no peer totals or sheets: a self total never appears.
    expect(res.body).not.toContain('Bằng khen');
    for (const u of results.units) expect(res.body).not.toContain(`>${u.selfTotal}<`);

    expect((await call(null, 'GET', `/public/blocs/${f.blocId}/years/2099`)).statusCode).toBe(404);
    const current = await t.db.handle.db
      .selectFrom('years')
      .select('year')
      .where('year', '>', 2024)
      .executeTakeFirstOrThrow();
    expect((await call(null, 'GET', `/public/blocs/${f.blocId}/years/${current.year}`)).statusCode).toBe(404);

    const off = `/api/blocs/${f.blocId}/public-results`;
    expect((await call(HEAD_LEADER, 'PATCH', off, { publicResults: false })).statusCode).toBe(403);
    expect((await call(BOARD, 'PATCH', off, { publicResults: false })).json()).toEqual({
      blocId: f.blocId,
      publicResults: false,
    });
    const gone = await call(null, 'GET', url);
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('Không có trang kết quả công khai này');
    const audit = await t.db.handle.db
      .selectFrom('auditEvents')
      .select(['entityId', 'afterJson'])
      .where('action', '=', 'bloc.public-results')
      .execute();
    expect(audit.map((a) => [a.entityId, JSON.parse(a.afterJson ?? '{}')])).toEqual([
      [f.blocId, { publicResults: false }],
    ]);
    await call(BOARD, 'PATCH', off, { publicResults: true });
    expect((await call(null, 'GET', url)).statusCode).toBe(200);
  });
});
