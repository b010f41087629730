import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { createBlocWithUnits, type TestBloc } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 10_000, step: 50, children: [] },
];

/** Starting next year's plan from a plan copies it: the caller must be allowed to read what is copied. */
describe.each(testDatabases)("starting next year's plan on %s", (kind) => {
  let t: TestApp;
  let b: TestBloc;
  const call = async (login: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const officer = (i: number) => `${b.codes[i]}.cb`;
  const nextYear = async (blocId: string, year: number, unitIds: string[], headUnitId: string) => {
    const res = await call('admin', 'POST', '/api/years', { blocId, year, unitIds, headUnitId });
    expect(res.statusCode, res.body).toBe(201);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    b = await createBlocWithUnits(t, 4, tree);
  });
  afterAll(() => t.close());

  it("refuses next year's head a copy of a draft it cannot read", async () => {
    const plan = await call(officer(0), 'POST', `/api/years/${b.yearId}/plan`);
    expect(plan.statusCode).toBe(201);
    const planId = plan.json().id as string;
    const blocId = (await call('admin', 'GET', `/api/years/${b.yearId}`)).json().blocId as string;
    // Unit 2 heads next year; this year it is a plain member, so the unpublished draft is not its to read.
    await nextYear(blocId, 2026, Object.values(b.unitIds), b.unitIds[b.codes[2]!]!);
    expect((await call(officer(2), 'GET', `/api/years/${b.yearId}/plan`)).json().plan.draft).toBeNull();
    const res = await call(officer(2), 'POST', `/api/plans/${planId}/next-year`);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/chưa ban hành/);
    // This year's head, who wrote the draft, may start next year's plan from it.
    expect((await call(officer(0), 'POST', `/api/plans/${planId}/next-year`)).statusCode).toBe(201);
  });

  it("refuses next year's head a copy of a published plan of a year its unit was not in", async () => {
    const db = t.db.handle.db;
    const demoYear = await db
      .selectFrom('years')
      .select(['id', 'blocId'])
      .where('year', '=', 2024)
      .executeTakeFirstOrThrow();
    const demoPlan = await db
      .selectFrom('plans')
      .select('id')
      .where('yearId', '=', demoYear.id)
      .executeTakeFirstOrThrow();
    const members = (await call('admin', 'GET', `/api/years/${demoYear.id}`)).json().members as {
      id: string;
    }[];
    // Unit 3 of the test bloc was never in the demo bloc; it heads the demo bloc's 2025.
    const outsider = b.unitIds[b.codes[3]!]!;
    await nextYear(demoYear.blocId, 2025, [...members.map((m) => m.id), outsider], outsider);
    const res = await call(officer(3), 'POST', `/api/plans/${demoPlan.id}/next-year`);
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/không thuộc Khối năm này/);
  });
});
