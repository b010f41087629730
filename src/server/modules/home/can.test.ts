import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCookies, type Who } from '../../testing/access';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

/**
 * The web renders menus and buttons from what the server sends: `me.can` (account rights) and each home
 * year's `can` (rights in that bloc-year). Checked per role on the demo bloc.
 */
describe.each(testDatabases)('permissions sent to the web on %s', (kind) => {
  let t: TestApp;
  let cookies: Partial<Record<Who, string>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
  });
  afterAll(async () => t.close());

  const get = async (who: Who, url: string) => {
    const res = await t.app.inject({ url, headers: { cookie: cookies[who]! } });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it.each<[Who, Record<string, boolean>]>([
    [
      'admin',
      {
        manageOrg: true,
        readOrg: true,
        readAudit: true,
        decideApprovals: false,
        editCatalogue: false,
        searchAwards: false,
        switchPublicResults: false,
      },
    ],
    [
      'board',
      {
        manageOrg: false,
        readOrg: true,
        readAudit: false,
        decideApprovals: true,
        editCatalogue: true,
        searchAwards: true,
        switchPublicResults: true,
      },
    ],
    [
      'head',
      {
        manageOrg: false,
        readOrg: false,
        readAudit: false,
        decideApprovals: false,
        editCatalogue: false,
        searchAwards: false,
        switchPublicResults: false,
      },
    ],
    [
      'headLeader',
      {
        manageOrg: false,
        readOrg: false,
        readAudit: false,
        decideApprovals: true,
        editCatalogue: false,
        searchAwards: false,
        switchPublicResults: false,
      },
    ],
    [
      'officer',
      {
        manageOrg: false,
        readOrg: false,
        readAudit: false,
        decideApprovals: false,
        editCatalogue: false,
        searchAwards: false,
        switchPublicResults: false,
      },
    ],
  ])('me.can of %s', async (who, can) => {
    expect((await get(who, '/api/auth/me')).can).toEqual(can);
  });

  it.each<[Who, Record<string, unknown>]>([
    [
      'head',
      {
        prepare: true,
        publishPlan: 'request',
        readPlanDraft: true,
        readBoard: true,
        urge: true,
        ownTasks: true,
        draftCovenant: true,
        publishCovenant: false,
        signCovenant: false,
      },
    ],
    [
      'headLeader',
      {
        prepare: true,
        publishPlan: 'direct',
        ownTasks: true,
        publishCovenant: true,
        signCovenant: true,
        submitRegistration: true,
      },
    ],
    ['deputy', { prepare: false, publishPlan: 'none', readPlanDraft: true, urge: true, ownTasks: true }],
    [
      'officer',
      {
        prepare: false,
        publishPlan: 'none',
        readPlanDraft: false,
        readBoard: false,
        ownTasks: true,
        commentCovenant: true,
        signCovenant: false,
        submitRegistration: false,
      },
    ],
    ['board', { read: true, prepare: false, readBoard: true, ownTasks: false, readApprovals: true }],
    ['admin', { read: true, prepare: false, readBoard: false, ownTasks: false }],
  ])("the demo year's can for %s", async (who, can) => {
    const home = await get(who, '/api/home');
    expect(home.years.length).toBeGreaterThan(0);
    for (const year of home.years) expect(year.can).toMatchObject({ read: true, ...can });
  });
});
