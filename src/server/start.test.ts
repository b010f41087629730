import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../cli/create-admin';
import type { TNominations } from '../shared/nominations';
import type { TAwardList, TProposal, TUnitAwards } from '../shared/proposals';
import type { TYearDetail } from '../shared/org';
import { buildApp, type App } from './app';
import { loadConfig } from './config';
import { migrations } from './db/migrations/index';
import { prepareDatabase } from './start';
import { setClock } from './clock';
import { testDatabases } from './testing/harness';
import { demoFacts } from './testing/demo-facts';
import type { Db } from './db/schema';
import { DEMO_PASSWORD } from './demo/data';
import { electedRoles } from './modules/ballots/service';
import { runDueReminders } from './modules/notifications/reminders';
import { runDueRoundReminders } from './modules/notifications/round-reminders';
import type { TBallotTally } from '../shared/ballots';

/** A config on a fresh place: a temp dir for SQLite, a new database for PostgreSQL. */
async function freshConfig(kind: string, env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-start-'));
  if (kind === 'sqlite') {
    return {
      config: loadConfig({ DATA_DIR: dataDir, ...env }),
      drop: async () => fs.rmSync(dataDir, { recursive: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `thidua_s_${Math.random().toString(36).slice(2, 10)}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url.toString(), ...env }),
    drop: () => run(`DROP DATABASE ${name} WITH (FORCE)`),
  };
}

describe.each(testDatabases)('start-up on %s', (kind) => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it('migrates and loads the demo bloc once, into an empty database only', async () => {
    const { config, drop } = await freshConfig(kind, { NODE_ENV: 'development' });
    drops.push(drop);
    const first = await prepareDatabase(config);
    expect(first.migration).toBe(Object.keys(migrations).at(-1));
    expect(first.demo).toHaveLength(demoFacts.accounts);
    expect(first.orphanUploads).toEqual([]);
    if (kind === 'sqlite') expect(fs.existsSync(path.join(config.dataDir, 'thidua.sqlite'))).toBe(true);
    const year = await first.handle.db.selectFrom('years').selectAll().executeTakeFirstOrThrow();
    expect(year.year).toBe(2024);
    await first.handle.close();
    const second = await prepareDatabase(config);
    expect(second.demo).toBeNull();
    const users = await second.handle.db.selectFrom('users').select('login').execute();
    expect(users).toHaveLength(demoFacts.accounts);
    await second.handle.close();
  });

  it('loads a living demo: 2024 finished and published, the current year with done, due and overdue tasks', async () => {
    setClock(new Date('2026-12-02T03:00:00Z'));
    const { config, drop } = await freshConfig(kind, { NODE_ENV: 'development' });
    drops.push(drop);
    const { handle } = await prepareDatabase(config);
    const db = handle.db;
    const years = await db.selectFrom('years').select(['id', 'year']).orderBy('year').execute();
    expect(years.map((y) => y.year)).toEqual([2024, 2026]);
    const rounds = await db.selectFrom('rounds').select(['yearId', 'status']).execute();
    expect(rounds).toEqual([{ yearId: years[0]!.id, status: 'published' }]);
    const sheets = await db.selectFrom('sheets').select(['submittedVersion']).execute();
    expect(sheets.length).toBe(49);
    expect(sheets.every((s) => s.submittedVersion > 0)).toBe(true);
    const tasks = await db.selectFrom('tasks').select(['yearId', 'status', 'deadlineAt']).execute();
    expect(tasks.filter((t) => t.yearId === years[0]!.id && t.status === 'open')).toEqual([]);
    const current = tasks.filter((t) => t.yearId === years[1]!.id);
    const now = Date.parse('2026-12-02T03:00:00Z');
    const open = current.filter((t) => t.status === 'open' && t.deadlineAt);
    expect(current.filter((t) => t.status === 'done').length).toBeGreaterThan(10);
    expect(open.filter((t) => Date.parse(t.deadlineAt!) < now)).toHaveLength(1);
    expect(open.some((t) => Date.parse(t.deadlineAt!) - now < 7 * 24 * 3600_000)).toBe(true);
    await expectFinishedYearRecords(db, years[0]!.id);
    await expectFinishedYearAwards(await buildApp({ ...config, logLevel: 'silent' }, handle), years[0]!.id);
    // The reminders due today concern the current year only: none is sent for the finished year.
    const reminders = await runDueReminders(db, [7, 1], 'start-test');
    expect(reminders.claimed.length).toBeGreaterThan(0);
    const rounds2024 = await runDueRoundReminders(db, [7, 1], 'start-test');
    expect(rounds2024.claimed).toEqual([]);
    const remindedYears = await db
      .selectFrom('tasks')
      .select('yearId')
      .distinct()
      .where('id', 'in', ['', ...reminders.claimed.map((c) => c.taskId)])
      .execute();
    expect(remindedYears.map((y) => y.yearId)).not.toContain(years[0]!.id);
    // The finished year's notices were read: the bell is not a wall of 2024.
    const unread2024 = await db
      .selectFrom('notifications')
      .select('id')
      .where('readAt', 'is', null)
      .where('createdAt', '<', '2025-01-01')
      .execute();
    expect(unread2024).toEqual([]);
    const unreadOf2024 = await db
      .selectFrom('notifications')
      .select('id')
      .where('readAt', 'is', null)
      .where('yearId', '=', years[0]!.id)
      .execute();
    expect(unreadOf2024).toEqual([]);
    await handle.close();
    setClock();
  });

  it('DEMO=scores finishes 2024 with its scores only, for the journeys that replay its awards', async () => {
    const { config, drop } = await freshConfig(kind, { NODE_ENV: 'development', DEMO: 'scores' });
    drops.push(drop);
    const { handle } = await prepareDatabase(config);
    const db = handle.db;
    const rounds = await db.selectFrom('rounds').select('status').execute();
    expect(rounds).toEqual([{ status: 'published' }]);
    for (const table of ['registrations', 'ballots', 'events', 'nominations', 'proposals'] as const) {
      expect(await db.selectFrom(table).selectAll().execute(), table).toEqual([]);
    }
    await handle.close();
  });

  it('never loads demo data in production; the first admin comes from create-admin', async () => {
    const { config, drop } = await freshConfig(kind, { NODE_ENV: 'production' });
    drops.push(drop);
    const { handle, demo } = await prepareDatabase(config);
    expect(demo).toBeNull();
    expect(await handle.db.selectFrom('users').selectAll().execute()).toEqual([]);
    await expect(
      createAdmin(handle.db, { login: 'quantri', fullName: 'Quản trị', password: 'ngan' }),
    ).rejects.toThrow(/Mật khẩu: phải có ít nhất 10 ký tự/);
    await expect(
      createAdmin(handle.db, { login: 'quantri', fullName: 'Quản trị', password: 'password1234' }),
    ).rejects.toThrow(/Mật khẩu: .*phổ biến/);
    const admin = await createAdmin(handle.db, {
      login: 'QuanTri',
      fullName: 'Quản trị',
      password: 'mot-mat-khau-dai',
    });
    expect(admin).toMatchObject({ login: 'quantri', role: 'admin', mustChangePassword: true });
    await expect(
      createAdmin(handle.db, { login: 'quantri', fullName: 'X Y', password: 'mot-mat-khau-dai' }),
    ).rejects.toThrow(/đã được dùng/);
    const audit = await handle.db.selectFrom('auditEvents').select(['action', 'requestId']).execute();
    expect(audit).toEqual([{ action: 'user.created', requestId: 'cli-create-admin' }]);
    await handle.close();
  });
});

/** The finished year's records the living demo loads (demoFacts.finished), read back from the tables. */
async function expectFinishedYearRecords(db: Db, yearId: string) {
  const f = demoFacts.finished;
  const regs = await db.selectFrom('registrations').select('status').where('yearId', '=', yearId).execute();
  expect(regs.map((r) => r.status)).toEqual(Array(f.registrations).fill('accepted'));
  const dispatches = await db
    .selectFrom('registrationDispatches')
    .selectAll()
    .where('yearId', '=', yearId)
    .execute();
  expect(dispatches).toHaveLength(1);
  const covenant = await db
    .selectFrom('covenants')
    .selectAll()
    .where('yearId', '=', yearId)
    .executeTakeFirstOrThrow();
  expect(covenant).toMatchObject({ publishedVersion: 1, signatureCount: f.signatures });
  expect(covenant.allSignedAt).not.toBeNull();
  const events = await db
    .selectFrom('events')
    .selectAll()
    .where('yearId', '=', yearId)
    .orderBy('startsAt')
    .execute();
  expect(events.map((e) => e.kind)).toEqual(f.events);
  expect(events.every((e) => e.minutesAt !== null)).toBe(true);
  const attendance = await db
    .selectFrom('eventUnits')
    .select('attendance')
    .where(
      'eventId',
      'in',
      events.map((e) => e.id),
    )
    .execute();
  expect(attendance).toEqual(Array(f.events.length * demoFacts.units).fill({ attendance: 'present' }));
  const minutes = await db
    .selectFrom('attachments')
    .select('kind')
    .where('yearId', '=', yearId)
    .where('ownerType', '=', 'event')
    .execute();
  expect(minutes).toEqual(f.events.map(() => ({ kind: 'minutes' })));
  const exemplars = await db
    .selectFrom('exemplars')
    .select('presentAtConference')
    .where('yearId', '=', yearId)
    .execute();
  expect(exemplars).toHaveLength(f.exemplars);
  expect(exemplars.filter((e) => e.presentAtConference === 1)).toHaveLength(1);
  const ballots = await db
    .selectFrom('ballots')
    .selectAll()
    .where('yearId', '=', yearId)
    .orderBy('opensAt')
    .execute();
  expect(ballots.map((b) => [b.kind, b.status])).toEqual(f.ballots.map((k) => [k, 'closed']));
  for (const b of ballots) {
    const tally = JSON.parse(b.resultJson!) as TBallotTally;
    expect(tally).toMatchObject({ electorate: demoFacts.units, voted: demoFacts.units, quorumReached: true });
    expect(tally.questions.every((q) => q.outcome !== null)).toBe(true);
  }
  const year = await db.selectFrom('years').selectAll().where('id', '=', yearId).executeTakeFirstOrThrow();
  expect(await electedRoles(db, yearId)).toEqual({
    headUnitId: year.headUnitId,
    deputyUnitId: year.deputyUnitId,
  });
  // Every task of the finished year is done: no reminder can fall due for it.
  const open = await db
    .selectFrom('tasks')
    .select('id')
    .where('yearId', '=', yearId)
    .where('status', '=', 'open')
    .execute();
  expect(open).toEqual([]);
}

/**
 * The finished year's awards (demoFacts.finished.awards), read back through the API as its readers see them:
 * a member reads the lines and their ballot, the unit its history, the board its search, anybody the public page.
 */
/** Checks the finished year's awards through the API of `app`, and closes it (whatever the outcome). */
async function expectFinishedYearAwards(app: App, yearId: string) {
  try {
    await checkFinishedYearAwards(app, yearId);
  } finally {
    await app.close();
  }
}

async function checkFinishedYearAwards(app: App, yearId: string) {
  const f = demoFacts.finished.awards;
  const cookies = new Map<string, string>();
  const get = async <T>(login: string | null, url: string): Promise<T> => {
    if (login && !cookies.has(login)) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password: DEMO_PASSWORD },
      });
      cookies.set(login, `thidua_sid=${res.cookies.find((c) => c.name === 'thidua_sid')!.value}`);
    }
    const res = await app.inject({
      method: 'GET',
      url,
      headers: login ? { cookie: cookies.get(login)! } : {},
    });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return (url.startsWith('/api') ? res.json() : res.body) as T;
  };
  const nominations = await get<TNominations>('stc.canbo', `/api/years/${yearId}/nominations`);
  expect(nominations.proposalStatus).toBe(f.proposal.status);
  expect(nominations.lines.length).toBeGreaterThan(f.headAdded);
  expect(nominations.lines.every((l) => l.included && l.reason.length > 0)).toBe(true);
  const added = nominations.lines.filter((l) => l.origin === 'head');
  expect(added).toHaveLength(f.headAdded);
  expect(added[0]!.changeReason!.length).toBeGreaterThanOrEqual(10);
  // Each line shows the outcome of the approval ballot made from the list.
  expect(nominations.lines.map((l) => l.ballot?.outcome)).toEqual(nominations.lines.map(() => 'yes'));

  const proposal = await get<TProposal>('bqlkkt.lanhdao', `/api/years/${yearId}/proposal`);
  expect(proposal).toMatchObject(f.proposal);
  expect(proposal.lines.map((l) => l.standing)).toEqual(nominations.lines.map(() => 'proposed'));
  const approved = proposal.lines.filter((l) => l.decision === 'approved');
  const rejected = proposal.lines.filter((l) => l.decision === 'rejected');
  expect(rejected.map((l) => l.decisionNote)).toEqual(f.rejected);
  expect(approved).toHaveLength(proposal.lines.length - f.rejected.length);
  expect(
    approved.every((l) => l.decisionNumber === f.decisionNumberOf(l.awardCode) && l.files.length === 1),
  ).toBe(true);
  // Two decisions: the People's Committee's (flags) and its Chairman's (certificates of merit, titles).
  expect(new Set(approved.map((l) => l.decisionNumber)).size).toBe(2);

  // A unit with an approved award finds it in its history, read by its own officer.
  const year = await get<TYearDetail>('bqlkkt.canbo', `/api/years/${yearId}`);
  const first = approved[0]!;
  const code = year.members.find((m) => m.id === first.unitId)!.code;
  const history = await get<TUnitAwards>(`${code}.canbo`, `/api/units/${first.unitId}/awards`);
  expect(history.items.map((a) => [a.year, a.awardCode, a.decisionNumber])).toEqual([
    [2024, first.awardCode, f.decisionNumberOf(first.awardCode)],
  ]);
  const search = await get<TAwardList>('ban-tdkt', '/api/awards?year=2024');
  expect(search.items.map((a) => a.nominationId).sort()).toEqual(approved.map((l) => l.id).sort());

  const page = await get<string>(null, `/public/blocs/${year.blocId}/years/2024`);
  for (const l of approved) expect(page).toContain(l.unitName);
  for (const l of approved) expect(page).toContain(l.decisionNumber);
}
