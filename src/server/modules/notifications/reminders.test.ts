import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../clock';
import { demoFacts } from '../../testing/demo-facts';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

// The demo plan's deadlines: "trước ngày 07/6/2023" (mid-year report) and "trước ngày 08/12/2024"
// (year-end report and score sheets) for each unit.
const SEVEN_DAYS_BEFORE = new Date('2024-11-30T17:00:00Z'); // 00:00 on 01/12/2024, Vietnam
const ONE_DAY_BEFORE = new Date('2024-12-06T17:00:00Z'); // 00:00 on 07/12/2024
const AT_DEADLINE = new Date('2024-12-07T17:00:00Z'); // 00:00 on 08/12/2024

describe.each(testDatabases)('reminders, notifications and the outbox on %s', (kind) => {
  let t: TestApp;
  let yearId: string;
  const as = async (login: string) => ({ cookie: await t.cookie(login) });
  const call = async (
    login: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, payload, headers: await as(login) });
  const userId = async (login: string) =>
    (
      await t.db.handle.db
        .selectFrom('users')
        .select('id')
        .where('login', '=', login)
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    t = await createTestApp(kind);
    yearId = (await t.db.handle.db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    for (const login of ['stc.canbo', 'stc.lanhdao']) {
      expect(
        (
          await call('admin', 'PATCH', `/api/users/${await userId(login)}`, {
            email: `${login}@stc.example.vn`,
          })
        ).statusCode,
      ).toBe(200);
    }
  });
  type Run = Awaited<ReturnType<TestApp['app']['reminders']['runDue']>>;
  /** The runs of the reminder job at each instant around the deadlines, made once before the cases read them. */
  const runs: {
    first: Run;
    again: Run;
    justBefore1d: Run;
    at1d: Run;
    justBeforeDeadline: Run;
    atDeadline: Run;
    later: Run;
  } = {} as never;
  let prefs: { email: Record<string, boolean> };
  beforeAll(async () => {
    // Before the first run the demo units only have the "plan published" notice.
    prefs = (
      await call('stc.lanhdao', 'PUT', '/api/notification-preferences', { email: { reminder: false } })
    ).json();
    const at = async (clock: Date) => {
      setClock(clock);
      return t.app.reminders.runDue();
    };
    runs.first = await at(SEVEN_DAYS_BEFORE);
    runs.again = await at(SEVEN_DAYS_BEFORE);
    runs.justBefore1d = await at(new Date(ONE_DAY_BEFORE.getTime() - 1));
    runs.at1d = await at(ONE_DAY_BEFORE);
    runs.justBeforeDeadline = await at(new Date(AT_DEADLINE.getTime() - 1));
    runs.atDeadline = await at(AT_DEADLINE);
    runs.later = await at(new Date('2025-02-01T00:00:00Z'));
    setClock();
  });
  afterEach(() => setClock());
  afterAll(() => t.close());

  it('sends each due reminder once: 7 days before, 1 day before, and when overdue', async () => {
    const units = demoFacts.units;
    expect(prefs.email).toMatchObject({ reminder: false, overdue: true, urge: true });
    const { first } = runs;
    // One overdue mid-year report per unit (the seed's 2023 date) + two year-end tasks per unit reaching 7 days.
    expect(first.claimed.filter((c) => c.kind === 'overdue')).toHaveLength(units);
    expect(first.claimed.filter((c) => c.kind === 'before-7d')).toHaveLength(2 * units);
    expect(first.notifications).toBe(3 * units * 2);
    // stc: 1 overdue to both users, 2 reminders to the officer only (the leader turned reminder e-mails off).
    expect(first.emails).toBe(2 + 2);
    expect(runs.again.claimed).toEqual([]);
    expect(runs.justBefore1d.claimed).toEqual([]);
    expect(runs.at1d.claimed.map((c) => c.kind)).toEqual(Array(2 * units).fill('before-1d'));
    expect(runs.justBeforeDeadline.claimed).toEqual([]);
    expect(runs.atDeadline.claimed.map((c) => c.kind)).toEqual(Array(2 * units).fill('overdue'));
    expect(runs.later.claimed).toEqual([]);

    const rows = await t.db.handle.db.selectFrom('reminders').select(['taskId', 'kind']).execute();
    expect(rows).toHaveLength(3 * units + 2 * units + 2 * units);
    expect(new Set(rows.map((r) => `${r.taskId}|${r.kind}`)).size).toBe(rows.length);
  });

  it('shows a user their notifications and lets them mark them read', async () => {
    const list = (await call('stc.canbo', 'GET', '/api/notifications?limit=100')).json();
    const kinds = list.items.map((n: { kind: string }) => n.kind);
    expect(kinds.filter((k: string) => k === 'reminder')).toHaveLength(4);
    expect(kinds.filter((k: string) => k === 'overdue')).toHaveLength(3);
    expect(kinds).toContain('plan-published');
    expect(list.unread).toBe(list.items.length);
    const overdue = list.items.find(
      (n: { kind: string; title: string }) =>
        n.kind === 'overdue' && n.title.includes('Báo cáo tổng kết năm'),
    );
    expect(overdue.title).toBe(
      'Quá hạn: Gửi báo cáo tổng kết và bảng chấm điểm năm 2024 – Báo cáo tổng kết năm (đã quá hạn)',
    );
    expect(overdue.body).toContain('Trước ngày 08/12/2024 (hạn cuối: hết ngày 07/12/2024, giờ Việt Nam)');
    expect((await call('sct.canbo', 'POST', `/api/notifications/${overdue.id}/read`)).statusCode).toBe(404);
    expect((await call('stc.canbo', 'POST', `/api/notifications/${overdue.id}/read`)).statusCode).toBe(200);
    expect(
      (await call('stc.canbo', 'GET', '/api/notifications?unreadOnly=true&limit=200')).json().unread,
    ).toBe(list.unread - 1);
    await call('stc.canbo', 'POST', '/api/notifications/read-all');
    expect((await call('stc.canbo', 'GET', '/api/notifications')).json().unread).toBe(0);
    // "false" means false: read notifications are listed, not filtered out.
    const all = (await call('stc.canbo', 'GET', '/api/notifications?unreadOnly=false&limit=200')).json();
    expect(all.items.length).toBe(list.items.length);
    expect((await call('stc.canbo', 'GET', '/api/notifications?unreadOnly=true')).json().items).toEqual([]);
  });

  it('keeps every e-mail in the outbox when SMTP is not configured; only administrators read it', async () => {
    const outbox = await call('admin', 'GET', '/api/outbox?limit=500');
    expect(outbox.json().smtpConfigured).toBe(false);
    const mails = outbox.json().items;
    expect(mails.every((m: { status: string }) => m.status === 'pending')).toBe(true);
    const toLeader = mails.filter((m: { to: string }) => m.to === 'stc.lanhdao@stc.example.vn');
    expect(
      toLeader
        .map((m: { subject: string }) => m.subject)
        .every((s: string) => s.startsWith('[ThiĐua] Quá hạn:')),
    ).toBe(true);
    expect(toLeader).toHaveLength(3);
    expect(mails.filter((m: { to: string }) => m.to === 'stc.canbo@stc.example.vn')).toHaveLength(7);
    expect(mails[0].body).toMatch(/^Kính gửi /);
    expect((await call('stc.canbo', 'GET', '/api/outbox')).statusCode).toBe(403);
    expect((await call('ban-tdkt', 'GET', '/api/outbox')).statusCode).toBe(403);
  });

  it('lets the head or the deputy urge one unit or every late unit, with a message', async () => {
    setClock(new Date('2024-12-09T03:00:00Z'));
    const stc = (
      await t.db.handle.db
        .selectFrom('units')
        .select('id')
        .where('code', '=', 'stc')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (
        await call('stc.canbo', 'POST', `/api/years/${yearId}/urge`, {
          unitId: stc,
          message: 'Đề nghị gửi báo cáo',
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/urge`, { message: 'Thiếu đơn vị' }))
        .statusCode,
    ).toBe(400);
    const one = await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/urge`, {
      unitId: stc,
      message: 'Đề nghị Sở Tài chính gửi báo cáo tổng kết ngay.',
    });
    expect(one.json()).toMatchObject({ unitIds: [stc], notifications: 2, emails: 2 });
    const note = (await call('stc.lanhdao', 'GET', '/api/notifications?unreadOnly=true'))
      .json()
      .items.find((n: { kind: string }) => n.kind === 'urge');
    expect(note.title).toBe('Đôn đốc từ Ban Quản lý Khu kinh tế Hải Phòng');
    expect(note.body).toContain('Đề nghị Sở Tài chính gửi báo cáo tổng kết ngay.');
    expect(note.body).toContain('quá hạn 1 ngày 10 giờ');
    const all = await call('skhdt.lanhdao', 'POST', `/api/years/${yearId}/urge`, {
      allLate: true,
      message: 'Đề nghị các đơn vị chậm gửi báo cáo.',
    });
    expect(all.json().unitIds).toHaveLength(demoFacts.units);
    expect(all.json().notifications).toBe(2 * demoFacts.units);
    const audit = (await call('admin', 'GET', `/api/audit?action=tasks.urged`)).json();
    expect(audit.total).toBe(2);
  });
});
