import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { setClock } from '../../clock';
import { paragraphs, readDocx, tableTexts, tables } from '../../testing/docx';
import { createBlocWithUnits, type TestBloc } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { unitsRegisteredFor } from './review-service';

const commitments = 'Hoàn thành xuất sắc nhiệm vụ chính trị năm 2024; không có cán bộ vi phạm kỷ luật.';
const choice = {
  items: [{ code: 'co-thi-dua' }, { code: 'cstd-thanh-pho', nominee: 'Nguyễn Văn An' }],
  commitments,
};

describe.each(testDatabases)('title registration on %s', (kind) => {
  let t: TestApp;
  let yearId: string;
  let stcId: string;
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const mine = (login: string) => call(login, 'GET', `/api/years/${yearId}/registration`);
  const overviewOf = async (unitId: string) =>
    (await call('bqlkkt.canbo', 'GET', `/api/years/${yearId}/registrations`))
      .json()
      .units.find((u: { unitId: string }) => u.unitId === unitId);
  const notifications = async (login: string) =>
    (await call(login, 'GET', '/api/notifications')).json().items as {
      kind: string;
      title: string;
      body: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.handle.db;
    yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    stcId = (await db.selectFrom('units').select('id').where('code', '=', 'stc').executeTakeFirstOrThrow())
      .id;
  });
  afterAll(() => t.close());

  it('is drafted by the officer, sent by the leader, returned, sent again and accepted; the task completes', async () => {
    const empty = (await mine('stc.canbo')).json();
    expect(empty).toMatchObject({
      id: null,
      status: null,
      window: { state: 'open' },
      can: { save: true, submit: false },
    });
    expect(empty.catalogue.map((e: { code: string }) => e.code)).toEqual([
      'co-thi-dua',
      'bang-khen',
      'tap-the-ldxs',
      'cstd-thanh-pho',
    ]);

    const draft = await call('stc.canbo', 'PUT', `/api/years/${yearId}/registration`, choice);
    expect(draft.statusCode, draft.body).toBe(200);
    expect(draft.json()).toMatchObject({ status: 'draft', version: 0, commitments });
    expect(draft.json().items).toEqual([
      {
        code: 'co-thi-dua',
        name: 'Cờ thi đua của UBND thành phố',
        kind: 'title',
        recipient: 'unit',
        nominee: null,
      },
      {
        code: 'cstd-thanh-pho',
        name: 'Chiến sĩ thi đua thành phố',
        kind: 'title',
        recipient: 'person',
        nominee: 'Nguyễn Văn An',
      },
    ]);
    const toLeader = (await notifications('stc.lanhdao')).filter((n) => n.kind === 'registration');
    expect(toLeader.map((n) => n.title)).toEqual(['Đăng ký thi đua chờ lãnh đạo gửi']);
    expect((await notifications('stc.canbo')).filter((n) => n.kind === 'registration')).toEqual([]);
    // A draft is the unit's own business: the head sees "chưa đăng ký" and nothing of it.
    expect(await overviewOf(stcId)).toMatchObject({ status: 'none', items: [], commitments: null });

    const byOfficer = await call('stc.canbo', 'POST', `/api/years/${yearId}/registration/submit`, choice);
    expect(byOfficer.statusCode).toBe(403);
    expect(byOfficer.json().message).toMatch(/Chỉ lãnh đạo đơn vị gửi/);

    const sent = await call('stc.lanhdao', 'POST', `/api/years/${yearId}/registration/submit`, choice);
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({
      status: 'submitted',
      version: 1,
      can: { save: false, submit: false },
    });
    expect(sent.json().submittedByName).toBeTruthy();
    const toHead = (await notifications('bqlkkt.lanhdao')).filter((n) => n.kind === 'registration');
    expect(toHead[0]!.title).toBe('Sở Tài chính đã gửi đăng ký thi đua');
    expect((await call('stc.canbo', 'PUT', `/api/years/${yearId}/registration`, choice)).statusCode).toBe(
      409,
    );

    const reg = await overviewOf(stcId);
    expect(reg).toMatchObject({ status: 'submitted', version: 1, commitments });
    const shortReason = await call(
      'bqlkkt.canbo',
      'POST',
      `/api/registrations/${reg.registrationId}/return`,
      {
        reason: 'x',
      },
    );
    expect(shortReason.statusCode).toBe(400);
    expect(shortReason.json().fieldErrors.reason).toMatch(/^Lý do/);
    const reason = 'Đề nghị bổ sung cam kết về cải cách hành chính.';
    const returned = await call('bqlkkt.canbo', 'POST', `/api/registrations/${reg.registrationId}/return`, {
      reason,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: reason });
    const toUnit = (await notifications('stc.canbo')).find((n) => n.title === 'Đăng ký thi đua được trả lại');
    expect(toUnit!.body).toContain(reason);
    expect(
      (await call('bqlkkt.canbo', 'POST', `/api/registrations/${reg.registrationId}/accept`)).statusCode,
    ).toBe(409);
    expect((await mine('stc.lanhdao')).json()).toMatchObject({
      status: 'returned',
      returnReason: reason,
      can: { save: true, submit: true },
    });

    const fixed = { ...choice, commitments: `${commitments} Hoàn thành cải cách hành chính đúng hạn.` };
    const again = await call('stc.lanhdao', 'POST', `/api/years/${yearId}/registration/submit`, fixed);
    expect(again.json()).toMatchObject({ status: 'submitted', version: 2, returnReason: null });

    // Another unit's people, and the deputy, cannot decide on Sở Tài chính's registration.
    for (const login of ['sct.lanhdao', 'skhdt.lanhdao', 'stc.lanhdao']) {
      const res = await call(login, 'POST', `/api/registrations/${reg.registrationId}/accept`);
      expect(res.statusCode, login).toBe(403);
    }
    const accepted = await call('bqlkkt.lanhdao', 'POST', `/api/registrations/${reg.registrationId}/accept`);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 2 });

    const task = (await call('stc.canbo', 'GET', `/api/years/${yearId}/my-tasks`))
      .json()
      .tasks.find((x: { deliverable: string }) => x.deliverable === 'registration');
    expect(task).toMatchObject({ state: 'done', completedBy: 'registration' });
    expect(await unitsRegisteredFor(t.db.handle.db, yearId, 'co-thi-dua')).toEqual([stcId]);
    expect(await unitsRegisteredFor(t.db.handle.db, yearId, 'bang-khen')).toEqual([]);
    expect(
      (await call('stc.lanhdao', 'POST', `/api/years/${yearId}/registration/submit`, fixed)).statusCode,
    ).toBe(409);

    const audit = await t.db.handle.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', reg.registrationId)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'registration.saved',
      'registration.submitted',
      'registration.returned',
      'registration.submitted',
      'registration.accepted',
    ]);
  });

  it('refuses choices outside the catalogue, naming the field', async () => {
    const bad = await call('sct.canbo', 'PUT', `/api/years/${yearId}/registration`, {
      items: [{ code: 'huan-chuong-lao-dong' }, { code: 'cstd-thanh-pho' }],
      commitments,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors).toEqual({
      'items.0.code': '“huan-chuong-lao-dong” không có trong danh mục danh hiệu, khen thưởng.',
      'items.1.code': 'Chiến sĩ thi đua thành phố: cần ghi họ tên cá nhân được đăng ký.',
    });
    const short = await call('sct.canbo', 'PUT', `/api/years/${yearId}/registration`, {
      items: [{ code: 'bang-khen' }],
      commitments: 'ngắn',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().fieldErrors.commitments).toMatch(/^Các cam kết/);
  });

  it('produces the summary for the Council as .xlsx and .docx, and records when it was sent', async () => {
    const xlsx = await call('bqlkkt.canbo', 'GET', `/api/years/${yearId}/registrations/summary.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const units = book.getWorksheet('Đăng ký')!;
    expect(units.getCell('A1').value).toBe('BẢNG TỔNG HỢP ĐĂNG KÝ THI ĐUA NĂM 2024');
    const rows = units.getSheetValues().filter(Boolean) as unknown[][];
    const stc = rows.find((r) => r[2] === 'Sở Tài chính')!;
    expect(typeof stc[1]).toBe('number');
    expect(stc[3]).toBe('Cờ thi đua của UBND thành phố; Chiến sĩ thi đua thành phố (Nguyễn Văn An)');
    expect(stc[5]).toBe('Đã nhận');
    expect(rows.filter((r) => r[5] === 'Chưa đăng ký')).toHaveLength(6);
    const awards = book.getWorksheet('Theo danh hiệu')!;
    const flag = (awards.getSheetValues() as unknown[][]).find((r) => r?.[2] === 'co-thi-dua')!;
    expect(flag[5]).toBe(1);
    expect(flag[6]).toBe(2);
    expect(flag[7]).toBe('Sở Tài chính');

    const docx = await call('bqlkkt.canbo', 'GET', `/api/years/${yearId}/registrations/summary.docx`);
    expect(docx.statusCode).toBe(200);
    const { document } = await readDocx(docx.rawPayload);
    const text = paragraphs(document);
    expect(text).toContain('BẢNG TỔNG HỢP');
    expect(text).toContain('Kính gửi: Hội đồng Thi đua - Khen thưởng thành phố.');
    expect(text).toContain('Đăng ký danh hiệu thi đua và hình thức khen thưởng năm 2024');
    expect(text.some((p) => p.startsWith('Số:'))).toBe(true);
    expect(text).toContain('Nơi nhận:');
    const [registered, byAward] = tables(document)
      .map(tableTexts)
      .filter((tb) => tb[0]?.[0] === 'STT');
    expect(registered!.find((r) => r[1] === 'Sở Tài chính')!.slice(4)).toEqual([
      'Đã nhận',
      expect.any(String),
    ]);
    expect(byAward!.find((r) => r[1] === 'Cờ thi đua của UBND thành phố')!.slice(3)).toEqual([
      '1',
      '2',
      'Sở Tài chính',
    ]);

    expect(
      (await call('stc.canbo', 'GET', `/api/years/${yearId}/registrations/summary.docx`)).statusCode,
    ).toBe(403);
    const sent = await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/registrations/dispatches`, {
      docNumber: '05/KTĐ',
      sentOn: '2024-03-29',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json()[0]).toMatchObject({ docNumber: '05/KTĐ', sentOn: '2024-03-29' });
    expect(
      (await call('bqlkkt.canbo', 'GET', `/api/years/${yearId}/registrations`)).json().dispatches,
    ).toHaveLength(1);
    const audit = await t.db.handle.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', '=', 'registration.summary-sent')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets only the board edit the catalogue; a later year copies the latest saved one', async () => {
    const entries = [
      {
        code: 'co-thi-dua',
        name: 'Cờ thi đua của UBND thành phố',
        kind: 'title',
        level: 'Chủ tịch UBND thành phố',
        legalBasis: 'Điều 26 Luật Thi đua, khen thưởng năm 2022',
        recipient: 'unit',
        quotaPerBloc: 1,
      },
    ];
    expect((await call('bqlkkt.lanhdao', 'PUT', '/api/award-catalogue/2026', { entries })).statusCode).toBe(
      403,
    );
    const dup = await call('ban-tdkt', 'PUT', '/api/award-catalogue/2026', {
      entries: [...entries, ...entries],
    });
    expect(dup.statusCode).toBe(400);
    expect(dup.json().fieldErrors['entries.1.code']).toMatch(/bị trùng/);
    const saved = await call('ban-tdkt', 'PUT', '/api/award-catalogue/2026', { entries });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ year: 2026, source: 'saved', can: { edit: true } });
    expect((await call('stc.canbo', 'GET', '/api/award-catalogue/2025')).json()).toMatchObject({
      source: 'copied',
      copiedFrom: 2024,
      can: { edit: false },
    });
    const later = (await call('stc.canbo', 'GET', '/api/award-catalogue/2027')).json();
    expect(later).toMatchObject({ source: 'copied', copiedFrom: 2026 });
    expect(later.entries).toEqual(entries);
    expect((await call('stc.canbo', 'GET', '/api/award-catalogue/2023')).json().source).toBe('default');
  });
});

const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 10_000, step: 50, children: [] },
];

describe.each(testDatabases)('the registration window on %s', (kind) => {
  let t: TestApp;
  let b: TestBloc;
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const choice2025 = { items: [{ code: 'bang-khen' }], commitments };

  beforeAll(async () => {
    t = await createTestApp(kind);
    setClock(new Date('2025-03-01T02:00:00Z'));
    b = await createBlocWithUnits(t, 3, tree);
  });
  afterEach(() => setClock(new Date('2025-03-01T02:00:00Z')));
  afterAll(async () => {
    setClock();
    await t.close();
  });

  it('is closed before the plan is published and after its deadline, open in between', async () => {
    const leader = `${b.codes[1]}.ld`;
    const submit = () => call(leader, 'POST', `/api/years/${b.yearId}/registration/submit`, choice2025);
    const before = await submit();
    expect(before.statusCode).toBe(409);
    expect(before.json().message).toMatch(/Chưa đến thời gian đăng ký/);

    const head = `${b.codes[0]}.cb`;
    const planId = (await call(head, 'POST', `/api/years/${b.yearId}/plan`)).json().id;
    const content = {
      docNumber: '15/KH-CTĐ',
      place: 'Hải Phòng',
      issueDate: '2025-02-20',
      subject: 'Triển khai công tác Thi đua, khen thưởng năm 2025',
      signer: { authority: 'TM. CỤM THI ĐUA', title: 'TRƯỞNG CỤM', name: 'NGUYỄN VĂN A' },
      theme: 'Chủ đề năm 2025',
      purposes: ['Mục đích.'],
      requirements: ['Yêu cầu.'],
      milestones: [
        {
          quarter: 1,
          title: 'Đăng ký danh hiệu thi đua năm 2025',
          description: 'Các đơn vị đăng ký danh hiệu thi đua {deadline}.',
          responsible: 'members',
          deadlineBeforeDay: '2025-03-15',
          deliverables: ['registration'],
        },
      ],
      recipients: ['Các đơn vị trong cụm'],
    };
    const saved = (await call(head, 'PUT', `/api/plans/${planId}`, { content, revision: 0 })).json();
    const published = await call(`${b.codes[0]}.ld`, 'POST', `/api/plans/${planId}/publish`, {
      acknowledgedWarnings: saved.warnings.map((w: { id: string }) => w.id),
      revision: saved.revision,
    });
    expect(published.statusCode, published.body).toBe(200);

    const open = (await call(leader, 'GET', `/api/years/${b.yearId}/registration`)).json();
    expect(open.window).toMatchObject({
      state: 'open',
      deadlineAt: '2025-03-14T17:00:00.000Z',
      deadlineText: 'Trước ngày 15/3/2025 (hạn cuối: hết ngày 14/3/2025, giờ Việt Nam)',
    });
    expect(
      (await call(`${b.codes[2]}.cb`, 'PUT', `/api/years/${b.yearId}/registration`, choice2025)).statusCode,
    ).toBe(200);

    setClock(new Date('2025-03-14T17:00:00Z'));
    const late = await submit();
    expect(late.statusCode).toBe(409);
    expect(late.json().message).toMatch(/Đã hết thời gian đăng ký/);
    expect((await call(leader, 'GET', `/api/years/${b.yearId}/registration`)).json()).toMatchObject({
      window: { state: 'closed' },
      can: { save: false, submit: false },
    });
  });
});
