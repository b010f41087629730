import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TBallot, TBallotTally } from '../../../shared/ballots';
import { setClock } from '../../clock';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

/**
 * Secret ballots on the demo bloc (seven units, Ban Quản lý khu kinh tế heads it), on both databases.
 * The secrecy test reads as an attacker would: every table row, every API answer, the audit log.
 */
const T0 = new Date('2024-12-20T02:00:00Z'); // 09:00 Vietnam time, conference day
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000).toISOString();

describe.each(testDatabases)('secret ballots on %s', (kind) => {
  let t: TestApp;
  let yearId: string;
  let units: { id: string; code: string }[];
  const answers: string[] = [];

  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
    answers.push(res.body);
    return res;
  };
  const leader = (code: string) => `${code}.lanhdao`;
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const draft = (over: object = {}) => ({
    kind: 'approval',
    title: 'Bình xét danh hiệu Cờ thi đua',
    quorum: 'more-than-half',
    threshold: 'two-thirds',
    opensAt: at(0),
    closesAt: at(120),
    questions: [
      { subjectUnitId: unitId('stc'), award: 'Cờ thi đua của UBND thành phố' },
      { subjectUnitId: unitId('sct'), award: 'Bằng khen của Chủ tịch UBND thành phố' },
    ],
    ...over,
  });
  const openBallot = async (over: object = {}) => {
    const created = await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/ballots`, draft(over));
    expect(created.statusCode, created.body).toBe(201);
    const b = created.json<TBallot>();
    const opened = await call('bqlkkt.lanhdao', 'POST', `/api/ballots/${b.id}/open`);
    expect(opened.statusCode, opened.body).toBe(200);
    return opened.json<TBallot>();
  };
  const paper = (b: TBallot, picks: string[]) => ({
    choices: Object.fromEntries(b.questions.map((q, i) => [q.id, picks[i]!])),
  });

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.handle.db;
    yearId = (await db.selectFrom('years').select('id').where('year', '=', 2024).executeTakeFirstOrThrow())
      .id;
    units = await db.selectFrom('units').select(['id', 'code']).orderBy('code').execute();
  });
  afterEach(() => setClock());
  afterAll(() => t.close());

  it('rules are locked once open; the officer may draft but not open', async () => {
    setClock(T0);
    const created = await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/ballots`, draft());
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json<TBallot>().id;
    const edited = await call('bqlkkt.canbo', 'PUT', `/api/ballots/${id}`, {
      ...draft(),
      threshold: 'more-than-half',
    });
    expect(edited.json<TBallot>().threshold).toBe('more-than-half');
    expect((await call('bqlkkt.canbo', 'POST', `/api/ballots/${id}/open`)).statusCode).toBe(403);
    expect((await call('bqlkkt.lanhdao', 'POST', `/api/ballots/${id}/open`)).statusCode).toBe(200);
    const late = await call('bqlkkt.canbo', 'PUT', `/api/ballots/${id}`, {
      ...draft(),
      threshold: 'two-thirds',
    });
    expect(late.statusCode).toBe(409);
    const bad = await call(
      'bqlkkt.canbo',
      'POST',
      `/api/years/${yearId}/ballots`,
      draft({ closesAt: at(-5) }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.closesAt).toMatch(/Thời điểm đóng/);
  });

  it('keeps the vote secret, refuses a second vote, hides the tally while open, and the receipts verify', async () => {
    setClock(T0);
    const b = await openBallot();
    // Sáu đơn vị bỏ phiếu (the head's leader too); KBNN's leader delegates to its officer.
    const voters = ['bqlkkt', 'chq', 'cthue', 'sct', 'skhdt', 'stc'];
    const picks: Record<string, string[]> = {
      bqlkkt: ['yes', 'yes'],
      chq: ['yes', 'no'],
      cthue: ['yes', 'yes'],
      sct: ['no', 'yes'],
      skhdt: ['yes', 'no'],
      stc: ['yes', 'yes'],
    };
    const receipts = new Map<string, string>();
    for (const [i, code] of voters.entries()) {
      setClock(new Date(T0.getTime() + (i + 1) * 60_000));
      const res = await call(leader(code), 'POST', `/api/ballots/${b.id}/vote`, paper(b, picks[code]!));
      expect(res.statusCode, res.body).toBe(201);
      receipts.set(code, res.json().receipt);
      const open = await call(leader('kbnn'), 'GET', `/api/ballots/${b.id}`);
      expect(open.json<TBallot>().tally).toBeNull();
      expect(open.json<TBallot>().votedCount).toBe(i + 1);
    }
    const again = await call(leader('stc'), 'POST', `/api/ballots/${b.id}/vote`, paper(b, ['no', 'no']));
    expect(again.statusCode).toBe(409);
    expect(
      (await call('kbnn.canbo', 'POST', `/api/ballots/${b.id}/vote`, paper(b, ['no', 'no']))).statusCode,
    ).toBe(403);
    expect(
      (await call('admin', 'POST', `/api/ballots/${b.id}/vote`, paper(b, ['no', 'no']))).statusCode,
    ).toBe(403);
    const head = await call('bqlkkt.lanhdao', 'GET', `/api/ballots/${b.id}`);
    expect(head.json<TBallot>().tally).toBeNull();

    // The attacker reads every table.
    const db = t.db.handle.db;
    const tables =
      kind === 'sqlite'
        ? (
            await sql<{ name: string }>`SELECT name FROM sqlite_master WHERE type = 'table'`.execute(db)
          ).rows.map((r) => r.name)
        : (
            await sql<{
              name: string;
            }>`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`.execute(
              db,
            )
          ).rows.map((r) => r.name);
    const dump = new Map<string, string[]>();
    for (const name of tables) {
      const rows = (await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(name)}`.execute(db)).rows;
      dump.set(
        name,
        rows.map((r) => JSON.stringify(r)),
      );
    }
    const everything = [...dump.entries()].flatMap(([name, rows]) => rows.map((r) => ({ name, r })));
    for (const [code, receipt] of receipts) {
      // The receipt is stored only beside the choices, which name no unit, user or time.
      const holders = everything.filter((x) => x.r.includes(receipt));
      expect(new Set(holders.map((h) => h.name))).toEqual(new Set(['ballot_choices']));
      for (const h of holders) {
        expect(h.r).not.toContain(unitId(code));
        expect(Object.keys(JSON.parse(h.r)).sort()).toEqual([
          'ballotId',
          'choice',
          'id',
          'questionId',
          'receipt',
        ]);
      }
      // No API answer other than the voter's own receipt shows it while the ballot is open.
      expect(answers.filter((a) => a.includes(receipt))).toEqual([JSON.stringify({ receipt })]);
    }
    // The audit log says who voted, never how.
    const audits = dump.get('audit_events')!.filter((r) => r.includes('ballot.voted'));
    expect(audits).toHaveLength(6);
    for (const a of audits) {
      const after = JSON.parse(JSON.parse(a).afterJson);
      expect(Object.keys(after)).toEqual(['unitId']);
    }
    // Choice ids are random (not time-ordered like UUIDv7), and storage order is not voting order
    // (one chance in 720 that a shuffle of six papers lands in voting order).
    const choices = await db
      .selectFrom('ballotChoices')
      .selectAll()
      .where('ballotId', '=', b.id)
      .orderBy('id')
      .execute();
    expect(choices).toHaveLength(12);
    for (const c of choices) {
      expect(c.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    const byId = [...new Set(choices.map((c) => c.receipt))];
    expect(byId).not.toEqual(voters.map((v) => receipts.get(v)));
    if (kind === 'sqlite') {
      await expect(sql`SELECT rowid FROM ballot_choices`.execute(db)).rejects.toThrow();
    } else {
      // Every choice row was written by the last vote's transaction: xmin does not tell who wrote it.
      const xmins = await sql<{
        n: string;
      }>`SELECT count(DISTINCT xmin::text) AS n FROM ballot_choices WHERE ballot_id = ${b.id}`.execute(db);
      expect(Number(xmins.rows[0]!.n)).toBe(1);
      const physical = await sql<{
        receipt: string;
      }>`SELECT receipt FROM ballot_choices WHERE ballot_id = ${b.id} ORDER BY ctid`.execute(db);
      expect([...new Set(physical.rows.map((r) => r.receipt))]).not.toEqual(
        voters.map((v) => receipts.get(v)),
      );
    }

    // Voting after the close time is refused; reading then publishes the tally.
    setClock(new Date(at(121)));
    expect(
      (await call(leader('kbnn'), 'POST', `/api/ballots/${b.id}/vote`, paper(b, ['no', 'no']))).statusCode,
    ).toBe(409);
    const closed = (await call(leader('kbnn'), 'GET', `/api/ballots/${b.id}`)).json<TBallot>();
    expect(closed.status).toBe('closed');
    const tally = closed.tally as TBallotTally;
    expect(tally).toMatchObject({ electorate: 7, voted: 6, quorumReached: true });
    // Q1: 5 yes of 7 ≥ 2/3 → passes; Q2: 4 yes of 7 < 2/3 → refused.
    expect(tally.questions.map((q) => q.outcome)).toEqual(['yes', 'no']);
    expect(tally.questions[0]!.counts).toEqual([
      { option: 'yes', votes: 5 },
      { option: 'no', votes: 1 },
    ]);
    const codes = tally.papers.map((p) => p.receipt);
    expect(codes).toEqual([...codes].sort());
    for (const [code, receipt] of receipts) {
      const mine = tally.papers.find((p) => p.receipt === receipt)!;
      expect(b.questions.map((q) => mine.choices[q.id])).toEqual(picks[code]);
    }
    expect(JSON.stringify(tally)).not.toMatch(new RegExp(units.map((u) => u.id).join('|')));
    // Members were told.
    const notes = await db.selectFrom('notifications').select('title').where('kind', '=', 'ballot').execute();
    expect(notes.some((n) => n.title.startsWith('Kết quả bỏ phiếu'))).toBe(true);
  });

  it('refuses a vote before the opening time; the delegate votes for the unit', async () => {
    setClock(T0);
    const b = await openBallot({ opensAt: at(30), closesAt: at(90) });
    expect(
      (await call(leader('stc'), 'POST', `/api/ballots/${b.id}/vote`, paper(b, ['yes', 'yes']))).statusCode,
    ).toBe(409);
    setClock(new Date(at(31)));
    const officer = await t.db.handle.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'kbnn.canbo')
      .executeTakeFirstOrThrow();
    const delegated = await call(leader('kbnn'), 'POST', `/api/ballots/${b.id}/delegate`, {
      userId: officer.id,
    });
    expect(delegated.statusCode, delegated.body).toBe(200);
    expect(delegated.json<TBallot>().myDelegate?.userId).toBe(officer.id);
    const res = await call('kbnn.canbo', 'POST', `/api/ballots/${b.id}/vote`, paper(b, ['yes', 'no']));
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (await call(leader('kbnn'), 'POST', `/api/ballots/${b.id}/vote`, paper(b, ['yes', 'no']))).statusCode,
    ).toBe(409);
    const incomplete = await call(leader('stc'), 'POST', `/api/ballots/${b.id}/vote`, { choices: {} });
    expect(incomplete.statusCode).toBe(400);
  });

  it('publishes a tally without quorum: counts shown, nothing carries', async () => {
    setClock(T0);
    const b = await openBallot({ quorum: 'two-thirds' });
    for (const code of ['stc', 'sct', 'chq', 'kbnn']) {
      expect(
        (await call(leader(code), 'POST', `/api/ballots/${b.id}/vote`, paper(b, ['yes', 'yes']))).statusCode,
      ).toBe(201);
    }
    expect((await call('bqlkkt.canbo', 'POST', `/api/ballots/${b.id}/close`)).statusCode).toBe(403);
    const closed = await call('bqlkkt.lanhdao', 'POST', `/api/ballots/${b.id}/close`);
    expect(closed.statusCode).toBe(200);
    const tally = closed.json<TBallot>().tally!;
    expect(tally).toMatchObject({ voted: 4, electorate: 7, quorumReached: false });
    expect(tally.questions.map((q) => q.outcome)).toEqual([null, null]);
    expect(tally.questions[0]!.counts[0]!.votes).toBe(4);
  });

  it('elects next year’s head and deputy, and next year is made with them', async () => {
    setClock(T0);
    const noNext = await call('bqlkkt.lanhdao', 'POST', `/api/years/${yearId}/next-year`);
    expect(noNext.statusCode).toBe(409);
    const b = await openBallot({
      kind: 'election',
      title: 'Bầu Trưởng khối, Phó khối năm 2025',
      questions: undefined,
      quorum: 'two-thirds',
      threshold: 'more-than-half',
    });
    // Rotation: every member but this year's head (Ban Quản lý khu kinh tế), by unit code.
    const expected = units.filter((u) => u.code !== 'bqlkkt').map((u) => u.id);
    expect(b.questions.map((q) => q.seat)).toEqual(['head', 'deputy']);
    expect(b.questions[0]!.options.map((o) => o.value)).toEqual(expected);
    const stc = unitId('stc');
    const sct = unitId('sct');
    const votes: Record<string, [string, string]> = {
      bqlkkt: [stc, sct],
      chq: [stc, sct],
      cthue: [stc, sct],
      kbnn: [stc, unitId('chq')],
      sct: [stc, sct],
      skhdt: [sct, stc],
      stc: [sct, sct],
    };
    for (const [code, pick] of Object.entries(votes)) {
      const res = await call(leader(code), 'POST', `/api/ballots/${b.id}/vote`, paper(b, pick));
      expect(res.statusCode, res.body).toBe(201);
    }
    // Everyone voted: closed and published at once.
    const closed = (await call(leader('stc'), 'GET', `/api/ballots/${b.id}`)).json<TBallot>();
    expect(closed.status).toBe('closed');
    expect(closed.tally!.questions.map((q) => q.outcome)).toEqual([stc, sct]);
    expect((await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/next-year`)).statusCode).toBe(403);
    const next = await call('bqlkkt.lanhdao', 'POST', `/api/years/${yearId}/next-year`);
    expect(next.statusCode, next.body).toBe(201);
    expect(next.json()).toMatchObject({
      year: 2025,
      headUnitId: stc,
      deputyUnitId: sct,
      planCopied: true,
      criteriaCopied: true,
    });
    const year = (await call('admin', 'GET', `/api/years/${next.json().yearId}`)).json();
    expect(year.headUnitId).toBe(stc);
    expect(year.members.map((m: { id: string }) => m.id).sort()).toEqual(units.map((u) => u.id).sort());
    const db = t.db.handle.db;
    const set = await db
      .selectFrom('criteriaSets')
      .selectAll()
      .where('yearId', '=', next.json().yearId)
      .executeTakeFirstOrThrow();
    expect(set.status).toBe('draft');
    expect(JSON.parse(set.treeJson).length).toBeGreaterThan(0);
    expect(
      await db.selectFrom('plans').select('id').where('yearId', '=', next.json().yearId).executeTakeFirst(),
    ).toBeDefined();
    // The new head's leader prepares next year.
    const home = await call('stc.lanhdao', 'GET', `/api/years/${next.json().yearId}/ballots`);
    expect(home.json().can.create).toBe(true);
    expect((await call('bqlkkt.lanhdao', 'POST', `/api/years/${yearId}/next-year`)).statusCode).toBe(409);
  });
});
