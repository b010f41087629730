import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { buildCalendar, type CalendarEvent } from './ics';

const readEvents = (text: string) =>
  new ICAL.Component(ICAL.parse(text))
    .getAllSubcomponents('vevent')
    .map((v) => ({ v, e: new ICAL.Event(v) }));

describe('iCalendar writer', () => {
  const longSummary =
    'Hạn: Gửi báo cáo tổng kết, bảng chấm điểm (gồm bảng điểm đơn vị tự chấm; bảng điểm chấm chéo) và biên bản họp Khối thi đua năm 2024 – Ủy ban nhân dân thành phố Hải Phòng';
  const calendar = (events: Partial<CalendarEvent>[]) =>
    buildCalendar({
      name: 'ThiĐua – Sở Tài chính, Hải Phòng; 2024',
      stamp: new Date('2024-12-01T00:00:00Z'),
      events: events.map((e, i) => ({
        uid: `e${i}@thidua`,
        start: new Date('2024-12-07T16:30:00Z'),
        end: new Date('2024-12-07T17:00:00Z'),
        summary: 'Hạn',
        sequence: 1,
        ...e,
      })),
    });

  it('escapes commas, semicolons, backslashes and newlines, and folds long Vietnamese lines at 75 octets', () => {
    const text = calendar([{ summary: longSummary, description: 'Dòng 1, a; b \\ c\nDòng 2' }]);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = text.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    // Unfolding (CRLF + one space) gives back whole lines; no character was cut between two lines.
    expect(text).not.toContain('\uFFFD');
    const unfolded = text.replace(/\r\n /g, '').split('\r\n');
    expect(unfolded).toContain(
      'SUMMARY:Hạn: Gửi báo cáo tổng kết\\, bảng chấm điểm (gồm bảng điểm đơn vị tự chấm\\; bảng điểm chấm chéo) và biên bản họp Khối thi đua năm 2024 – Ủy ban nhân dân thành phố Hải Phòng',
    );
    expect(unfolded).toContain('DESCRIPTION:Dòng 1\\, a\\; b \\\\ c\\nDòng 2');
    expect(unfolded).toContain('X-WR-CALNAME:ThiĐua – Sở Tài chính\\, Hải Phòng\\; 2024');
    expect(unfolded.filter((l) => l.startsWith('SUMMARY:')).length).toBe(1);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(1);
    // Each folded piece decodes on its own: folds fall between characters, never inside one.
    for (const line of lines) expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
  });

  it('writes a calendar that ical.js reads back, with sequence and status', () => {
    const text = calendar([
      { summary: longSummary, description: 'Dòng 1\nDòng 2', sequence: 2 },
      { summary: 'Hạn: nhiệm vụ đã hủy', sequence: 3, cancelled: true },
    ]);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const cal = new ICAL.Component(ICAL.parse(text));
    expect(cal.getFirstPropertyValue('method')).toBe('PUBLISH');
    const [kept, cancelled] = readEvents(text);
    expect(kept!.e.summary).toBe(longSummary);
    expect(kept!.e.description).toBe('Dòng 1\nDòng 2');
    expect(kept!.e.sequence).toBe(2);
    expect(kept!.v.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(kept!.e.endDate.toJSDate().toISOString()).toBe('2024-12-07T17:00:00.000Z');
    expect(kept!.e.endDate.zone.tzid).toBe('UTC');
    expect(cancelled!.e.sequence).toBe(3);
    expect(cancelled!.v.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe.each(testDatabases)("a unit's calendar feed on %s", (kind) => {
  let t: TestApp;
  const get = async (login: string | null, url: string) =>
    t.app.inject({ url, headers: login ? { cookie: await t.cookie(login) } : {} });

  const tasksOf = async (code: string) =>
    t.db.handle.db
      .selectFrom('tasks as t')
      .innerJoin('units as u', 'u.id', 't.unitId')
      .innerJoin('plans as p', 'p.id', 't.planId')
      .select(['t.id', 'p.publishedVersion'])
      .where('u.code', '=', code)
      .where('t.deadlineAt', 'is not', null)
      .orderBy('t.id')
      .execute();

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('keeps a cancelled task, marked CANCELLED with a higher SEQUENCE than the plan version', async () => {
    const [cancelled, kept] = await tasksOf('cthue');
    await t.db.handle.db
      .updateTable('tasks')
      .set({ status: 'cancelled' })
      .where('id', '=', cancelled!.id)
      .execute();
    const feed = (await get('cthue.canbo', '/api/calendar-feed')).json();
    const events = readEvents((await get(null, feed.path)).body);
    const byUid = (id: string) =>
      events.find(({ v }) => v.getFirstPropertyValue('uid') === `task-${id}@thidua`)!;
    expect(byUid(cancelled!.id).v.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(byUid(cancelled!.id).e.sequence).toBe(cancelled!.publishedVersion + 1);
    expect(byUid(kept!.id).v.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(byUid(kept!.id).e.sequence).toBe(kept!.publishedVersion);
  });

  it('lists the unit’s deadlines as valid iCalendar at a private URL that a leader can rotate', async () => {
    const feed = (await get('stc.canbo', '/api/calendar-feed')).json();
    expect(feed.path).toMatch(/^\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/);
    expect(feed.url.endsWith(feed.path)).toBe(true);
    expect((await get('stc.lanhdao', '/api/calendar-feed')).json().path).toBe(feed.path);
    expect((await get('ban-tdkt', '/api/calendar-feed')).statusCode).toBe(403);

    const res = await get(null, feed.path);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.body;
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const events = readEvents(text);
    // One event per task of Sở Tài chính with a deadline.
    const tasks = await tasksOf('stc');
    expect(events.map(({ v }) => v.getFirstPropertyValue('uid')).sort()).toEqual(
      tasks.map((task) => `task-${task.id}@thidua`).sort(),
    );
    for (const { v } of events) {
      expect(v.getFirstPropertyValue('uid')).toMatch(/@thidua$/);
      expect(v.getFirstPropertyValue('dtstamp')).toBeTruthy();
    }
    const yearEnd = events.find(({ e }) => e.summary.includes('Báo cáo tổng kết năm'))!.e;
    expect(yearEnd.summary).toBe(
      'Hạn: Gửi báo cáo tổng kết và bảng chấm điểm năm 2024 – Báo cáo tổng kết năm',
    );
    expect(yearEnd.endDate.toJSDate().toISOString()).toBe('2024-12-07T17:00:00.000Z');
    expect(yearEnd.endDate.zone.tzid).toBe('UTC');
    expect(text).toContain('DTEND:20241207T170000Z\r\n');
    expect(yearEnd.description).toBe(
      'Sở Tài chính. Trước ngày 08/12/2024 (hạn cuối: hết ngày 07/12/2024, giờ Việt Nam).',
    );

    const rotated = (
      await t.app.inject({
        method: 'POST',
        url: '/api/calendar-feed/rotate',
        headers: { cookie: await t.cookie('stc.lanhdao') },
      })
    ).json();
    expect(rotated.path).not.toBe(feed.path);
    expect((await get(null, feed.path)).statusCode).toBe(404);
    expect((await get(null, rotated.path)).statusCode).toBe(200);
    expect((await get(null, '/api/calendar/short.ics')).statusCode).toBe(400);
  });

  it("builds the URL from PUBLIC_URL, never from the request's Host header", async () => {
    const headers = {
      cookie: await t.cookie('sct.canbo'),
      host: 'evil.example',
      'x-forwarded-host': 'evil.example',
    };
    const feed = (await t.app.inject({ url: '/api/calendar-feed', headers })).json();
    expect(feed.url).toBe(`http://localhost:3000${feed.path}`);
    const rotated = (
      await t.app.inject({ method: 'POST', url: '/api/calendar-feed/rotate', headers })
    ).json();
    expect(rotated.url).toBe(`http://localhost:3000${rotated.path}`);
  });
});

describe('the calendar URL with PUBLIC_URL set', () => {
  it('starts with PUBLIC_URL', async () => {
    const t = await createTestApp('sqlite', { PUBLIC_URL: 'https://thidua.example.vn' });
    try {
      const feed = (
        await t.app.inject({ url: '/api/calendar-feed', headers: { cookie: await t.cookie('stc.canbo') } })
      ).json();
      expect(feed.url).toBe(`https://thidua.example.vn${feed.path}`);
    } finally {
      await t.close();
    }
  });
});
