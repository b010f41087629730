import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  accessCases,
  everyone,
  roleCookies,
  signedIn,
  unitUsers,
  type AccessRequest,
  type AccessRoute,
  type Who,
} from '../../testing/access';
import { multipart } from '../../testing/multipart';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

/**
 * Per-role access to every plan, task, report, notification and calendar route, on the demo bloc with its
 * published plan. Roles: the head unit's officer, the deputy's officer, a member officer and leader (Sở Tài
 * chính), the board, an admin, and anonymous.
 */

interface Ids {
  yearId: string;
  planId: string;
  headTaskIds: [string, string];
  stcReportTaskId: string;
  reportId: string;
  feedPath: string;
}

const upload = (taskId: string): AccessRequest => ({
  method: 'POST',
  url: `/api/tasks/${taskId}/report`,
  ...multipart('bao-cao.pdf', Buffer.from('%PDF-1.4')),
});

const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET plan',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/plan` }),
  },
  // Allowed callers get past the access check and meet the plan's state (409 / 404) instead.
  {
    name: 'POST start plan',
    allowed: ['head', 'headLeader'],
    status: 409,
    req: (i) => ({ method: 'POST', url: `/api/years/${i.yearId}/plan` }),
  },
  {
    name: 'PUT plan',
    allowed: ['head', 'headLeader'],
    status: 409,
    req: (i) => ({ method: 'PUT', url: `/api/plans/${i.planId}`, payload: { content: {}, revision: 999 } }),
  },
  {
    name: 'POST publish',
    allowed: ['headLeader'],
    status: 409,
    req: (i) => ({ method: 'POST', url: `/api/plans/${i.planId}/publish`, payload: { revision: 999 } }),
  },
  {
    name: 'GET version',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/plans/${i.planId}/versions/1` }),
  },
  {
    name: 'POST next year',
    allowed: ['head', 'headLeader'],
    status: 404,
    req: (i) => ({ method: 'POST', url: `/api/plans/${i.planId}/next-year` }),
  },
  {
    name: 'GET document',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/plans/${i.planId}/document.docx` }),
  },
  {
    name: 'GET draft document',
    allowed: ['head', 'headLeader', 'deputy'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/plans/${i.planId}/document.docx?version=draft` }),
  },
  {
    name: 'GET my tasks',
    allowed: unitUsers,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/my-tasks` }),
  },
  {
    name: 'GET board',
    allowed: ['board', 'head', 'headLeader', 'deputy'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/tasks/board` }),
  },
  {
    name: 'POST complete task',
    allowed: ['head', 'headLeader'],
    status: 200,
    // Each caller completes a task of its own, so that neither meets the other's "already done".
    req: (i, w) => ({
      method: 'POST',
      url: `/api/tasks/${w === 'headLeader' ? i.headTaskIds[1] : i.headTaskIds[0]}/complete`,
      payload: {},
    }),
  },
  {
    name: "POST report for Sở Tài chính's task",
    allowed: ['officer', 'leader'],
    status: 201,
    req: (i) => upload(i.stcReportTaskId),
  },
  {
    name: "GET Sở Tài chính's report",
    allowed: ['board', 'head', 'headLeader', 'deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/reports/${i.reportId}/file` }),
  },
  {
    name: 'POST urge',
    allowed: ['head', 'headLeader', 'deputy'],
    status: 200,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/urge`,
      payload: { allLate: true, message: 'Đề nghị gửi báo cáo.' },
    }),
  },
  {
    name: 'GET notifications',
    allowed: signedIn,
    status: 200,
    req: () => ({ method: 'GET', url: '/api/notifications' }),
  },
  {
    name: 'POST read notification',
    allowed: signedIn,
    status: 404,
    req: () => ({ method: 'POST', url: `/api/notifications/${crypto.randomUUID()}/read` }),
  },
  {
    name: 'POST read all',
    allowed: signedIn,
    status: 200,
    req: () => ({ method: 'POST', url: '/api/notifications/read-all' }),
  },
  {
    name: 'GET preferences',
    allowed: signedIn,
    status: 200,
    req: () => ({ method: 'GET', url: '/api/notification-preferences' }),
  },
  {
    name: 'PUT preferences',
    allowed: signedIn,
    status: 200,
    req: () => ({ method: 'PUT', url: '/api/notification-preferences', payload: { email: { urge: true } } }),
  },
  { name: 'GET outbox', allowed: ['admin'], status: 200, req: () => ({ method: 'GET', url: '/api/outbox' }) },
  {
    name: 'GET calendar feed URL',
    allowed: unitUsers,
    status: 200,
    req: () => ({ method: 'GET', url: '/api/calendar-feed' }),
  },
  // Public by design: the unguessable token is the credential. The feed is Sở Công Thương's, a unit no
  // caller here belongs to, so rotating the callers' own feeds below leaves it working.
  {
    name: 'GET calendar .ics',
    allowed: everyone,
    status: 200,
    req: (i) => ({ method: 'GET', url: i.feedPath }),
  },
  {
    name: 'POST rotate calendar feed',
    allowed: unitUsers,
    status: 200,
    req: () => ({ method: 'POST', url: '/api/calendar-feed/rotate' }),
  },
];

describe.each(testDatabases)('plans and notifications access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
    const db = t.db.handle.db;
    const yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const planId = (await db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id;
    const unit = async (code: string) =>
      (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const headTasks = await db
      .selectFrom('tasks')
      .select('id')
      .where('unitId', '=', await unit('bqlkkt'))
      .where('deliverable', '=', 'manual')
      .orderBy('id')
      .limit(2)
      .execute();
    expect(headTasks).toHaveLength(2);
    const stcTask = await db
      .selectFrom('tasks')
      .select('id')
      .where('unitId', '=', await unit('stc'))
      .where('deliverable', '=', 'report-mid-year')
      .executeTakeFirstOrThrow();
    const req = upload(stcTask.id);
    const uploaded = await t.app.inject({ ...req, headers: { ...req.headers, cookie: cookies.officer! } });
    expect(uploaded.statusCode).toBe(201);
    const sct = await t.cookie('sct.canbo');
    const feed = await t.app.inject({ url: '/api/calendar-feed', headers: { cookie: sct } });
    ids = {
      yearId,
      planId,
      headTaskIds: [headTasks[0]!.id, headTasks[1]!.id],
      stcReportTaskId: stcTask.id,
      reportId: uploaded.json().report.id,
      feedPath: feed.json().path,
    };
  });
  afterAll(() => t.close());

  accessCases(routes, () => ({ t, ids, cookies }));
});
