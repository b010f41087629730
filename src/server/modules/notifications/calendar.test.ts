import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { buildCalendar, escapeText, foldLine } from './ics';

describe('iCalendar writer', () => {
  it('escapes text and folds long lines at 75 octets without splitting a Vietnamese character', () => {
    expect(escapeText('a, b; c\\d\ne')).toBe('a\\, b\\; c\\\\d\\ne');
    const line = `SUMMARY:${escapeText('Hạn: Gửi báo cáo tổng kết và bảng chấm điểm (gồm bảng điểm đơn vị tự chấm, bảng điểm chấm chéo); năm 2024')}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
  });

  it('writes a calendar that ical.js reads back', () => {
    const text = buildCalendar({
      name: 'ThiĐua – Sở Tài chính',
      stamp: new Date('2024-12-01T00:00:00Z'),
      events: [
        {
          uid: 'x@thidua',
          start: new Date('2024-12-07T16:30:00Z'),
          end: new Date('2024-12-07T17:00:00Z'),
          summary: 'Hạn: báo cáo, bảng điểm; năm 2024',
          description: 'Dòng 1\nDòng 2',
        },
      ],
    });
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Hạn: báo cáo, bảng điểm; năm 2024');
    expect(event.description).toBe('Dòng 1\nDòng 2');
    expect(event.endDate.toJSDate().toISOString()).toBe('2024-12-07T17:00:00.000Z');
  });
});

describe.each(testDatabases)("a unit's calendar feed on %s", (kind) => {
  let t: TestApp;
  const get = async (login: string | null, url: string) =>
    t.app.inject({ url, headers: login ? { cookie: await t.cookie(login) } : {} });

  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

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
    const cal = new ICAL.Component(ICAL.parse(text));
    const events = cal.getAllSubcomponents('vevent').map((v) => ({ v, e: new ICAL.Event(v) }));
    // Sở Tài chính's tasks with a deadline: the mid-year report, the year-end report, the score sheets.
    expect(events).toHaveLength(3);
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
