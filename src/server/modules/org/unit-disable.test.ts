import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { fullScores } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { demoFacts } from '../../testing/demo-facts';

describe.each(testDatabases)('disabling a unit on %s', (kind) => {
  let t: TestApp;
  let unitId: string;
  let roundId: string;
  const call = async (
    login: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const signIn = (login: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: 'thidua-demo' } });
  const submittedSheets = async () =>
    (
      await t.db.handle.db
        .selectFrom('sheets')
        .select(['id', 'submittedVersion'])
        .where('scorerUnitId', '=', unitId)
        .where('submittedVersion', '>', 0)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.handle.db;
    unitId = (await db.selectFrom('units').select('id').where('code', '=', 'cthue').executeTakeFirstOrThrow())
      .id;
    const yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const tree: CriterionNode[] = (await call('bqlkkt.canbo', 'GET', `/api/years/${yearId}/criteria`)).json()
      .set.tree;
    const round = await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/rounds`, {
      kind: 'year-end',
      title: 'Chấm điểm năm 2024',
      deadlineAt: '2099-12-08T00:00:00+07:00',
      latePolicy: 'refuse',
      missingPolicy: 'wait-all',
      tieBreakers: [],
    });
    expect(round.statusCode).toBe(201);
    roundId = round.json().id;
    const mine = (await call('cthue.canbo', 'GET', `/api/rounds/${roundId}/my-sheets`)).json();
    for (const s of mine.sheets) {
      const scores = fullScores(tree, s.isSelf ? 0.9 : 0.8);
      await call('cthue.canbo', 'PUT', `/api/sheets/${s.id}/draft`, { scores, revision: s.revision });
    }
    expect((await call('cthue.lanhdao', 'POST', `/api/rounds/${roundId}/submit-all`)).statusCode).toBe(200);
  });
  afterAll(() => t.close());

  it("ends its accounts' sessions and refuses their sign-in; its sheets stay", async () => {
    const sheets = await submittedSheets();
    expect(sheets).toBe(demoFacts.units);
    const officer = await t.cookie('cthue.canbo');
    const res = await call('admin', 'PATCH', `/api/units/${unitId}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);

    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: officer } })).statusCode).toBe(401);
    const refused = await signIn('cthue.lanhdao');
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toMatch(/bị khóa/);
    expect((await signIn('chq.canbo')).statusCode).toBe(200); // other units are not affected

    expect(await submittedSheets()).toBe(sheets);
    const progress = await call('bqlkkt.canbo', 'GET', `/api/rounds/${roundId}`);
    expect(progress.statusCode).toBe(200);
  });

  it('lets its accounts sign in again once the unit is enabled', async () => {
    await call('admin', 'PATCH', `/api/units/${unitId}`, { disabled: false });
    expect((await signIn('cthue.lanhdao')).statusCode).toBe(200);
  });
});
