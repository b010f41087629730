import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { setClock } from '../../clock';
import { createBlocWithUnits, fullScores, type TestBloc } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { createScoringRepository } from './repository';
import { batchStatsOf } from '../../db/batch';
import { createSheetWriteRepository } from './sheet-write-repository';

// A re-submission is written with one statement on PostgreSQL (outside a transaction) and with three in a
// transaction on SQLite: both must record the same rows, refuse the same conflicts and flag lateness alike.
const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 10_000, step: 50, children: [] },
];

describe.each(testDatabases)('re-submitting a sheet on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterEach(() => setClock());
  afterAll(() => t.close());

  /** A round (deadline 08/12/2024, late accepted) and unit 1's first sheet, submitted once at 0.5. */
  async function submittedOnce(): Promise<{ b: TestBloc; sheet: { id: string; revision: number } }> {
    setClock(new Date('2024-12-01T02:00:00Z'));
    const b = await createBlocWithUnits(t, 3, tree);
    const round = await t.app.inject({
      method: 'POST',
      url: `/api/years/${b.yearId}/rounds`,
      headers: { cookie: await t.cookie(`${b.codes[0]}.cb`) },
      payload: {
        kind: 'year-end',
        title: 'Cuối năm 2024',
        deadlineAt: '2024-12-08T00:00:00+07:00',
        latePolicy: 'accept-late',
        missingPolicy: 'wait-all',
        officerMaySubmit: true,
      },
    });
    expect(round.statusCode, round.body).toBe(201);
    const mine = (
      await t.app.inject({ url: `/api/rounds/${round.json().id}/my-sheets`, headers: await as(b) })
    ).json();
    const sheet = await save(b, mine.sheets[0], 0.5);
    expect((await submit(b, sheet)).json()).toMatchObject({ submittedVersion: 1 });
    return { b, sheet };
  }
  const as = async (b: TestBloc) => ({ cookie: await t.cookie(`${b.codes[1]}.cb`) });
  async function save(b: TestBloc, sheet: { id: string; revision: number }, share: number) {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/sheets/${sheet.id}/draft`,
      headers: await as(b),
      payload: { scores: fullScores(tree, share), revision: sheet.revision },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ id: string; revision: number }>();
  }
  const submit = async (b: TestBloc, sheet: { id: string; revision: number }) =>
    t.app.inject({
      method: 'POST',
      url: `/api/sheets/${sheet.id}/submit`,
      headers: await as(b),
      payload: { revision: sheet.revision },
    });
  const versions = (sheetId: string) =>
    t.db.handle.db
      .selectFrom('sheetVersions')
      .select(['version', 'scoresJson', 'total', 'late', 'submittedAt'])
      .where('sheetId', '=', sheetId)
      .orderBy('version')
      .execute();
  const audits = (sheetId: string) =>
    t.db.handle.db
      .selectFrom('auditEvents')
      .select(['action', 'actorUserId', 'actorUnitId', 'beforeJson', 'afterJson', 'requestId'])
      .where('entityId', '=', sheetId)
      .where('action', '=', 'sheet.submitted')
      .orderBy('id')
      .execute();

  it('records the sheet, version 2 and its audit event, late after the deadline', async () => {
    const { b, sheet } = await submittedOnce();
    const changed = await save(b, sheet, 0.8);
    setClock(new Date('2024-12-07T17:00:00.000Z')); // 00:00 on the deadline day, Vietnam time: late
    const res = await submit(b, changed);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ submittedVersion: 2, late: true, total: 8000 });
    const stored = await createScoringRepository(t.db.handle.db).findSheet(sheet.id);
    expect(stored).toMatchObject({ submittedVersion: 2, late: true, total: 8000 });
    expect(stored?.submittedAt).toBe('2024-12-07T17:00:00.000Z');
    expect(
      (await versions(sheet.id)).map((v) => [v.version, JSON.parse(v.scoresJson), v.total, v.late]),
    ).toEqual([
      [1, { a: 5000 }, 5000, 0],
      [2, { a: 8000 }, 8000, 1],
    ]);
    const officer = await t.db.handle.db
      .selectFrom('users')
      .select(['id', 'unitId'])
      .where('login', '=', `${b.codes[1]}.cb`)
      .executeTakeFirstOrThrow();
    const events = await audits(sheet.id);
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({ actorUserId: officer.id, actorUnitId: officer.unitId });
    expect(events[1]?.requestId).toEqual(expect.any(String));
    expect(JSON.parse(events[1]!.beforeJson!)).toEqual({ version: 1 });
    expect(JSON.parse(events[1]!.afterJson!)).toEqual({ version: 2, late: true, reopened: false });
  });

  it('answers 409 to a stale revision and writes nothing', async () => {
    const { b, sheet } = await submittedOnce();
    const changed = await save(b, sheet, 0.8);
    const res = await submit(b, { id: sheet.id, revision: changed.revision - 1 });
    expect(res.statusCode).toBe(409);
    expect(await versions(sheet.id)).toHaveLength(1);
    expect(await audits(sheet.id)).toHaveLength(1);
  });

  it('records one of two simultaneous re-submissions', async () => {
    const { b, sheet } = await submittedOnce();
    const changed = await save(b, sheet, 0.8);
    const codes = (await Promise.all([submit(b, changed), submit(b, changed)]))
      .map((r) => r.statusCode)
      .sort();
    // SQLite serialises the two (the second finds the sheet unchanged: 200); PostgreSQL may run them together (409).
    expect([
      [200, 200],
      [200, 409],
    ]).toContainEqual(codes);
    expect((await versions(sheet.id)).map((v) => v.version)).toEqual([1, 2]);
    expect(await audits(sheet.id)).toHaveLength(2);
  });

  it('writes nothing when the sheet was submitted since the version read (the repository refuses)', async () => {
    const { b, sheet } = await submittedOnce();
    const officer = await t.db.handle.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', `${b.codes[1]}.cb`)
      .executeTakeFirstOrThrow();
    const repo = createScoringRepository(t.db.handle.db);
    const before = await repo.findSheet(sheet.id);
    const at = new Date().toISOString();
    const recorded = await createSheetWriteRepository(t.db.handle.db).recordSubmission({
      sheetId: sheet.id,
      fromVersion: 0, // stale: the sheet is at version 1
      patch: {
        submittedVersion: 1,
        submittedAt: at,
        late: false,
        total: 1,
        bonus: 0,
        deduction: 0,
        byNode: [],
      },
      version: {
        id: `v-${sheet.id}`,
        sheetId: sheet.id,
        version: 1,
        scores: {},
        total: 1,
        submittedAt: at,
        submittedBy: officer.id,
        late: false,
      },
      audit: {
        id: `a-${sheet.id}`,
        at,
        actorUserId: null,
        actorUnitId: null,
        action: 'sheet.submitted',
        entityType: 'sheet',
        entityId: sheet.id,
        beforeJson: null,
        afterJson: null,
        requestId: null,
      },
    });
    expect(recorded).toBe(false);
    expect(await repo.findSheet(sheet.id)).toEqual(before);
    expect(await versions(sheet.id)).toHaveLength(1);
    expect(await audits(sheet.id)).toHaveLength(1);
  });

  it('records concurrent re-submissions of several units each on its own (grouped into one statement on PostgreSQL)', async () => {
    const { b, sheet } = await submittedOnce();
    const roundId = (await createScoringRepository(t.db.handle.db).findSheet(sheet.id))!.roundId;
    // Units 1 and 2 each score the bloc's three units: six sheets, two sessions, all submitted once first.
    const sheetsOf = async (unit: number) => {
      const headers = { cookie: await t.cookie(`${b.codes[unit]}.cb`) };
      const mine = (await t.app.inject({ url: `/api/rounds/${roundId}/my-sheets`, headers })).json();
      return (mine.sheets as { id: string; revision: number; submittedVersion: number }[]).map((s) => ({
        ...s,
        headers,
      }));
    };
    const all = [...(await sheetsOf(1)), ...(await sheetsOf(2))];
    expect(all).toHaveLength(6);
    const put = async (s: (typeof all)[number], share: number) => {
      const res = await t.app.inject({
        method: 'PUT',
        url: `/api/sheets/${s.id}/draft`,
        headers: s.headers,
        payload: { scores: fullScores(tree, share), revision: s.revision },
      });
      expect(res.statusCode, res.body).toBe(200);
      return { ...s, revision: res.json<{ revision: number }>().revision };
    };
    const post = (s: (typeof all)[number]) =>
      t.app.inject({
        method: 'POST',
        url: `/api/sheets/${s.id}/submit`,
        headers: s.headers,
        payload: { revision: s.revision },
      });
    for (const s of all) {
      if (s.submittedVersion === 0) expect((await post(await put(s, 0.5))).statusCode).toBe(200);
    }
    const shares = [0.3, 0.4, 0.6, 0.7, 0.8, 0.9];
    const changed = await Promise.all(
      all.map((s) => t.app.inject({ url: `/api/sheets/${s.id}`, headers: s.headers })),
    );
    const ready = await Promise.all(
      all.map((s, i) =>
        put({ ...s, revision: changed[i]!.json<{ revision: number }>().revision }, shares[i]!),
      ),
    );
    const answers = await Promise.all(ready.map(post));
    expect(answers.map((r) => r.statusCode)).toEqual(shares.map(() => 200));
    expect(answers.map((r) => r.json<{ total: number }>().total)).toEqual(shares.map((x) => x * 10_000));
    for (const [i, s] of all.entries()) {
      const v = await versions(s.id);
      expect(v.map((x) => [x.version, x.total])).toEqual([
        [1, 5000],
        [2, shares[i]! * 10_000],
      ]);
      expect(await audits(s.id)).toHaveLength(2);
    }
  });

  /** A submission as the service would record it, written straight through the repository. */
  async function direct(
    b: TestBloc,
    sheetId: string,
    fromVersion: number,
    total: number,
    versionId?: string,
  ) {
    const officer = await t.db.handle.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', `${b.codes[1]}.cb`)
      .executeTakeFirstOrThrow();
    const at = new Date().toISOString();
    return {
      sheetId,
      fromVersion,
      patch: {
        submittedVersion: fromVersion + 1,
        submittedAt: at,
        late: false,
        total,
        bonus: 0,
        deduction: 0,
        byNode: [total],
      },
      version: {
        id: versionId ?? `v-${sheetId}-${fromVersion + 1}`,
        sheetId,
        version: fromVersion + 1,
        scores: { a: total },
        total,
        submittedAt: at,
        submittedBy: officer.id,
        late: false,
      },
      audit: {
        id: `a-${sheetId}-${fromVersion + 1}`,
        at,
        actorUserId: officer.id,
        actorUnitId: null,
        action: 'sheet.submitted',
        entityType: 'sheet',
        entityId: sheetId,
        beforeJson: null,
        afterJson: null,
        requestId: null,
      },
    };
  }
  /** Unit 1's first sheet (submitted once) and its two other sheets (never submitted). */
  async function unitSheets() {
    const { b, sheet } = await submittedOnce();
    const repo = createScoringRepository(t.db.handle.db);
    const first = (await repo.findSheet(sheet.id))!;
    const others = (await repo.sheetsOfScorer(first.roundId, first.scorerUnitId)).filter(
      (s) => s.id !== sheet.id,
    );
    return { b, sheet, others, repo };
  }
  const submissionStats = () => batchStatsOf(t.db.handle.db).get('submission') ?? { calls: 0, statements: 0 };

  it('refuses only the stale one of submissions recorded together', async () => {
    const { b, sheet, others, repo } = await unitSheets();
    const writes = createSheetWriteRepository(t.db.handle.db);
    const before = submissionStats();
    const subs = [
      await direct(b, sheet.id, 0, 100), // stale: the sheet is at version 1
      await direct(b, others[0]!.id, 0, 200),
    ];
    // Sent in the same turn of the event loop: on PostgreSQL they share one statement.
    const recorded = await Promise.all(subs.map(writes.recordSubmission));
    expect(recorded).toEqual([false, true]);
    if (kind === 'postgres') {
      expect(submissionStats()).toEqual({ calls: before.calls + 2, statements: before.statements + 1 });
    }
    expect((await versions(sheet.id)).map((v) => v.version)).toEqual([1]);
    expect((await versions(others[0]!.id)).map((v) => [v.version, v.total])).toEqual([[1, 200]]);
    expect(await audits(sheet.id)).toHaveLength(1);
    expect(await audits(others[0]!.id)).toHaveLength(1);
    expect(await repo.findSheet(others[0]!.id)).toMatchObject({
      submittedVersion: 1,
      total: 200,
      byNode: [200],
    });
  });

  // SQLite records each submission in its caller's transaction: there is no shared statement to fail.
  it.runIf(kind === 'postgres')(
    'when one submission of a shared statement fails on its data, records the others and writes nothing of it',
    async () => {
      const { b, sheet, others, repo } = await unitSheets();
      const taken = (
        await t.db.handle.db
          .selectFrom('sheetVersions')
          .select('id')
          .where('sheetId', '=', sheet.id)
          .executeTakeFirstOrThrow()
      ).id;
      const writes = createSheetWriteRepository(t.db.handle.db);
      const before = submissionStats();
      const subs = [
        await direct(b, others[0]!.id, 0, 300, taken), // a version id already used
        await direct(b, others[1]!.id, 0, 400),
      ];
      const settled = await Promise.allSettled(subs.map(writes.recordSubmission));
      expect(settled[0]).toMatchObject({ status: 'rejected', reason: { code: '23505' } });
      expect(settled[1]).toEqual({ status: 'fulfilled', value: true });
      // One shared statement that failed, then each alone.
      expect(submissionStats()).toEqual({ calls: before.calls + 4, statements: before.statements + 3 });
      expect(await versions(others[0]!.id)).toEqual([]);
      expect(await audits(others[0]!.id)).toEqual([]);
      expect(await repo.findSheet(others[0]!.id)).toMatchObject({ submittedVersion: 0 });
      expect((await versions(others[1]!.id)).map((v) => [v.version, v.total])).toEqual([[1, 400]]);
    },
  );
});
