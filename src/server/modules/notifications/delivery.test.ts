import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../app';
import { setClock } from '../../clock';
import { openDatabase, type DbHandle } from '../../db/connection';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

interface Received {
  to: string[];
  raw: string;
}

/** A local SMTP sink on a random port that keeps every message it receives. */
async function smtpSink(): Promise<{ port: number; messages: Received[]; close(): Promise<void> }> {
  const messages: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        messages.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { port, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The Subject header, with RFC 2047 encoded words decoded. */
function subjectOf(raw: string): string {
  const header = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]/g, ' ');
  const value = /^Subject: (.*)$/im.exec(header)?.[1] ?? '';
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

const stcId = (t: TestApp) =>
  t.db.handle.db
    .selectFrom('units')
    .select('id')
    .where('code', '=', 'stc')
    .executeTakeFirstOrThrow()
    .then((u) => u.id);
const yearOf = (t: TestApp) =>
  t.db.handle.db
    .selectFrom('years')
    .select('id')
    .executeTakeFirstOrThrow()
    .then((y) => y.id);

describe.each(testDatabases)('e-mail over SMTP on %s', (kind) => {
  let t: TestApp;
  let sink: Awaited<ReturnType<typeof smtpSink>>;
  beforeAll(async () => {
    sink = await smtpSink();
    t = await createTestApp(kind, {
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(sink.port),
      SMTP_SECURE: 'false',
      SMTP_FROM: 'ThiĐua <thidua@khoi.example.vn>',
    });
    const admin = { cookie: await t.cookie('admin') };
    const user = await t.db.handle.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'stc.canbo')
      .executeTakeFirstOrThrow();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: admin,
      payload: { email: 'nhung.le@stc.example.vn' },
    });
  });
  afterEach(() => setClock());
  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  it('delivers an urge to the unit officer through the SMTP server, with a Vietnamese subject', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/years/${await yearOf(t)}/urge`,
      headers: { cookie: await t.cookie('bqlkkt.canbo') },
      payload: { unitId: await stcId(t), message: 'Đề nghị gửi báo cáo tổng kết.' },
    });
    expect(res.json()).toMatchObject({ notifications: 2, emails: 1 });
    expect(sink.messages).toHaveLength(1);
    expect(sink.messages[0]!.to).toEqual(['nhung.le@stc.example.vn']);
    expect(subjectOf(sink.messages[0]!.raw)).toBe('[ThiĐua] Đôn đốc từ Ban Quản lý Khu kinh tế Hải Phòng');
    const outbox = (
      await t.app.inject({ url: '/api/outbox', headers: { cookie: await t.cookie('admin') } })
    ).json();
    expect(outbox.smtpConfigured).toBe(true);
    expect(outbox.items[0]).toMatchObject({ to: 'nhung.le@stc.example.vn', status: 'sent', attempts: 1 });
  });

  it('sends reminder e-mails from the scheduler run, each once', async () => {
    setClock(new Date('2024-11-30T17:00:00Z'));
    const before = sink.messages.length;
    const run = await t.app.reminders.runDue();
    // stc: the overdue mid-year report and two year-end tasks 7 days before.
    expect(run.sent).toBe(3);
    expect(
      sink.messages
        .slice(before)
        .map((m) => subjectOf(m.raw))
        .sort(),
    ).toEqual(
      [
        '[ThiĐua] Nhắc hạn: Gửi báo cáo tổng kết và bảng chấm điểm năm 2024 – Bảng chấm điểm (tự chấm và chấm chéo) (còn 7 ngày)',
        '[ThiĐua] Nhắc hạn: Gửi báo cáo tổng kết và bảng chấm điểm năm 2024 – Báo cáo tổng kết năm (còn 7 ngày)',
        '[ThiĐua] Quá hạn: Gửi Báo cáo sơ kết 6 tháng đầu năm 2024 (đã quá hạn)',
      ].sort(),
    );
    expect((await t.app.reminders.runDue()).sent).toBe(0);
    expect(sink.messages).toHaveLength(before + 3);
  });
});

describe.each(testDatabases)('an unreachable SMTP server on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { SMTP_HOST: '127.0.0.1', SMTP_PORT: '1', SMTP_SECURE: 'false' });
    const user = await t.db.handle.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'stc.canbo')
      .executeTakeFirstOrThrow();
    await t.app.inject({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      headers: { cookie: await t.cookie('admin') },
      payload: { email: 'nhung.le@stc.example.vn' },
    });
  });
  afterAll(() => t.close());

  it('keeps the e-mail pending with the error, to be retried; the urge itself succeeds', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/years/${await yearOf(t)}/urge`,
      headers: { cookie: await t.cookie('bqlkkt.canbo') },
      payload: { unitId: await stcId(t), message: 'Đề nghị gửi báo cáo.' },
    });
    expect(res.statusCode).toBe(200);
    const [mail] = (
      await t.app.inject({ url: '/api/outbox', headers: { cookie: await t.cookie('admin') } })
    ).json().items;
    expect(mail).toMatchObject({ status: 'pending', attempts: 1 });
    expect(mail.lastError).toBeTruthy();
  });
});

describe.runIf(testDatabases.includes('postgres'))(
  'exactly once with two app instances on one PostgreSQL database',
  () => {
    let t: TestApp;
    let second: App;
    let handle: DbHandle;
    beforeAll(async () => {
      t = await createTestApp('postgres');
      handle = openDatabase(t.db.config);
      second = await buildApp(t.db.config, handle);
      // Everyone has an address, so every reminder also makes e-mails.
      await t.db.handle.db
        .updateTable('users')
        .set({ email: 'don-vi@example.vn' })
        .where('role', 'in', ['officer', 'leader'])
        .execute();
    });
    afterAll(async () => {
      setClock();
      await second.close();
      await handle.close();
      await t.close();
    });

    it('claims each reminder in one instance only, however many runs race', async () => {
      const instances = [t.app, second];
      expect(t.app.reminders.instanceId).not.toBe(second.reminders.instanceId);
      let claimed = 0;
      for (const at of [
        '2024-11-30T17:00:00Z',
        '2024-12-06T17:00:00Z',
        '2024-12-07T17:00:00Z',
        '2025-01-10T00:00:00Z',
      ]) {
        setClock(new Date(at));
        const runs = await Promise.all(
          Array.from({ length: 16 }, (_, i) => instances[i % 2]!.reminders.runDue()),
        );
        claimed += runs.reduce((n, r) => n + r.claimed.length, 0);
      }
      const db = t.db.handle.db;
      const reminders = await db
        .selectFrom('reminders')
        .select(['id', 'taskId', 'kind', 'claimedBy'])
        .execute();
      expect(reminders).toHaveLength(21 + 14 + 14);
      expect(claimed).toBe(reminders.length);
      expect(new Set(reminders.map((r) => `${r.taskId}|${r.kind}`)).size).toBe(reminders.length);
      const notes = await db
        .selectFrom('notifications')
        .select(['reminderId'])
        .where('reminderId', 'is not', null)
        .execute();
      // Two users (officer and leader) per unit: every reminder delivered exactly twice, never four times.
      const perReminder = new Map<string, number>();
      for (const n of notes) perReminder.set(n.reminderId!, (perReminder.get(n.reminderId!) ?? 0) + 1);
      expect(perReminder.size).toBe(reminders.length);
      expect([...perReminder.values()].every((n) => n === 2)).toBe(true);
      const mails = await db
        .selectFrom('outbox')
        .select('notificationId')
        .where(
          'notificationId',
          'in',
          db.selectFrom('notifications').select('id').where('reminderId', 'is not', null),
        )
        .execute();
      expect(mails).toHaveLength(reminders.length * 2);
    });
  },
);
