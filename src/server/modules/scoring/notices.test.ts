import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { setClock } from '../../clock';
import { createBlocWithUnits, fullScores } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 10_000, step: 50, children: [] },
];

describe.each(testDatabases)('people are told what concerns them in a round on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterEach(() => setClock());
  afterAll(() => t.close());

  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const titles = async (login: string) =>
    (
      (await call(login, 'GET', '/api/notifications?limit=100')).json().items as {
        title: string;
        kind: string;
      }[]
    ).map((n) => `${n.kind}: ${n.title}`);

  it('tells members when a round opens, reminds them 7 and 1 day before its deadline, and when it closes, reopens and publishes', async () => {
    setClock(new Date('2025-11-01T02:00:00Z'));
    const b = await createBlocWithUnits(t, 3, tree);
    const opened = await call(`${b.codes[0]}.cb`, 'POST', `/api/years/${b.yearId}/rounds`, {
      kind: 'mid-year',
      title: 'Sơ kết',
      deadlineAt: '2025-12-08T00:00:00+07:00',
      latePolicy: 'refuse',
      missingPolicy: 'wait-all',
    });
    const roundId = opened.json().id;
    for (const code of b.codes) {
      expect(await titles(`${code}.ld`)).toContain('round: Đợt chấm điểm "Sơ kết" đã mở');
    }

    // Unit 1 submits everything; units 0 and 2 do not.
    const mine = (await call(`${b.codes[1]}.cb`, 'GET', `/api/rounds/${roundId}/my-sheets`)).json();
    for (const s of mine.sheets) {
      await call(`${b.codes[1]}.cb`, 'PUT', `/api/sheets/${s.id}/draft`, {
        scores: fullScores(tree, 0.8),
        revision: s.revision,
      });
    }
    expect((await call(`${b.codes[1]}.ld`, 'POST', `/api/rounds/${roundId}/submit-all`)).statusCode).toBe(
      200,
    );

    setClock(new Date('2025-12-01T03:00:00Z')); // 6 days before 00:00 on 8 December, Vietnam time
    const week = await t.app.reminders.runDue();
    const ours = (c: { roundId: string }) => c.roundId === roundId;
    expect(
      week.roundClaims
        .filter(ours)
        .map((c) => [b.codes.indexOf(Object.keys(b.unitIds).find((k) => b.unitIds[k] === c.unitId)!), c.kind])
        .sort(),
    ).toEqual([
      [0, 'before-7d'],
      [2, 'before-7d'],
    ]);
    expect((await t.app.reminders.runDue()).roundClaims.filter(ours)).toEqual([]);
    setClock(new Date('2025-12-06T18:00:00Z'));
    expect((await t.app.reminders.runDue()).roundClaims.filter(ours).map((c) => c.kind)).toEqual([
      'before-1d',
      'before-1d',
    ]);
    expect(await titles(`${b.codes[2]}.cb`)).toContain('reminder: Nhắc hạn: bảng điểm "Sơ kết" (còn 1 ngày)');
    expect((await titles(`${b.codes[1]}.cb`)).some((x) => x.includes('Nhắc hạn'))).toBe(false);

    setClock(new Date('2025-12-08T01:00:00Z'));
    expect((await call(`${b.codes[0]}.ld`, 'POST', `/api/rounds/${roundId}/close`)).statusCode).toBe(200);
    expect(await titles(`${b.codes[2]}.cb`)).toContain('round: Đợt chấm điểm "Sơ kết" đã đóng');
    const reopened = await call(`${b.codes[0]}.ld`, 'POST', `/api/rounds/${roundId}/reopen`, {
      unitId: b.unitIds[b.codes[2]!],
      reason: 'Đơn vị báo mất điện ngày 07/12',
      untilAt: '2025-12-09T10:00:00Z',
    });
    expect(reopened.statusCode, reopened.body).toBe(200);
    const reopenTitle = (await titles(`${b.codes[2]}.cb`)).find((x) => x.includes('mở lại bảng điểm'));
    expect(reopenTitle).toMatch(/^round: Đợt chấm "Sơ kết": mở lại bảng điểm cho /);
    expect(await titles(`${b.codes[0]}.cb`)).toContain(reopenTitle);
    expect((await titles(`${b.codes[1]}.cb`)).includes(reopenTitle!)).toBe(false);
  });

  it('tells the members and the city board when results are published', async () => {
    const b = await createBlocWithUnits(t, 3, tree);
    const roundId = (
      await call(`${b.codes[0]}.cb`, 'POST', `/api/years/${b.yearId}/rounds`, {
        kind: 'year-end',
        title: 'Tổng kết',
        deadlineAt: new Date(Date.now() + 86_400_000).toISOString(),
        latePolicy: 'refuse',
        missingPolicy: 'wait-all',
      })
    ).json().id;
    for (const code of b.codes) {
      for (const s of (await call(`${code}.cb`, 'GET', `/api/rounds/${roundId}/my-sheets`)).json().sheets) {
        await call(`${code}.cb`, 'PUT', `/api/sheets/${s.id}/draft`, {
          scores: fullScores(tree, 0.9),
          revision: s.revision,
        });
      }
      await call(`${code}.ld`, 'POST', `/api/rounds/${roundId}/submit-all`);
    }
    await call(`${b.codes[0]}.ld`, 'POST', `/api/rounds/${roundId}/close`);
    expect((await call(`${b.codes[0]}.ld`, 'POST', `/api/rounds/${roundId}/publish`)).statusCode).toBe(200);
    const title = 'round: Đã công bố kết quả "Tổng kết"';
    expect(await titles(`${b.codes[1]}.cb`)).toContain(title);
    expect(await titles('ban-tdkt')).toContain(title);
  });

  it('does not remind twice a unit whose plan task has the same deadline as the round', async () => {
    // The demo bloc: its plan gives every unit a score-sheet task "trước ngày 08/12/2024".
    setClock(new Date('2024-11-20T02:00:00Z'));
    const yearId = (
      await t.db.handle.db.selectFrom('years').select('id').where('year', '=', 2024).executeTakeFirstOrThrow()
    ).id;
    const opened = await call('bqlkkt.canbo', 'POST', `/api/years/${yearId}/rounds`, {
      kind: 'year-end',
      title: 'Chấm điểm năm 2024',
      latePolicy: 'refuse',
      missingPolicy: 'wait-all',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    // Left out, the deadline comes from the plan's score-sheet milestone.
    expect(opened.json().deadlineAt).toBe('2024-12-07T17:00:00.000Z');
    setClock(new Date('2024-12-02T02:00:00Z'));
    const run = await t.app.reminders.runDue();
    expect(run.roundClaims.filter((c) => c.roundId === opened.json().id)).toEqual([]);
    const tasks = (await call('stc.canbo', 'GET', `/api/years/${yearId}/my-tasks`)).json().tasks;
    expect(tasks.find((x: { deliverable: string }) => x.deliverable === 'score-sheets').roundId).toBe(
      opened.json().id,
    );
  });
});

describe.each(testDatabases)('results and sheets follow the round, not the year, on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());
  const call = async (
    login: string,
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    url: string,
    payload?: object,
  ) => t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });

  it('keeps the results of a unit removed after the round opened, and hides the round from a unit added later', async () => {
    const b = await createBlocWithUnits(t, 4, tree);
    const [h, , removed] = b.codes as [string, string, string, string];
    const roundId = (
      await call(`${h}.cb`, 'POST', `/api/years/${b.yearId}/rounds`, {
        kind: 'year-end',
        title: 'Tổng kết',
        deadlineAt: new Date(Date.now() + 86_400_000).toISOString(),
        latePolicy: 'refuse',
        missingPolicy: 'wait-all',
      })
    ).json().id;
    for (const code of b.codes) {
      for (const s of (await call(`${code}.cb`, 'GET', `/api/rounds/${roundId}/my-sheets`)).json().sheets) {
        await call(`${code}.cb`, 'PUT', `/api/sheets/${s.id}/draft`, {
          scores: fullScores(tree, 0.9),
          revision: s.revision,
        });
      }
      await call(`${code}.ld`, 'POST', `/api/rounds/${roundId}/submit-all`);
    }
    // The year changes: one unit leaves, another joins.
    const late = (
      await call('admin', 'POST', '/api/units', { code: `${h}-late`, name: 'Đơn vị vào sau' })
    ).json();
    await call('admin', 'POST', '/api/users', {
      login: `${h}-late.cb`,
      fullName: 'Cán bộ mới',
      role: 'officer',
      unitId: late.id,
      password: 'thidua-demo',
    });
    await t.db.handle.db
      .updateTable('users')
      .set({ mustChangePassword: 0 })
      .where('login', '=', `${h}-late.cb`)
      .execute();
    const unitIds = [...Object.values(b.unitIds).filter((id) => id !== b.unitIds[removed]), late.id];
    expect((await call('admin', 'PATCH', `/api/years/${b.yearId}`, { unitIds })).statusCode).toBe(200);
    await call(`${h}.ld`, 'POST', `/api/rounds/${roundId}/close`);
    expect((await call(`${h}.ld`, 'POST', `/api/rounds/${roundId}/publish`)).statusCode).toBe(200);

    const kept = await call(`${removed}.cb`, 'GET', `/api/rounds/${roundId}/results`);
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().units).toHaveLength(4);
    expect((await call(`${removed}.cb`, 'GET', `/api/rounds/${roundId}`)).statusCode).toBe(200);
    // The unit added later does not see the round, and is told why.
    expect((await call(`${h}-late.cb`, 'GET', `/api/years/${b.yearId}/rounds`)).json()).toEqual([]);
    const refused = await call(`${h}-late.cb`, 'GET', `/api/rounds/${roundId}/results`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toBe('Đơn vị của bạn không thuộc đợt chấm này.');
  });
});
