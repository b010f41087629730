import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import {
  createBlocWithUnits,
  fullScores,
  openRound,
  submitUnit,
  type TestBloc,
} from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

const tree: CriterionNode[] = [
  {
    id: 'a',
    code: 'I',
    text: 'Nhiệm vụ chuyên môn',
    kind: 'normal',
    maxPoints: 6000,
    step: 50,
    children: [],
  },
  { id: 'b', code: 'II', text: 'Công tác thi đua', kind: 'normal', maxPoints: 4000, step: 25, children: [] },
  { id: 'bonus', code: 'III', text: 'Điểm thưởng', kind: 'bonus', maxPoints: 500, step: 50, children: [] },
  { id: 'minus', code: 'IV', text: 'Điểm trừ', kind: 'deduction', maxPoints: 500, step: 100, children: [] },
];

describe.each(testDatabases)('round rules on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const as = async (code: string) => ({ cookie: await t.cookie(`${code}.cb`) });
  /** A unit's leader: closing and publishing speak for the head unit. */
  const asLeader = async (code: string) => ({ cookie: await t.cookie(`${code}.ld`) });
  /** Rounds here let officers submit: each unit's officer fills and submits its sheets. */
  const officersRound = (b: TestBloc, over: object = {}) =>
    openRound(t, b, { officerMaySubmit: true, ...over });
  const officerSubmits = (
    b: TestBloc,
    roundId: string,
    code: string,
    scoresFor: (scoredCode: string) => Record<string, number>,
  ) => submitUnit(t, b, roundId, code, scoresFor, 'cb');
  const pastDeadline = (roundId: string) =>
    t.db.handle.db
      .updateTable('rounds')
      .set({ deadlineAt: new Date(Date.now() - 1).toISOString() })
      .where('id', '=', roundId)
      .execute();

  it('divides by the real N (here 4), not by 7', async () => {
    const b = await createBlocWithUnits(t, 4, tree);
    const roundId = await officersRound(b);
    for (const [i, code] of b.codes.entries()) {
      expect((await officerSubmits(b, roundId, code, () => fullScores(tree, 0.5 + i / 10))).statusCode).toBe(
        200,
      );
    }
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/rounds/${roundId}/close`,
          headers: await asLeader(b.codes[0]!),
        })
      ).statusCode,
    ).toBe(200);
    const r = (
      await t.app.inject({ url: `/api/rounds/${roundId}/results`, headers: await as(b.codes[0]!) })
    ).json();
    // Every unit receives 0.5, 0.6, 0.7, 0.8 of the maxima from the four scorers: (5000+6000+7000+8000)/4 = 6500.
    expect(r.units.map((u: { score: unknown }) => u.score)).toEqual([
      { num: 26000, den: 4 },
      { num: 26000, den: 4 },
      { num: 26000, den: 4 },
      { num: 26000, den: 4 },
    ]);
    expect(
      r.units.every((u: { rank: number; scoreText: string }) => u.rank === 1 && u.scoreText === '65,00'),
    ).toBe(true);
  });

  it('marks late submissions under accept-late, and refuses them under refuse', async () => {
    const b = await createBlocWithUnits(t, 3, tree);
    const lateRound = await officersRound(b, { latePolicy: 'accept-late' });
    await pastDeadline(lateRound);
    const res = await officerSubmits(b, lateRound, b.codes[1]!, () => fullScores(tree, 0.9));
    expect(res.json().sheets.every((s: { late: boolean }) => s.late)).toBe(true);
    const progress = (
      await t.app.inject({ url: `/api/rounds/${lateRound}/progress`, headers: await as(b.codes[0]!) })
    ).json();
    expect(progress.cells.filter((c: { late: boolean }) => c.late)).toHaveLength(3);
    expect(
      (await t.app.inject({ url: `/api/rounds/${lateRound}`, headers: await as(b.codes[2]!) })).json().window,
    ).toMatchObject({ accepting: true, late: true });

    const b2 = await createBlocWithUnits(t, 3, tree);
    const strict = await officersRound(b2, { latePolicy: 'refuse' });
    await pastDeadline(strict);
    const mine = (
      await t.app.inject({ url: `/api/rounds/${strict}/my-sheets`, headers: await as(b2.codes[1]!) })
    ).json();
    expect(mine.round.window).toMatchObject({ accepting: false, reason: expect.stringMatching(/quá hạn/) });
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/sheets/${mine.sheets[0].id}/draft`,
      headers: await as(b2.codes[1]!),
      payload: { scores: {}, revision: 0 },
    });
    expect(refused.statusCode).toBe(409);
  });

  it('publishes with the mean of received sheets when the round says so, and says which rule applied', async () => {
    const b = await createBlocWithUnits(t, 3, tree);
    const roundId = await officersRound(b, {
      missingPolicy: 'mean-of-received',
      tieBreakers: ['more-bonus', 'fewer-deductions'],
    });
    const [h, u1, u2] = b.codes as [string, string, string];
    // u1 and u2 end with equal means; u1 earned more bonus, so the tie-breaker ranks it first. u2 never scores.
    // u1: (85 with 5 bonus + 80) / 2 = 82,5; u2: (82,5 + 82,5) / 2 = 82,5 without bonus.
    const u2Sheet = fullScores(tree, 0.8, { b: 3450 });
    await officerSubmits(b, roundId, h, (c) =>
      c === u1 ? fullScores(tree, 0.8, { bonus: 500 }) : c === u2 ? u2Sheet : fullScores(tree, 1),
    );
    await officerSubmits(b, roundId, u1, (c) =>
      c === u1 ? fullScores(tree, 0.8) : c === u2 ? u2Sheet : fullScores(tree, 1),
    );
    await pastDeadline(roundId);
    await t.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/close`, headers: await asLeader(h) });
    const pub = await t.app.inject({
      method: 'POST',
      url: `/api/rounds/${roundId}/publish`,
      headers: await asLeader(h),
    });
    expect(pub.statusCode, pub.body).toBe(200);
    const r = (await t.app.inject({ url: `/api/rounds/${roundId}/results`, headers: await as(u2) })).json();
    expect(r).toMatchObject({
      complete: false,
      ranked: true,
      receivedSheets: 6,
      expectedSheets: 9,
      policyText: expect.stringMatching(/trung bình cộng các bảng điểm đã nhận/),
    });
    const byId = Object.fromEntries(r.units.map((u: { unitId: string }) => [u.unitId, u]));
    expect(byId[b.unitIds[h]!]).toMatchObject({ rank: 1, sheetCount: 2, missingScorerIds: [b.unitIds[u2]] });
    expect(byId[b.unitIds[u1]!]).toMatchObject({
      rank: 2,
      decidedBy: 'more-bonus',
      tiedWith: [b.unitIds[u2]],
    });
    expect(byId[b.unitIds[u2]!]).toMatchObject({ rank: 3, decidedBy: 'more-bonus' });
    const xlsx = await t.app.inject({ url: `/api/rounds/${roundId}/results.xlsx`, headers: await as(u2) });
    expect(xlsx.statusCode).toBe(200);
  });

  it('refuses a round for fewer than three units', async () => {
    const b = await createBlocWithUnits(t, 2, tree);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/years/${b.yearId}/rounds`,
      headers: await as(b.codes[0]!),
      payload: {
        kind: 'year-end',
        title: 'Đợt',
        deadlineAt: '2099-12-08T00:00:00+07:00',
        latePolicy: 'refuse',
        missingPolicy: 'wait-all',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors.unitIds).toMatch(/từ 3 đến 30/);
  });
});

describe.each(testDatabases)('what readers see after publication on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('shows other units the submitted (counted) scores, never a later draft', async () => {
    const b = await createBlocWithUnits(t, 3, tree);
    const [h, u1, u2] = b.codes as [string, string, string];
    const as = async (code: string) => ({ cookie: await t.cookie(`${code}.cb`) });
    const asLeader = async (code: string) => ({ cookie: await t.cookie(`${code}.ld`) });
    const open = await t.app.inject({
      method: 'POST',
      url: `/api/years/${b.yearId}/rounds`,
      headers: await as(h),
      payload: {
        kind: 'year-end',
        title: 'Đợt',
        deadlineAt: '2099-12-08T00:00:00+07:00',
        latePolicy: 'refuse',
        missingPolicy: 'mean-of-received',
        officerMaySubmit: true,
      },
    });
    const roundId = open.json().id as string;
    const mine = (
      await t.app.inject({ url: `/api/rounds/${roundId}/my-sheets`, headers: await as(u1) })
    ).json();
    const sheet = mine.sheets.find((s: { scoredUnitId: string }) => s.scoredUnitId === b.unitIds[u2]);
    const saved = (
      await t.app.inject({
        method: 'PUT',
        url: `/api/sheets/${sheet.id}/draft`,
        headers: await as(u1),
        payload: { scores: fullScores(tree, 0.8), revision: 0 },
      })
    ).json();
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/sheets/${sheet.id}/submit`,
          headers: await as(u1),
          payload: { revision: saved.revision },
        })
      ).json().total,
    ).toBe(8000);
    // A later draft that is never submitted.
    await t.app.inject({
      method: 'PUT',
      url: `/api/sheets/${sheet.id}/draft`,
      headers: await as(u1),
      payload: { scores: fullScores(tree, 0.1), revision: saved.revision },
    });
    await t.db.handle.db
      .updateTable('rounds')
      .set({ deadlineAt: new Date(Date.now() - 1).toISOString() })
      .where('id', '=', roundId)
      .execute();
    await t.app.inject({ method: 'POST', url: `/api/rounds/${roundId}/close`, headers: await asLeader(h) });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/rounds/${roundId}/publish`,
          headers: await asLeader(h),
        })
      ).statusCode,
    ).toBe(200);
    const seen = (await t.app.inject({ url: `/api/sheets/${sheet.id}`, headers: await as(u2) })).json();
    expect(seen).toMatchObject({ total: 8000, dirty: false, scores: fullScores(tree, 0.8) });
    const results = (
      await t.app.inject({ url: `/api/rounds/${roundId}/results`, headers: await as(u2) })
    ).json();
    expect(results.matrix[b.unitIds[u1]!][b.unitIds[u2]!]).toBe(8000);
    // A sheet never submitted shows no scores to others.
    const never = mine.sheets.find((s: { scoredUnitId: string }) => s.scoredUnitId === b.unitIds[h]);
    expect(
      (await t.app.inject({ url: `/api/sheets/${never.id}`, headers: await as(u2) })).json(),
    ).toMatchObject({ scores: {}, total: 0 });
  });

  it('records one of two simultaneous submissions and answers 409 to the other', async () => {
    const b = await createBlocWithUnits(t, 3, tree);
    const [h, u1] = b.codes as [string, string, string];
    const as = async (code: string) => ({ cookie: await t.cookie(`${code}.cb`) });
    const open = await t.app.inject({
      method: 'POST',
      url: `/api/years/${b.yearId}/rounds`,
      headers: await as(h),
      payload: {
        kind: 'year-end',
        title: 'Đợt',
        deadlineAt: '2099-12-08T00:00:00+07:00',
        latePolicy: 'refuse',
        missingPolicy: 'wait-all',
        officerMaySubmit: true,
      },
    });
    const mine = (
      await t.app.inject({ url: `/api/rounds/${open.json().id}/my-sheets`, headers: await as(u1) })
    ).json();
    const s = mine.sheets[0];
    const saved = (
      await t.app.inject({
        method: 'PUT',
        url: `/api/sheets/${s.id}/draft`,
        headers: await as(u1),
        payload: { scores: fullScores(tree, 0.7), revision: 0 },
      })
    ).json();
    const submit = async () =>
      t.app.inject({
        method: 'POST',
        url: `/api/sheets/${s.id}/submit`,
        headers: await as(u1),
        payload: { revision: saved.revision },
      });
    const codes = (await Promise.all([submit(), submit()])).map((r) => r.statusCode).sort();
    // SQLite serialises the two (the second finds the sheet unchanged: 200, no new version); PostgreSQL may run them together (409).
    expect([
      [200, 200],
      [200, 409],
    ]).toContainEqual(codes);
    const versions = await t.db.handle.db
      .selectFrom('sheetVersions')
      .select('version')
      .where('sheetId', '=', s.id)
      .execute();
    expect(versions).toEqual([{ version: 1 }]);
  });
});

describe.each(testDatabases)('opening rounds at the same moment on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('opens one round of a kind and refuses the simultaneous second with 409', async () => {
    const b = await createBlocWithUnits(t, 3, tree);
    const headers = { cookie: await t.cookie(`${b.codes[0]}.cb`) };
    const open = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/years/${b.yearId}/rounds`,
        headers,
        payload: {
          kind: 'year-end',
          title: 'Đợt',
          deadlineAt: '2099-12-08T00:00:00+07:00',
          latePolicy: 'refuse',
          missingPolicy: 'wait-all',
        },
      });
    const codes = (await Promise.all([open(), open()])).map((r) => r.statusCode).sort();
    expect(codes).toEqual([201, 409]);
    const rounds = await t.db.handle.db
      .selectFrom('rounds')
      .select('id')
      .where('yearId', '=', b.yearId)
      .execute();
    expect(rounds).toHaveLength(1);
  });
});
