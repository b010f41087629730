import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from './testing/harness';

/** Numbers past PostgreSQL's INTEGER were a 500 there (found by api-fuzz.test.ts); they are a 400 on both. */
describe.each(testDatabases)('revision and version numbers out of range on %s', (kind) => {
  let t: TestApp;
  let planId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    planId = (await t.db.handle.db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(() => t.close());

  it('answers 400 naming the field', async () => {
    const head = { cookie: await t.cookie('bqlkkt.canbo') };
    const version = await t.app.inject({ url: `/api/plans/${planId}/versions/2147483648`, headers: head });
    expect(version.statusCode).toBe(400);
    expect(version.json().fieldErrors.version).toBeTruthy();
    const document = await t.app.inject({
      url: `/api/plans/${planId}/document.docx?version=99999999999`,
      headers: head,
    });
    expect(document.statusCode).toBe(400);
    const plan = (await t.app.inject({ url: `/api/plans/${planId}/versions/1`, headers: head })).json();
    const save = await t.app.inject({
      method: 'PUT',
      url: `/api/plans/${planId}`,
      headers: head,
      payload: { content: plan.content, revision: 2_147_483_647 },
    });
    expect(save.statusCode).toBe(400);
    expect(save.json().fieldErrors.revision).toBeTruthy();
  });
});
