import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { hasSoffice } from './pdf';

const soffice = await hasSoffice();
// CI installs LibreOffice (.ci/run): there these tests must run, never be skipped quietly.
if (!soffice && process.env.CI) throw new Error('LibreOffice (soffice) is required in CI for the PDF tests');

/** PDF through a queue of one conversion and no waiting line, so that a second document is refused. */
describe.runIf(soffice).each(testDatabases)('plan PDFs on %s: queued, cached by content', (kind) => {
  let t: TestApp;
  let planId: string;
  let yearId: string;
  const get = async (login: string, url: string) =>
    t.app.inject({ url, headers: { cookie: await t.cookie(login) } });
  const published = () => get('stc.canbo', `/api/plans/${planId}/document.pdf?version=1`);
  const draft = () => get('bqlkkt.canbo', `/api/plans/${planId}/document.pdf?version=draft`);

  /** The head changes the working copy's subject: a document of its own. */
  const saveDraft = async (suffix: string) => {
    const plan = (await get('bqlkkt.canbo', `/api/years/${yearId}/plan`)).json().plan;
    const saved = await t.app.inject({
      method: 'PUT',
      url: `/api/plans/${planId}`,
      headers: { cookie: await t.cookie('bqlkkt.canbo') },
      payload: {
        content: { ...plan.draft, subject: `${plan.draft.subject}${suffix}` },
        revision: plan.revision,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
  };

  beforeAll(async () => {
    t = await createTestApp(kind, { PDF_CONCURRENCY: '1', PDF_QUEUE_LENGTH: '0' });
    const db = t.db.handle.db;
    yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    planId = (await db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id;
    await saveDraft(' (sửa đổi)'); // the working copy now differs from version 1
  });
  afterAll(() => t.close());

  it(
    'answers a conversion beyond the queue with 503 and Retry-After, and makes each version once',
    { timeout: 180_000 },
    async () => {
      const [a, b] = await Promise.all([published(), draft()]);
      const statuses = [a.statusCode, b.statusCode].sort();
      expect(statuses).toEqual([200, 503]);
      const busy = a.statusCode === 503 ? a : b;
      expect(busy.headers['retry-after']).toMatch(/^\d+$/);
      expect(busy.json()).toMatchObject({ code: 'BUSY', message: expect.stringMatching(/thử lại sau/) });
      expect(t.app.pdf.stats.conversions).toBe(1);

      // Each version is converted at most once more; asked again, it comes from the cache.
      for (const ask of [published, draft]) {
        const first = await ask();
        expect(first.statusCode).toBe(200);
        const runs = t.app.pdf.stats.conversions;
        const again = await ask();
        expect(again.statusCode).toBe(200);
        expect(again.rawPayload.equals(first.rawPayload)).toBe(true);
        expect(t.app.pdf.stats.conversions).toBe(runs);
      }
      expect(t.app.pdf.stats.conversions).toBe(2);
    },
  );

  it(
    'makes one PDF for simultaneous requests of the same document, even with no waiting line',
    { timeout: 180_000 },
    async () => {
      await saveDraft(' lần 2');
      const before = t.app.pdf.stats.conversions;
      const answers = await Promise.all([draft(), draft(), draft()]);
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(t.app.pdf.stats.conversions).toBe(before + 1);
    },
  );
});
