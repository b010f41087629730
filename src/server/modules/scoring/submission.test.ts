import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { setClock } from '../../clock';
import { createBlocWithUnits, fullScores, type TestBloc } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { createScoringRepository } from './repository';

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
    const recorded = await repo.recordSubmission(
      sheet.id,
      0, // stale: the sheet is at version 1
      { submittedVersion: 1, submittedAt: at, late: false, total: 1, bonus: 0, deduction: 0, byNode: [] },
      {
        id: `v-${sheet.id}`,
        sheetId: sheet.id,
        version: 1,
        scores: {},
        total: 1,
        submittedAt: at,
        submittedBy: officer.id,
        late: false,
      },
      {
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
    );
    expect(recorded).toBe(false);
    expect(await repo.findSheet(sheet.id)).toEqual(before);
    expect(await versions(sheet.id)).toHaveLength(1);
    expect(await audits(sheet.id)).toHaveLength(1);
  });
});
