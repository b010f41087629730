import { afterAll, beforeAll, describe, expect } from 'vitest';
import { blocReportPeriods } from '../../../domain/bloc-reports';
import { setClock } from '../../clock';
import { accessCases, roleCookies, type AccessRoute, type Who } from '../../testing/access';
import { testFiles } from '../../testing/files';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';

/**
 * Per-role access to the bloc's own reports and the units' reports archive, on the demo bloc with one unit's
 * mid-year report uploaded: the head (officer and leader), the deputy and the board get them (200); members,
 * the administrator and anonymous callers are refused.
 */
interface Ids {
  yearId: string;
}

const readers: Who[] = ['board', 'head', 'headLeader', 'deputy'];

const routes: AccessRoute<Ids>[] = blocReportPeriods.flatMap((period): AccessRoute<Ids>[] => [
  {
    name: `GET ${period} bloc report`,
    allowed: readers,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/bloc-reports/${period}` }),
  },
  {
    name: `GET ${period} unit reports zip`,
    allowed: readers,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/bloc-reports/${period}/unit-reports.zip` }),
  },
]);

describe.each(testDatabases)('bloc report access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    setClock(new Date('2024-07-02T02:00:00Z'));
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
    const db = t.db.handle.db;
    const yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const task = await db
      .selectFrom('tasks as k')
      .innerJoin('units as u', 'u.id', 'k.unitId')
      .select('k.id')
      .where('u.code', '=', 'stc')
      .where('k.deliverable', '=', 'report-mid-year')
      .executeTakeFirstOrThrow();
    const body = multipart('Báo cáo.pdf', testFiles.pdf());
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/report`,
      payload: body.payload,
      headers: { ...body.headers, cookie: cookies.officer! },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids = { yearId };
  });
  afterAll(async () => {
    setClock();
    await t.close();
  });

  accessCases(routes, () => ({ t, ids, cookies }));
});
