import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileStoreDir, sha256 } from '../../storage/file-store';
import { testFiles } from '../../testing/files';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';

const HEAD = 'bqlkkt.canbo';
const STC = 'stc.canbo';
const SKHDT = 'skhdt.canbo';

describe.each(testDatabases)('events and exemplary models on %s', (kind) => {
  let t: TestApp;
  let yearId: string;
  let unit: Record<string, string>;
  let milestoneId: string;

  const call = async (login: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: login ? { cookie: await t.cookie(login) } : {} });
  const upload = async (login: string, url: string, filename: string, data: Buffer) => {
    const body = multipart(filename, data);
    return t.app.inject({
      method: 'POST',
      url,
      payload: body.payload,
      headers: { ...body.headers, cookie: await t.cookie(login) },
    });
  };
  /** The VEVENT of an event in a unit's feed, read back with ical.js. */
  const feedEvent = async (login: string, eventId: string) => {
    const feed = (await call(login, 'GET', '/api/calendar-feed')).json();
    const res = await call(null, 'GET', feed.path);
    expect(res.statusCode).toBe(200);
    const vevents = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent');
    return vevents.find((v) => v.getFirstPropertyValue('uid') === `event-${eventId}@thidua`) ?? null;
  };
  const input = () => ({
    kind: 'year-end-conference',
    title: 'Hội nghị tổng kết phong trào thi đua năm 2024',
    startsAt: '2024-12-20T08:00:00+07:00',
    endsAt: '2024-12-20T11:30:00+07:00',
    location: 'Hội trường Ban Quản lý khu kinh tế',
    hostUnitId: unit.bqlkkt!,
    unitIds: [unit.bqlkkt!, unit.stc!, unit.skhdt!],
    agenda: '1. Khai mạc\n2. Báo cáo tổng kết',
    milestoneId,
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.handle.db;
    yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    unit = Object.fromEntries(
      (await db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
    );
    const list = (await call(HEAD, 'GET', `/api/years/${yearId}/events`)).json();
    expect(list.can.create).toBe(true);
    milestoneId = list.milestones.find((m: { title: string }) => m.title.startsWith('Hội nghị tổng kết')).id;
  });
  afterAll(() => t.close());

  it('refuses an end before the start and a unit outside the bloc, naming the field in Vietnamese', async () => {
    const bad = await call(HEAD, 'POST', `/api/years/${yearId}/events`, {
      ...input(),
      endsAt: '2024-12-20T07:00:00+07:00',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.endsAt).toBe('Kết thúc: phải sau thời điểm bắt đầu');
    const stranger = await call(HEAD, 'POST', `/api/years/${yearId}/events`, {
      ...input(),
      hostUnitId: crypto.randomUUID(),
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().fieldErrors.hostUnitId).toMatch(/Đơn vị chủ trì/);
    expect((await call(STC, 'POST', `/api/years/${yearId}/events`, input())).statusCode).toBe(403);
  });

  it('puts an event in each unit’s calendar; an edit arrives with SEQUENCE + 1, a cancellation as CANCELLED', async () => {
    const created = await call(HEAD, 'POST', `/api/years/${yearId}/events`, input());
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json();
    expect(event).toMatchObject({ status: 'scheduled', sequence: 0, hostUnitName: expect.any(String) });
    expect(event.startsAt).toBe('2024-12-20T01:00:00.000Z');

    const first = (await feedEvent(STC, event.id))!;
    expect(first.getFirstPropertyValue('sequence')).toBe(0);
    expect(first.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(first.getFirstPropertyValue('location')).toBe('Hội trường Ban Quản lý khu kinh tế');
    expect(new ICAL.Event(first).startDate.toJSDate().toISOString()).toBe('2024-12-20T01:00:00.000Z');
    expect(await feedEvent('sct.canbo', event.id)).toBeNull(); // not a participant

    const notified = (await call(STC, 'GET', '/api/notifications')).json().items;
    expect(notified.find((n: { kind: string }) => n.kind === 'event').title).toBe(
      'Sự kiện mới: Hội nghị tổng kết phong trào thi đua năm 2024',
    );

    // Saving the same content again is no change calendars must see.
    expect((await call(HEAD, 'PUT', `/api/events/${event.id}`, input())).json().sequence).toBe(0);
    const moved = await call(HEAD, 'PUT', `/api/events/${event.id}`, {
      ...input(),
      startsAt: '2024-12-21T14:00:00+07:00',
      endsAt: '2024-12-21T17:00:00+07:00',
      location: 'Nhà văn hóa thành phố',
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().sequence).toBe(1);
    const updated = (await feedEvent(STC, event.id))!;
    expect(updated.getFirstPropertyValue('sequence')).toBe(1);
    expect(updated.getFirstPropertyValue('location')).toBe('Nhà văn hóa thành phố');
    expect(new ICAL.Event(updated).startDate.toJSDate().toISOString()).toBe('2024-12-21T07:00:00.000Z');
    const changed = (await call(SKHDT, 'GET', '/api/notifications')).json().items;
    expect(changed.some((n: { title: string }) => n.title.startsWith('Sự kiện thay đổi:'))).toBe(true);

    const cancelled = await call(HEAD, 'POST', `/api/events/${event.id}/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', sequence: 2, can: { manage: false } });
    const gone = (await feedEvent(STC, event.id))!;
    expect(gone.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(gone.getFirstPropertyValue('sequence')).toBe(2);
    expect((await call(HEAD, 'PUT', `/api/events/${event.id}`, input())).statusCode).toBe(409);
    const told = (await call(STC, 'GET', '/api/notifications')).json().items;
    expect(told[0]).toMatchObject({ kind: 'event', title: `Sự kiện bị hủy: ${input().title}` });

    const actions = (
      await t.db.handle.db
        .selectFrom('auditEvents')
        .select('action')
        .where('entityId', '=', event.id)
        .orderBy('id')
        .execute()
    ).map((a) => a.action);
    expect(actions).toEqual(['event.created', 'event.updated', 'event.updated', 'event.cancelled']);
  });

  it('records attendance, refuses an impostor file, keeps the same file once, and the minutes complete the task', async () => {
    const event = (await call(HEAD, 'POST', `/api/years/${yearId}/events`, input())).json();
    const attended = await call(HEAD, 'PUT', `/api/events/${event.id}/attendance`, {
      items: [
        { unitId: unit.stc, attendance: 'present' },
        { unitId: unit.skhdt, attendance: 'absent' },
      ],
    });
    expect(attended.statusCode, attended.body).toBe(200);
    const byId = Object.fromEntries(
      attended.json().units.map((u: { id: string; attendance: string | null }) => [u.id, u.attendance]),
    );
    expect(byId).toEqual({ [unit.bqlkkt!]: null, [unit.stc!]: 'present', [unit.skhdt!]: 'absent' });
    const outsider = await call(HEAD, 'PUT', `/api/events/${event.id}/attendance`, {
      items: [{ unitId: unit.sct, attendance: 'present' }],
    });
    expect(outsider.statusCode).toBe(400);
    expect(outsider.json().fieldErrors['items.0.unitId']).toMatch(/không tham dự/);

    const url = `/api/events/${event.id}/attachments?kind=minutes`;
    const exe = await upload(HEAD, url, 'bien-ban.pdf', testFiles.exe());
    expect(exe.statusCode).toBe(400);
    expect(exe.json().message).toMatch(/không đúng định dạng/);
    expect(exe.json().fieldErrors.file).toBe('Tệp: định dạng không được nhận');
    expect((await upload(STC, url, 'bien-ban.pdf', testFiles.pdf())).statusCode).toBe(403);

    const headTask = async () =>
      t.db.handle.db
        .selectFrom('tasks')
        .select(['status', 'completedBy'])
        .where('unitId', '=', unit.bqlkkt!)
        .where('milestoneId', '=', milestoneId)
        .executeTakeFirstOrThrow();
    expect((await headTask()).status).toBe('open');
    const minutes = testFiles.pdf('Biên bản hội nghị tổng kết');
    const attached = await upload(HEAD, url, 'Biên bản hội nghị.pdf', minutes);
    expect(attached.statusCode, attached.body).toBe(201);
    expect(attached.json().minutesAt).not.toBeNull();
    expect(await headTask()).toEqual({ status: 'done', completedBy: 'event-minutes' });

    // The same bytes under another name and for another event: one file in the store.
    const other = (await call(HEAD, 'POST', `/api/years/${yearId}/events`, input())).json();
    const again = await upload(
      HEAD,
      `/api/events/${other.id}/attachments?kind=other`,
      'ban-sao.pdf',
      minutes,
    );
    expect(again.statusCode).toBe(201);
    const hash = sha256(minutes);
    expect(again.json().attachments[0].sha256).toBe(hash);
    expect(attached.json().attachments[0].sha256).toBe(hash);
    const dir = path.join(fileStoreDir(t.app.config.dataDir), hash.slice(0, 2));
    expect(fs.readdirSync(dir).filter((f) => f.startsWith(hash))).toEqual([hash]);
    const file = await call(STC, 'GET', `/api/attachments/${again.json().attachments[0].id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.equals(minutes)).toBe(true);
  });

  it('lets units publish exemplary models, search them with or without accents, and the head mark them', async () => {
    const publish = (login: string, title: string, field: string) =>
      call(login, 'POST', `/api/years/${yearId}/exemplars`, {
        title,
        field,
        description: 'Cách làm hay được nhân rộng trong Khối.',
      });
    const mine = await publish(STC, 'Mô hình “Dân vận khéo” trong thu ngân sách', 'Cải cách hành chính');
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ presentAtConference: false, can: { edit: true, mark: false } });
    expect((await publish(SKHDT, 'Số hóa hồ sơ đầu tư', 'Chuyển đổi số')).statusCode).toBe(201);
    expect((await publish('admin', 'Không thuộc Khối', 'Khác')).statusCode).toBe(403);
    const bad = await call(STC, 'POST', `/api/years/${yearId}/exemplars`, { title: 'A', field: 'B' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().fieldErrors).sort()).toEqual(['description', 'field', 'title']);

    const search = async (q: string) =>
      (await call(SKHDT, 'GET', `/api/years/${yearId}/exemplars?q=${encodeURIComponent(q)}`))
        .json()
        .items.map((x: { title: string }) => x.title);
    expect(await search('dân vận')).toEqual(['Mô hình “Dân vận khéo” trong thu ngân sách']);
    expect(await search('DAN VAN kheo')).toEqual(['Mô hình “Dân vận khéo” trong thu ngân sách']);
    expect(await search('chuyen doi so')).toEqual(['Số hóa hồ sơ đầu tư']);
    expect(await search('dan van y te')).toEqual([]);
    expect(await search('')).toHaveLength(2);

    const id = mine.json().id;
    expect(
      (await call(SKHDT, 'PUT', `/api/exemplars/${id}`, { title: 'Sửa', field: 'Khác', description: 'Khác' }))
        .statusCode,
    ).toBe(403);
    expect((await call(STC, 'POST', `/api/exemplars/${id}/present`, { present: true })).statusCode).toBe(403);
    const marked = await call(HEAD, 'POST', `/api/exemplars/${id}/present`, { present: true });
    expect(marked.json()).toMatchObject({ presentAtConference: true, can: { edit: false, mark: true } });
    const presented = (await call(STC, 'GET', `/api/years/${yearId}/exemplars?presented=yes`)).json().items;
    expect(presented.map((x: { id: string }) => x.id)).toEqual([id]);

    const png = await upload(STC, `/api/exemplars/${id}/attachments`, 'anh.png', testFiles.png());
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().attachments).toEqual([
      expect.objectContaining({ filename: 'anh.png', contentType: 'image/png' }),
    ]);
    const renamed = await upload(STC, `/api/exemplars/${id}/attachments`, 'anh.png', testFiles.pdf());
    expect(renamed.statusCode).toBe(400);
  });
});
