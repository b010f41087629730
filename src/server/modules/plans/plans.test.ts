import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { setClock } from '../../clock';
import { createBlocWithUnits, fullScores, type TestBloc } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { testFiles } from '../../testing/files';
import { sweepOrphanUploads } from './reports-service';
import { demoFacts } from '../../testing/demo-facts';

const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 10_000, step: 50, children: [] },
];

function multipart(filename: string, data: Buffer) {
  const boundary = '----thidua' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, data, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** A 2025 plan for a 4-unit bloc: a Q2 deadline that spills into Q3 (a warning), Q4 reports and sheets. */
const content = (q4Day = '2025-12-08') => ({
  docNumber: '15/KH-CTĐ',
  place: 'Hải Phòng',
  issueDate: '2025-03-10',
  subject: 'Triển khai công tác Thi đua, khen thưởng năm 2025',
  signer: { authority: 'TM. CỤM THI ĐUA', title: 'TRƯỞNG CỤM', name: 'NGUYỄN VĂN A' },
  theme: 'Chủ đề thử nghiệm năm 2025',
  purposes: ['Mục đích năm 2025.'],
  requirements: ['Yêu cầu.'],
  milestones: [
    { quarter: 1, title: 'Xây dựng kế hoạch năm 2025', responsible: 'head', deliverables: ['manual'] },
    {
      quarter: 2,
      title: 'Gửi báo cáo sơ kết',
      description: 'Gửi báo cáo sơ kết 6 tháng {deadline}.',
      responsible: 'members',
      deadlineBeforeDay: '2025-07-02',
      deliverables: ['report-mid-year'],
    },
    { quarter: 3, title: 'Phối hợp đôn đốc báo cáo', responsible: 'deputy', deliverables: ['manual'] },
    { quarter: 3, title: 'Nội dung do Hội đồng chỉ đạo', responsible: 'council', deliverables: ['manual'] },
    {
      quarter: 4,
      title: 'Gửi báo cáo tổng kết và bảng chấm điểm',
      description: 'Các đơn vị gửi báo cáo tổng kết và bảng chấm điểm {deadline} để tổng hợp.',
      responsible: 'members',
      deadlineBeforeDay: q4Day,
      deliverables: ['report-year-end', 'score-sheets'],
    },
  ],
  recipients: ['Các đơn vị trong cụm', 'Lưu: VT'],
});

describe.each(testDatabases)('the year plan on %s', (kind) => {
  let t: TestApp;
  let demoYearId: string;
  let b: TestBloc;
  let planId: string;
  const as = async (login: string) => ({ cookie: await t.cookie(login) });
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: await as(login) });
  const head = () => `${b.codes[0]}.cb`;
  /** The head unit's leader: the plan goes out in the signer's name. */
  const headLeader = () => `${b.codes[0]}.ld`;
  const unit = (i: number) => `${b.codes[i]}.cb`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    demoYearId = (await t.db.handle.db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    setClock(new Date('2025-03-01T02:00:00Z'));
    b = await createBlocWithUnits(t, 4, tree);
    const admin = await as('admin');
    expect(
      (
        await t.app.inject({
          method: 'PATCH',
          url: `/api/years/${b.yearId}`,
          headers: admin,
          payload: { deputyUnitId: b.unitIds[b.codes[1]!] },
        })
      ).statusCode,
    ).toBe(200);
  });
  afterEach(() => setClock(new Date('2025-03-01T02:00:00Z')));
  afterAll(async () => {
    setClock();
    await t.close();
  });

  it("has the seed plan in the demo bloc: version 1, both deadlines, the seed's own slip acknowledged", async () => {
    const member = (await call('stc.canbo', 'GET', `/api/years/${demoYearId}/plan`)).json().plan;
    expect(member).toMatchObject({
      publishedVersion: 1,
      dirty: false,
      draft: null,
      warnings: [],
      issuingUnitName: 'Ban Quản lý Khu kinh tế Hải Phòng',
    });
    const p = member.published;
    expect(p).toMatchObject({
      docNumber: '1192/KH-KTĐ',
      issueDate: '2024-03-20',
      signer: { authority: 'KT. TRƯỞNG BAN', title: 'PHÓ TRƯỞNG BAN', name: 'BÙI NGỌC HẢI' },
    });
    expect(p.milestones).toHaveLength(demoFacts.milestones);
    const q2 = p.milestones.find((m: { deliverables: string[] }) =>
      m.deliverables.includes('report-mid-year'),
    );
    expect(q2).toMatchObject({
      quarter: 2,
      responsible: 'members',
      deadlineAt: '2023-06-06T17:00:00.000Z',
      deadlineText: 'Trước ngày 07/6/2023 (hạn cuối: hết ngày 06/6/2023, giờ Việt Nam)',
    });
    expect(q2.sentence).toMatch(/về Ban Quản lý Khu kinh tế Hải Phòng trước ngày 07\/6\/2023\.$/);
    const q4 = p.milestones.find((m: { deliverables: string[] }) => m.deliverables.includes('score-sheets'));
    expect(q4).toMatchObject({
      quarter: 4,
      deadlineAt: '2024-12-07T17:00:00.000Z',
      deadlineText: 'Trước ngày 08/12/2024 (hạn cuối: hết ngày 07/12/2024, giờ Việt Nam)',
      deliverables: ['report-year-end', 'score-sheets'],
    });
    expect(member.versions[0].acknowledgedWarnings).toEqual([
      `deadline-outside-year:${q2.id}`,
      `deadline-before-issue:${q2.id}`,
    ]);

    const headView = (await call('bqlkkt.canbo', 'GET', `/api/years/${demoYearId}/plan`)).json().plan;
    expect(headView.warnings.map((w: { code: string }) => w.code)).toEqual([
      'deadline-outside-year',
      'deadline-before-issue',
    ]);
    expect(headView.warnings[0].message).toBe(
      'Quý II/2024: hạn "trước ngày 07/6/2023" không thuộc năm 2024 của kế hoạch.',
    );

    const mine = (await call('stc.canbo', 'GET', `/api/years/${demoYearId}/my-tasks`)).json();
    expect(mine.tasks.map((x: { deliverable: string }) => x.deliverable).sort()).toEqual([
      'covenant-signature',
      'manual',
      'manual',
      'registration',
      'report-mid-year',
      'report-year-end',
      'score-sheets',
    ]);
    const board = (await call('skhdt.canbo', 'GET', `/api/years/${demoYearId}/tasks/board`)).json();
    expect(board.units).toHaveLength(demoFacts.units);
    // 7 member tasks for each unit, and 6 for the head (its own items and the Council's).
    expect(board.cells).toHaveLength(7 * demoFacts.units + 6);
  });

  it('lets the head draft a plan, shows warnings, and refuses to publish until they are acknowledged', async () => {
    expect((await call(unit(2), 'POST', `/api/years/${b.yearId}/plan`)).statusCode).toBe(403);
    const created = await call(head(), 'POST', `/api/years/${b.yearId}/plan`);
    expect(created.statusCode).toBe(201);
    planId = created.json().id;
    expect(created.json().draft.scoring.formula).toBe(
      'Điểm của từng đơn vị = (Điểm đơn vị tự chấm + Điểm của 3 đơn vị trong Khối chấm chéo)/4.',
    );
    expect((await call(head(), 'POST', `/api/years/${b.yearId}/plan`)).statusCode).toBe(409);

    const incomplete = await call(head(), 'PUT', `/api/plans/${planId}`, {
      content: { ...content(), docNumber: '' },
      revision: 0,
    });
    expect(incomplete.statusCode).toBe(200);
    expect(
      (await call(unit(2), 'PUT', `/api/plans/${planId}`, { content: content(), revision: 1 })).statusCode,
    ).toBe(403);
    const noNumber = await call(headLeader(), 'POST', `/api/plans/${planId}/publish`, {
      acknowledgedWarnings: [],
    });
    expect(noNumber.statusCode).toBe(400);
    expect(noNumber.json().fieldErrors.docNumber).toBe('Số, ký hiệu: là bắt buộc khi ban hành');

    const saved = (
      await call(head(), 'PUT', `/api/plans/${planId}`, { content: content(), revision: 1 })
    ).json();
    const stale = await call(`${b.codes[0]}.cb`, 'PUT', `/api/plans/${planId}`, {
      content: content(),
      revision: 1,
    });
    expect(stale.statusCode).toBe(409);
    const q2 = saved.draft.milestones[1];
    expect(q2.deadlineAt).toBe('2025-07-01T17:00:00.000Z');
    expect(saved.warnings).toEqual([
      {
        id: `deadline-outside-quarter:${q2.id}`,
        code: 'deadline-outside-quarter',
        milestoneId: q2.id,
        message: 'Quý II/2025: hạn "trước ngày 02/7/2025" nằm ngoài quý (thuộc Quý III/2025).',
      },
    ]);

    const refused = await call(headLeader(), 'POST', `/api/plans/${planId}/publish`, {
      acknowledgedWarnings: [],
      revision: saved.revision,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().fieldErrors).toEqual({
      [`deadline-outside-quarter:${q2.id}`]: saved.warnings[0].message,
    });
    expect(refused.json().message).toMatch(/1 cảnh báo chưa được xác nhận/);
    expect((await call(unit(2), 'GET', `/api/years/${b.yearId}/my-tasks`)).json().tasks).toEqual([]);

    const published = await call(headLeader(), 'POST', `/api/plans/${planId}/publish`, {
      acknowledgedWarnings: [`deadline-outside-quarter:${q2.id}`],
      revision: saved.revision,
    });
    expect(published.statusCode).toBe(200);
    // 4 units × 3 member deliverables + head + deputy + the Council's item followed up by the head.
    expect(published.json().tasks).toEqual({ created: 15, updated: 0, cancelled: 0 });
    expect(published.json().plan).toMatchObject({ publishedVersion: 1, dirty: false });
    const audit = (await call('admin', 'GET', `/api/audit?entityId=${planId}&action=plan.published`)).json();
    expect(audit.items[0].after.acknowledgedWarnings).toEqual([`deadline-outside-quarter:${q2.id}`]);
  });

  it('keeps every published version; republishing moves the tasks and keeps their ids', async () => {
    const before = (await call(unit(2), 'GET', `/api/years/${b.yearId}/my-tasks`)).json().tasks;
    expect(before).toHaveLength(3);
    const plan = (await call(head(), 'GET', `/api/years/${b.yearId}/plan`)).json().plan;
    const edited = content('2025-12-10');
    edited.milestones = edited.milestones.map((m, i) => ({ ...m, id: plan.draft.milestones[i].id }));
    const saved = (
      await call(head(), 'PUT', `/api/plans/${planId}`, { content: edited, revision: plan.revision })
    ).json();
    expect(saved.dirty).toBe(true);
    const member = (await call(unit(2), 'GET', `/api/years/${b.yearId}/plan`)).json().plan;
    expect(member.published.milestones[4].deadlineAt).toBe('2025-12-07T17:00:00.000Z');
    const v2 = await call(headLeader(), 'POST', `/api/plans/${planId}/publish`, {
      acknowledgedWarnings: saved.warnings.map((w: { id: string }) => w.id),
    });
    expect(v2.json().tasks).toEqual({ created: 0, updated: 8, cancelled: 0 });
    expect(v2.json().plan.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const old = (await call(unit(3), 'GET', `/api/plans/${planId}/versions/1`)).json();
    expect(old.content.milestones[4].deadlineText).toBe(
      'Trước ngày 08/12/2025 (hạn cuối: hết ngày 07/12/2025, giờ Việt Nam)',
    );
    const after = (await call(unit(2), 'GET', `/api/years/${b.yearId}/my-tasks`)).json().tasks;
    expect(after.map((x: { id: string }) => x.id).sort()).toEqual(
      before.map((x: { id: string }) => x.id).sort(),
    );
    expect(after.find((x: { deliverable: string }) => x.deliverable === 'score-sheets').deadlineAt).toBe(
      '2025-12-09T17:00:00.000Z',
    );
    expect((await call(unit(2), 'GET', `/api/plans/${planId}/versions/3`)).statusCode).toBe(404);
  });

  it("starts next year's plan from this one: deadlines a year later, text kept, number left blank", async () => {
    expect((await call(head(), 'POST', `/api/plans/${planId}/next-year`)).statusCode).toBe(404);
    const year = (await call('admin', 'GET', `/api/years/${b.yearId}`)).json();
    const next = await call('admin', 'POST', '/api/years', {
      blocId: year.blocId,
      year: 2026,
      unitIds: Object.values(b.unitIds),
      headUnitId: b.unitIds[b.codes[1]!],
    });
    expect(next.statusCode).toBe(201);
    expect((await call(unit(2), 'POST', `/api/plans/${planId}/next-year`)).statusCode).toBe(403);
    const res = await call(head(), 'POST', `/api/plans/${planId}/next-year`);
    expect(res.statusCode).toBe(201);
    const draft = (await call(unit(1), 'GET', `/api/years/${next.json().id}/plan`)).json().plan.draft;
    expect(draft).toMatchObject({
      docNumber: '/KH-CTĐ',
      issueDate: null,
      subject: 'Triển khai công tác Thi đua, khen thưởng năm 2026',
      theme: 'Chủ đề thử nghiệm năm 2025',
    });
    expect(draft.milestones[0].title).toBe('Xây dựng kế hoạch năm 2026');
    expect(draft.milestones[4].deadlineAt).toBe('2026-12-09T17:00:00.000Z');
    expect(draft.milestones[4].sentence).toBe(
      'Các đơn vị gửi báo cáo tổng kết và bảng chấm điểm trước ngày 10/12/2026 để tổng hợp.',
    );
    expect((await call(head(), 'POST', `/api/plans/${planId}/next-year`)).statusCode).toBe(409);
  });

  it('completes report tasks on upload (late ones marked), keeps every upload, and guards the files', async () => {
    const mine = (await call(unit(2), 'GET', `/api/years/${b.yearId}/my-tasks`)).json().tasks;
    const mid = mine.find((x: { deliverable: string }) => x.deliverable === 'report-mid-year');
    const manual = (await call(unit(1), 'GET', `/api/years/${b.yearId}/my-tasks`))
      .json()
      .tasks.find((x: { deliverable: string }) => x.deliverable === 'manual');
    const pdf = Buffer.from('%PDF-1.4 báo cáo sơ kết');
    const other = multipart('bc.pdf', pdf);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${mid.id}/report`,
          headers: { ...(await as(unit(3))), ...other.headers },
          payload: other.payload,
        })
      ).statusCode,
    ).toBe(403);
    const broken = { ...other, payload: other.payload.subarray(0, other.payload.length - 10) };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${mid.id}/report`,
          headers: { ...(await as(unit(2))), ...broken.headers },
          payload: broken.payload,
        })
      ).statusCode,
    ).toBe(400);
    const wrongTask = multipart('bc.pdf', pdf);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${manual.id}/report`,
          headers: { ...(await as(unit(1))), ...wrongTask.headers },
          payload: wrongTask.payload,
        })
      ).statusCode,
    ).toBe(400);
    const exe = multipart('virus.exe', pdf);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/tasks/${mid.id}/report`,
          headers: { ...(await as(unit(2))), ...exe.headers },
          payload: exe.payload,
        })
      ).json().fieldErrors.file,
    ).toMatch(/định dạng/);

    setClock(new Date('2025-06-30T03:00:00Z'));
    const up = multipart('Báo cáo sơ kết.pdf', pdf);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${mid.id}/report`,
      headers: { ...(await as(unit(2))), ...up.headers },
      payload: up.payload,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().report).toMatchObject({
      kind: 'mid-year',
      filename: 'Báo cáo sơ kết.pdf',
      late: false,
      size: pdf.length,
    });
    expect(res.json().completedTasks).toEqual([
      expect.objectContaining({ id: mid.id, state: 'done', completedBy: 'report', lateByMs: null }),
    ]);
    const again = multipart('Báo cáo sơ kết (bổ sung).pdf', Buffer.from('%PDF v2'));
    const second = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${mid.id}/report`,
      headers: { ...(await as(unit(2))), ...again.headers },
      payload: again.payload,
    });
    expect(second.json().completedTasks).toEqual([]);
    expect(
      await t.db.handle.db.selectFrom('reports').select('id').where('taskId', '=', mid.id).execute(),
    ).toHaveLength(2);
    // The task now links to the newer file; the first is kept.
    const relinked = (await call(unit(2), 'GET', `/api/years/${b.yearId}/my-tasks`))
      .json()
      .tasks.find((x: { id: string }) => x.id === mid.id);
    expect(relinked).toMatchObject({
      state: 'done',
      completedBy: 'report',
      reportId: second.json().report.id,
    });
    expect(
      (await call(unit(2), 'GET', `/api/reports/${second.json().report.id}/file`)).rawPayload.toString(),
    ).toBe('%PDF v2');
    const heard = (await call(head(), 'GET', '/api/notifications'))
      .json()
      .items.filter((n: { kind: string }) => n.kind === 'task-done');
    expect(heard[0].title).toBe(`Đơn vị 3 (${b.codes[0]!.split('-')[0]}) đã gửi báo cáo sơ kết 6 tháng`);

    const file = await call(unit(2), 'GET', `/api/reports/${res.json().report.id}/file`);
    expect(file.rawPayload.equals(pdf)).toBe(true);
    expect((await call(head(), 'GET', `/api/reports/${res.json().report.id}/file`)).statusCode).toBe(200);
    expect((await call(unit(3), 'GET', `/api/reports/${res.json().report.id}/file`)).statusCode).toBe(403);

    // Unit 3 sends its report 2 days and 3 hours after 00:00 on 02/7/2025 (Vietnam).
    setClock(new Date('2025-07-03T20:00:00Z'));
    const late = (await call(unit(3), 'GET', `/api/years/${b.yearId}/my-tasks`))
      .json()
      .tasks.find((x: { deliverable: string }) => x.deliverable === 'report-mid-year');
    expect(late).toMatchObject({ state: 'overdue', lateByText: 'quá hạn 2 ngày 3 giờ' });
    const lateUp = multipart('bc.docx', testFiles.docx('Báo cáo sơ kết'));
    const lateRes = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${late.id}/report`,
      headers: { ...(await as(unit(3))), ...lateUp.headers },
      payload: lateUp.payload,
    });
    expect(lateRes.json().report.late).toBe(true);
    expect(lateRes.json().completedTasks[0]).toMatchObject({
      state: 'done',
      lateByText: 'nộp muộn 2 ngày 3 giờ',
    });

    // An upload interrupted between its file and its row leaves a file no report points at: moved aside once
    // an hour old; an upload in flight and files that are not ours are left alone.
    const uploads = path.join(t.app.config.dataDir, 'uploads');
    const old = new Date(Date.now() - 2 * 3600_000);
    const interrupted = '0b7e8c2a-1d2f-4c3b-9a8e-5f6d7c8b9a0e.pdf';
    const inFlight = '1c8f9d3b-2e3a-4d4c-8b9f-6a7e8d9c0b1f.docx';
    fs.writeFileSync(path.join(uploads, interrupted), 'x');
    fs.utimesSync(path.join(uploads, interrupted), old, old);
    fs.writeFileSync(path.join(uploads, inFlight), 'x');
    fs.writeFileSync(path.join(uploads, 'ghi-chu.txt'), 'x');
    fs.utimesSync(path.join(uploads, 'ghi-chu.txt'), old, old);
    expect(await sweepOrphanUploads(t.db.handle.db, t.app.config.dataDir)).toEqual([interrupted]);
    expect(fs.existsSync(path.join(uploads, 'orphans', interrupted))).toBe(true);
    expect(fs.existsSync(path.join(uploads, inFlight))).toBe(true);
    expect(fs.existsSync(path.join(uploads, 'ghi-chu.txt'))).toBe(true);
    expect((await call(unit(2), 'GET', `/api/reports/${second.json().report.id}/file`)).statusCode).toBe(200);
    for (const f of [inFlight, 'ghi-chu.txt']) fs.rmSync(path.join(uploads, f));

    const board = (await call(unit(1), 'GET', `/api/years/${b.yearId}/tasks/board`)).json();
    const midCells = board.cells.filter((c: { deliverable: string }) => c.deliverable === 'report-mid-year');
    expect(midCells.map((c: { state: string }) => c.state).sort()).toEqual([
      'done',
      'done',
      'overdue',
      'overdue',
    ]);
    expect(board.units.find((u: { id: string }) => u.id === b.unitIds[b.codes[0]!])).toMatchObject({
      overdue: 1,
    });
  });

  it('completes the score-sheets task when a unit has submitted all its sheets of the year-end round', async () => {
    setClock(new Date('2025-11-01T02:00:00Z'));
    const round = await call(head(), 'POST', `/api/years/${b.yearId}/rounds`, {
      kind: 'year-end',
      title: 'Cuối năm 2025',
      deadlineAt: '2025-12-10T00:00:00+07:00',
      latePolicy: 'refuse',
      missingPolicy: 'wait-all',
      officerMaySubmit: true,
    });
    expect(round.statusCode).toBe(201);
    const roundId = round.json().id;
    const sheets = (await call(unit(2), 'GET', `/api/rounds/${roundId}/my-sheets`)).json().sheets;
    for (const [i, s] of sheets.entries()) {
      const saved = (
        await call(unit(2), 'PUT', `/api/sheets/${s.id}/draft`, {
          scores: fullScores(tree, 0.9),
          revision: s.revision,
        })
      ).json();
      const task = () =>
        call(unit(2), 'GET', `/api/years/${b.yearId}/my-tasks`).then((r) =>
          r.json().tasks.find((x: { deliverable: string }) => x.deliverable === 'score-sheets'),
        );
      expect(
        (await call(unit(2), 'POST', `/api/sheets/${s.id}/submit`, { revision: saved.revision })).statusCode,
      ).toBe(200);
      expect((await task()).state).toBe(i === sheets.length - 1 ? 'done' : 'open');
    }
    const done = (await call(unit(2), 'GET', `/api/years/${b.yearId}/my-tasks`))
      .json()
      .tasks.find((x: { deliverable: string }) => x.deliverable === 'score-sheets');
    expect(done).toMatchObject({ completedBy: 'score-sheets', lateByMs: null });
    const other = (await call(unit(3), 'GET', `/api/years/${b.yearId}/my-tasks`))
      .json()
      .tasks.find((x: { deliverable: string }) => x.deliverable === 'score-sheets');
    expect(other.state).toBe('open');
  });

  it('lets only the head check off a manual task, once', async () => {
    const task = (await call(unit(1), 'GET', `/api/years/${b.yearId}/my-tasks`))
      .json()
      .tasks.find((x: { deliverable: string }) => x.deliverable === 'manual');
    expect(
      (await call(unit(1), 'POST', `/api/tasks/${task.id}/complete`, { note: 'Tự xác nhận' })).statusCode,
    ).toBe(403);
    const done = await call(head(), 'POST', `/api/tasks/${task.id}/complete`, {
      note: 'Đã nhận văn bản giấy',
    });
    expect(done.json()).toMatchObject({ state: 'done', completedBy: 'head', note: 'Đã nhận văn bản giấy' });
    expect((await call(head(), 'POST', `/api/tasks/${task.id}/complete`, {})).statusCode).toBe(409);
  });
});
