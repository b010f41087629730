import { afterAll, beforeAll, describe, expect } from 'vitest';
import { accessCases, roleCookies, signedIn, type AccessRoute, type Who } from '../../testing/access';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { setClock } from '../../clock';

/**
 * Per-role access to every covenant route on the demo bloc, with the exact status an allowed caller gets.
 * The covenant is published and its comment window is open, so each allowed call is repeatable: comments
 * and answers are taken (200), a second publication of the same text and a signature naming another text
 * are refused for their state (409), never for the caller.
 */
interface Ids {
  yearId: string;
  commentId: string;
}

const wrongHash = '0'.repeat(64);

const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET covenant',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/covenant` }),
  },
  {
    name: 'PUT draft (stale revision)',
    allowed: ['head', 'headLeader'],
    status: 409,
    req: (i) => ({
      method: 'PUT',
      url: `/api/years/${i.yearId}/covenant`,
      payload: { title: 'Giao ước', body: 'Nội dung', commitments: ['Cam kết'], revision: 999 },
    }),
  },
  {
    name: 'POST open comments (already published)',
    allowed: ['head', 'headLeader'],
    status: 409,
    req: (i) => ({ method: 'POST', url: `/api/years/${i.yearId}/covenant/open-comments` }),
  },
  {
    name: 'POST comment',
    allowed: ['deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/covenant/comments`,
      payload: { body: 'Đề nghị bổ sung cam kết về chuyển đổi số.' },
    }),
  },
  {
    name: 'POST reply',
    allowed: ['head', 'headLeader'],
    status: 200,
    req: (i) => ({
      method: 'POST',
      url: `/api/covenant-comments/${i.commentId}/reply`,
      payload: { reply: 'Tiếp thu, đã bổ sung.' },
    }),
  },
  {
    name: 'POST publish (nothing changed)',
    allowed: ['headLeader'],
    status: 409,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/covenant/publish`,
      payload: { revision: 1 },
    }),
  },
  {
    name: 'POST sign (another text)',
    allowed: ['headLeader', 'leader'],
    status: 409,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/covenant/sign`,
      payload: { textHash: wrongHash },
    }),
  },
  {
    name: 'GET document',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/covenant/document.docx` }),
  },
];

describe.each(testDatabases)('covenant access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    setClock(new Date('2025-03-10T03:00:00Z'));
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
    const yearId = (await t.db.handle.db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const call = async (who: Who, method: 'PUT' | 'POST', url: string, payload?: object) => {
      const res = await t.app.inject({ method, url, payload, headers: { cookie: cookies[who]! } });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{ comments: { id: string }[] }>();
    };
    await call('head', 'PUT', `/api/years/${yearId}/covenant`, {
      title: 'Giao ước thi đua năm 2025',
      body: 'Các đơn vị trong Khối thống nhất ký kết giao ước thi đua.',
      commitments: ['Hoàn thành nhiệm vụ chính trị được giao.'],
      commentsFrom: '2025-03-01',
      commentsUntil: '2025-03-31',
      revision: 0,
    });
    await call('head', 'POST', `/api/years/${yearId}/covenant/open-comments`);
    const commented = await call('officer', 'POST', `/api/years/${yearId}/covenant/comments`, {
      body: 'Đề nghị nêu rõ thời hạn.',
    });
    await call('headLeader', 'POST', `/api/years/${yearId}/covenant/publish`, { revision: 1 });
    ids = { yearId, commentId: commented.comments[0]!.id };
  });
  afterAll(async () => {
    setClock();
    await t.close();
  });

  accessCases(routes, () => ({ t, ids, cookies }));
});
