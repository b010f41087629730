import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  accessCases,
  roleCookies,
  signedIn,
  unitUsers,
  type AccessRoute,
  type Who,
} from '../../testing/access';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

/**
 * Per-role access to every registration route, on the demo bloc with its published plan (its registration
 * window is open). Allowed callers get the exact status; where the first allowed caller changes the state
 * (a return, an acceptance), the next one meets 409.
 */

interface Ids {
  yearId: string;
  /** Registrations sent by Sở Công Thương and Cục Thuế, for the head to return and accept. */
  toReturn: string;
  toAccept: string;
}

const choice = {
  items: [{ code: 'bang-khen' }],
  commitments: 'Hoàn thành xuất sắc nhiệm vụ được giao năm 2024.',
};
const entries = [
  {
    code: 'co-thi-dua',
    name: 'Cờ thi đua của UBND thành phố',
    kind: 'title',
    level: 'Chủ tịch UBND thành phố',
    legalBasis: 'Điều 26 Luật Thi đua, khen thưởng năm 2022',
    recipient: 'unit',
    quotaPerBloc: 2,
  },
];

const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET catalogue',
    allowed: signedIn,
    status: 200,
    req: () => ({ method: 'GET', url: '/api/award-catalogue/2025' }),
  },
  {
    name: 'PUT catalogue',
    allowed: ['board'],
    status: 200,
    req: () => ({ method: 'PUT', url: '/api/award-catalogue/2030', payload: { entries } }),
  },
  {
    name: 'GET my registration',
    allowed: unitUsers,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/registration` }),
  },
  {
    name: 'PUT my registration (draft)',
    allowed: unitUsers,
    status: 200,
    req: (i) => ({ method: 'PUT', url: `/api/years/${i.yearId}/registration`, payload: choice }),
  },
  {
    name: 'POST submit my registration',
    allowed: ['headLeader', 'leader'],
    status: 200,
    req: (i) => ({ method: 'POST', url: `/api/years/${i.yearId}/registration/submit`, payload: choice }),
  },
  {
    name: 'GET every unit’s registration',
    allowed: ['board', 'head', 'headLeader', 'deputy'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/registrations` }),
  },
  {
    name: 'POST return',
    allowed: ['head', 'headLeader'],
    status: { head: 200, headLeader: 409 },
    req: (i) => ({
      method: 'POST',
      url: `/api/registrations/${i.toReturn}/return`,
      payload: { reason: 'Đề nghị bổ sung cam kết.' },
    }),
  },
  {
    name: 'POST accept',
    allowed: ['head', 'headLeader'],
    status: { head: 200, headLeader: 409 },
    req: (i) => ({ method: 'POST', url: `/api/registrations/${i.toAccept}/accept` }),
  },
  {
    name: 'GET summary .xlsx',
    allowed: ['board', 'head', 'headLeader', 'deputy'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/registrations/summary.xlsx` }),
  },
  {
    name: 'GET summary .docx',
    allowed: ['board', 'head', 'headLeader', 'deputy'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/registrations/summary.docx` }),
  },
  {
    name: 'POST summary sent',
    allowed: ['head', 'headLeader'],
    status: 201,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/registrations/dispatches`,
      payload: { sentOn: '2024-03-29' },
    }),
  },
];

describe.each(testDatabases)('registration access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
    const yearId = (await t.db.handle.db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const send = async (login: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/years/${yearId}/registration/submit`,
        payload: choice,
        headers: { cookie: await t.cookie(login) },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ id: string }>().id;
    };
    ids = { yearId, toReturn: await send('sct.lanhdao'), toAccept: await send('cthue.lanhdao') };
  });
  afterAll(() => t.close());

  accessCases(routes, () => ({ t, ids, cookies }));
});
