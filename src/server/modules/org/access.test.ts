import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessCases,
  everyone,
  roleCookies,
  signedIn,
  type AccessRoute,
  type Who,
} from '../../testing/access';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

// A year no other request created (a random one could hit the demo year 2024: 409).
let nextYear = 2050;

interface Ids {
  blocId: string;
  unitId: string;
  yearId: string;
  userId: string;
}

/** Every route of the foundation with the roles that may use it and the exact status they get. */
const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET /api/health',
    allowed: everyone,
    status: 200,
    req: () => ({ method: 'GET', url: '/api/health' }),
  },
  {
    name: 'GET /api/auth/demo-accounts',
    allowed: everyone,
    status: 200,
    req: () => ({ method: 'GET', url: '/api/auth/demo-accounts' }),
  },
  {
    name: 'GET /api/auth/me',
    allowed: signedIn,
    status: 200,
    req: () => ({ method: 'GET', url: '/api/auth/me' }),
  },
  {
    name: 'GET /api/home',
    allowed: signedIn,
    status: 200,
    req: () => ({ method: 'GET', url: '/api/home' }),
  },
  {
    name: 'GET /api/blocs',
    allowed: ['admin', 'board'],
    status: 200,
    req: () => ({ method: 'GET', url: '/api/blocs' }),
  },
  {
    name: 'POST /api/blocs',
    allowed: ['admin'],
    status: 201,
    req: () => ({
      method: 'POST',
      url: '/api/blocs',
      payload: { kind: 'cluster', name: `Cụm ${Math.random()}` },
    }),
  },
  {
    name: 'PATCH /api/blocs/:id',
    allowed: ['admin'],
    status: 200,
    req: (i) => ({ method: 'PATCH', url: `/api/blocs/${i.blocId}`, payload: { shortName: 'Khối QLKT' } }),
  },
  {
    name: 'GET /api/units',
    allowed: ['admin', 'board'],
    status: 200,
    req: () => ({ method: 'GET', url: '/api/units' }),
  },
  {
    name: 'POST /api/units',
    allowed: ['admin'],
    status: 201,
    req: () => ({
      method: 'POST',
      url: '/api/units',
      payload: { code: `u-${Math.random().toString(36).slice(2, 8)}`, name: 'Sở Xây dựng' },
    }),
  },
  {
    name: 'PATCH /api/units/:id',
    allowed: ['admin'],
    status: 200,
    req: (i) => ({ method: 'PATCH', url: `/api/units/${i.unitId}`, payload: { shortName: 'STC' } }),
  },
  {
    name: 'GET /api/years',
    allowed: ['admin', 'board'],
    status: 200,
    req: () => ({ method: 'GET', url: '/api/years' }),
  },
  {
    name: 'POST /api/years',
    allowed: ['admin'],
    status: 201,
    req: (i) => ({ method: 'POST', url: '/api/years', payload: { blocId: i.blocId, year: nextYear++ } }),
  },
  // The officer's and leader's units are members of the demo year, so they may read it.
  {
    name: 'GET /api/years/:id',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}` }),
  },
  {
    name: 'PATCH /api/years/:id',
    allowed: ['admin'],
    status: 200,
    req: (i) => ({ method: 'PATCH', url: `/api/years/${i.yearId}`, payload: {} }),
  },
  {
    name: 'GET /api/users',
    allowed: ['admin'],
    status: 200,
    req: () => ({ method: 'GET', url: '/api/users' }),
  },
  {
    name: 'POST /api/users',
    allowed: ['admin'],
    status: 201,
    req: () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        login: `u${Math.random().toString(36).slice(2, 8)}`,
        fullName: 'Nguyễn Văn B',
        role: 'board',
        password: 'mat-khau-tam',
      },
    }),
  },
  {
    name: 'PATCH /api/users/:id',
    allowed: ['admin'],
    status: 200,
    req: (i) => ({
      method: 'PATCH',
      url: `/api/users/${i.userId}`,
      payload: { fullName: 'Lê Thị Hồng Nhung' },
    }),
  },
  {
    name: 'POST /api/users/:id/reset-password',
    allowed: ['admin'],
    status: 200,
    req: (i) => ({ method: 'POST', url: `/api/users/${i.userId}/reset-password` }),
  },
  {
    name: 'GET /api/import/template/units.xlsx',
    allowed: ['admin'],
    status: 200,
    req: () => ({ method: 'GET', url: '/api/import/template/units.xlsx' }),
  },
  // The (deliberately minimal) body is checked only after access: 400.
  {
    name: 'POST /api/import/units',
    allowed: ['admin'],
    status: 400,
    req: () => ({ method: 'POST', url: '/api/import/units', payload: { not: 'a file' } }),
  },
  {
    name: 'GET /api/audit',
    allowed: ['admin'],
    status: 200,
    req: () => ({ method: 'GET', url: '/api/audit' }),
  },
];

describe.each(testDatabases)('access control per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};
  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
    const db = t.db.handle.db;
    const year = await db.selectFrom('years').select(['id', 'blocId']).executeTakeFirstOrThrow();
    const unit = await db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'stc')
      .executeTakeFirstOrThrow();
    // A user nobody else signs in as, so that resetting its password does not end a session the test uses.
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'sct.lanhdao')
      .executeTakeFirstOrThrow();
    ids = { blocId: year.blocId, yearId: year.id, unitId: unit.id, userId: user.id };
  });
  afterAll(() => t.close());

  accessCases(routes, () => ({ t, ids, cookies }));

  it('refuses a bloc-year to an officer whose unit is not a member', async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: cookies.admin! },
      payload: { code: 'so-xay-dung', name: 'Sở Xây dựng' },
    });
    const unitId = other.json().id as string;
    await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: cookies.admin! },
      payload: {
        login: 'sxd.canbo',
        fullName: 'Cán bộ SXD',
        role: 'officer',
        unitId,
        password: 'thidua-demo',
      },
    });
    // As if the new account had changed its temporary password (until then every route answers 403).
    await t.db.handle.db
      .updateTable('users')
      .set({ mustChangePassword: 0 })
      .where('login', '=', 'sxd.canbo')
      .execute();
    const outsider = await t.cookie('sxd.canbo');
    const res = await t.app.inject({ url: `/api/years/${ids.yearId}`, headers: { cookie: outsider } });
    expect(res.statusCode).toBe(403);
    const home = await t.app.inject({ url: '/api/home', headers: { cookie: outsider } });
    expect(home.json().years).toEqual([]);
  });
});
