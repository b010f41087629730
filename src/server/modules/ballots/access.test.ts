import { afterAll, beforeAll, describe, expect } from 'vitest';
import { setClock } from '../../clock';
import { accessCases, roleCookies, signedIn, type AccessRoute, type Who } from '../../testing/access';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

/**
 * Per-role access to every ballot route on the demo bloc: `head` is the head unit's officer, `headLeader`
 * its leader, `deputy` the deputy's officer, `officer`/`leader` Sở Tài chính's. Allowed callers may still
 * meet the ballot's state (409) or a bad body (400).
 */
interface Ids {
  yearId: string;
  draftId: string;
  openId: string;
  stcOfficerId: string;
}

const ballotBody = (unitId: string) => ({
  kind: 'approval',
  title: 'Bình xét Cờ thi đua',
  quorum: 'more-than-half',
  threshold: 'two-thirds',
  opensAt: '2024-12-20T01:00:00Z',
  closesAt: '2024-12-20T05:00:00Z',
  questions: [{ subjectUnitId: unitId, award: 'Cờ thi đua' }],
});

let stcUnitId = '';
const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET ballots',
    status: 200,
    allowed: signedIn,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/ballots` }),
  },
  {
    name: 'POST ballot',
    status: 201,
    allowed: ['head', 'headLeader'],
    req: (i) => ({ method: 'POST', url: `/api/years/${i.yearId}/ballots`, payload: ballotBody(stcUnitId) }),
  },
  {
    name: 'GET ballot',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/ballots/${i.openId}` }),
  },
  {
    name: 'PUT ballot',
    status: 200,
    allowed: ['head', 'headLeader'],
    req: (i) => ({ method: 'PUT', url: `/api/ballots/${i.draftId}`, payload: ballotBody(stcUnitId) }),
  },
  // The draft is opened by the head's leader only (409 on the open ballot would hide the check).
  {
    name: 'POST close',
    status: 409,
    allowed: ['headLeader'],
    req: (i) => ({ method: 'POST', url: `/api/ballots/${i.draftId}/close` }),
  },
  {
    name: 'POST vote',
    status: 400,
    allowed: ['headLeader', 'leader'],
    req: (i) => ({ method: 'POST', url: `/api/ballots/${i.openId}/vote`, payload: { choices: {} } }),
  },
  {
    name: 'POST delegate',
    status: { headLeader: 400, leader: 200 },
    allowed: ['headLeader', 'leader'],
    req: (i) => ({
      method: 'POST',
      url: `/api/ballots/${i.openId}/delegate`,
      payload: { userId: i.stcOfficerId },
    }),
  },
  {
    name: 'POST next year',
    status: 409,
    allowed: ['headLeader'],
    req: (i) => ({ method: 'POST', url: `/api/years/${i.yearId}/next-year` }),
  },
  // Last: opening the draft changes what the routes above meet.
  {
    name: 'POST open',
    status: 200,
    allowed: ['headLeader'],
    req: (i) => ({ method: 'POST', url: `/api/ballots/${i.draftId}/open` }),
  },
];

describe.each(testDatabases)('ballot access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    setClock(new Date('2024-12-20T02:00:00Z'));
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
    const db = t.db.handle.db;
    const yearId = (
      await db.selectFrom('years').select('id').where('year', '=', 2024).executeTakeFirstOrThrow()
    ).id;
    stcUnitId = (
      await db.selectFrom('units').select('id').where('code', '=', 'stc').executeTakeFirstOrThrow()
    ).id;
    const create = async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/years/${yearId}/ballots`,
        payload: ballotBody(stcUnitId),
        headers: { cookie: cookies.head! },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const draftId = await create();
    const openId = await create();
    const opened = await t.app.inject({
      method: 'POST',
      url: `/api/ballots/${openId}/open`,
      headers: { cookie: cookies.headLeader! },
    });
    expect(opened.statusCode, opened.body).toBe(200);
    const officer = await db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'stc.canbo')
      .executeTakeFirstOrThrow();
    ids = { yearId, draftId, openId, stcOfficerId: officer.id };
  });
  afterAll(async () => {
    setClock();
    await t.close();
  });

  accessCases(routes, () => ({ t, ids, cookies }));
});
