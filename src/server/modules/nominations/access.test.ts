import { afterAll, beforeAll, describe, expect } from 'vitest';
import { setClock } from '../../clock';
import { seedDemoLife } from '../../demo/seed';
import { accessCases, roleCookies, type AccessRoute, type Who } from '../../testing/access';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

/**
 * Per-role access to every nomination route on the demo bloc's finished 2024 (its year-end round is
 * published by the demo's life): `head` is the head unit's officer, `headLeader` its leader, `deputy` the deputy's officer,
 * `officer`/`leader` Sở Tài chính's. Allowed callers may still meet a bad body (400) or a missing line (404).
 */
interface Ids {
  yearId: string;
}

const readers: Who[] = ['board', 'head', 'headLeader', 'deputy', 'officer', 'leader'];
const headPeople: Who[] = ['head', 'headLeader'];
const rules = [
  {
    awardCode: 'co-thi-dua',
    awardName: 'Cờ thi đua',
    places: 1,
    requiresRegistration: false,
    minScore: null,
  },
  { awardCode: 'bang-khen', awardName: 'Bằng khen', places: 2, requiresRegistration: false, minScore: null },
];
const reason = 'Lý do ghi rõ cho các đơn vị thành viên.';

const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET award rules',
    status: 200,
    allowed: readers,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/award-rules` }),
  },
  {
    name: 'PUT award rules',
    status: 200,
    allowed: headPeople,
    req: (i) => ({ method: 'PUT', url: `/api/years/${i.yearId}/award-rules`, payload: { rules } }),
  },
  {
    name: 'POST draft',
    status: 200,
    allowed: headPeople,
    req: (i) => ({ method: 'POST', url: `/api/years/${i.yearId}/nominations/draft` }),
  },
  {
    name: 'GET nominations',
    status: 200,
    allowed: readers,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/nominations` }),
  },
  {
    name: 'POST add line (a unit outside the round)',
    status: 400,
    allowed: headPeople,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/nominations/lines`,
      payload: {
        unitId: '00000000-0000-4000-8000-000000000000',
        awardCode: 'bang-khen',
        awardName: 'Bằng khen',
        reason,
      },
    }),
  },
  {
    name: 'POST remove line (no such line)',
    status: 404,
    allowed: headPeople,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/nominations/lines/00000000-0000-4000-8000-000000000000/remove`,
      payload: { reason },
    }),
  },
  {
    name: 'POST ballot from the lines',
    status: 201,
    allowed: headPeople,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/nominations/ballot`,
      payload: { opensAt: '2024-12-20T01:00:00Z', closesAt: '2024-12-20T05:00:00Z' },
    }),
  },
];

describe.each(testDatabases)('nomination access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    // The demo's 2024 with its year-end round published, without its records: the living demo's own lines
    // went to the Council, and a sent proposal freezes them.
    await seedDemoLife(t.db.handle.db, t.app.files, { records: false });
    setClock(new Date('2024-12-21T02:00:00Z'));
    cookies = await roleCookies(t);
    const db = t.db.handle.db;
    const yearId = (
      await db.selectFrom('years').select('id').where('year', '=', 2024).executeTakeFirstOrThrow()
    ).id;
    ids = { yearId };
    // Lines exist before the table runs, so the ballot route has questions whoever comes first.
    for (const [method, url, payload] of [
      ['PUT', `/api/years/${yearId}/award-rules`, { rules }],
      ['POST', `/api/years/${yearId}/nominations/draft`, undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, payload, headers: { cookie: cookies.head! } });
      expect(res.statusCode, res.body).toBe(200);
    }
  });
  afterAll(async () => {
    setClock();
    await t.close();
  });

  accessCases(routes, () => ({ t, ids, cookies }));
});
