import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { guideShots, type GuideShot } from '../../src/web/features/guide/shots';
import { browserAvailable, useJourney } from './browser';
import { apiLogin, browserLogin } from './scoring-helpers';

const run = browserAvailable();
// Committed: the web app serves them as /guide/<name>.jpg, and the guide shows them (shots.ts).
const out = 'src/web/public/guide';

/**
 * Waits for the page's data (no spinner, no skeleton), scrolls to a heading if asked, then saves the
 * 1440×900 view as a small JPEG.
 */
async function shoot(page: Page, name: GuideShot, ready?: string, scrollTo?: string): Promise<void> {
  if (ready) await page.getByTestId(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
  if (scrollTo) {
    await page
      .getByText(scrollTo, { exact: true })
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  }
  await page.waitForTimeout(300); // antd's entrance animations
  await page.screenshot({ path: `${out}/${name}.jpg`, type: 'jpeg', quality: 60 });
  taken.add(name);
}
const taken = new Set<GuideShot>();

describe.skipIf(!run)('the user guide', () => {
  const journey = useJourney(); // the living demo: 2024 finished, the current year in progress

  it(
    'takes its screenshots as each role on the demo, and is reached from the header of every page',
    { timeout: 180_000 },
    async () => {
      mkdirSync(out, { recursive: true });
      const base = journey.app().baseUrl;
      const head = await apiLogin(base, 'bqlkkt.canbo');
      const years: { id: string; year: number }[] = (await head.call('GET', '/api/home')).years;
      const past = years.find((y) => y.year === 2024)!.id;
      const current = years.find((y) => y.year !== 2024)!.id;
      const round = (await head.call('GET', `/api/years/${past}/rounds`))[0].id as string;
      const ballots = (await head.call('GET', `/api/years/${past}/ballots`)).items as {
        id: string;
        kind: string;
      }[];
      const events = (await head.call('GET', `/api/years/${past}/events`)).items as {
        id: string;
        kind: string;
      }[];
      const as = async (login: string) => {
        const page = await journey.newPage();
        await browserLogin(page, base, login);
        return page;
      };

      const visitor = await journey.newPage();
      await visitor.goto(`${base}/login`);
      await shoot(visitor, 'login', 'demo-accounts');

      const officer = await as('stc.canbo');
      await shoot(officer, 'officer-home', 'year-card');
      await officer.goto(`${base}/years/${current}/tasks`);
      await shoot(officer, 'officer-tasks', 'my-tasks');
      await officer.goto(`${base}/years/${current}/registration`);
      await shoot(officer, 'officer-registration');

      const leader = await as('stc.lanhdao');
      await leader.goto(`${base}/years/${past}/covenant`);
      await shoot(leader, 'leader-covenant', 'covenant-hash');
      await leader.goto(`${base}/rounds/${round}/sheets`);
      await shoot(leader, 'leader-sheets');
      await leader.goto(`${base}/ballots/${ballots.find((b) => b.kind === 'election')!.id}`);
      await shoot(leader, 'leader-ballot', 'ballot-tally');

      const secretariat = await as('bqlkkt.canbo');
      await secretariat.goto(`${base}/years/${current}/plan`);
      await shoot(secretariat, 'head-plan', 'plan-document');
      await secretariat.goto(`${base}/years/${current}/board`);
      await shoot(secretariat, 'head-board', 'task-board');
      await secretariat.goto(`${base}/years/${past}/registration`);
      await shoot(secretariat, 'head-registrations', undefined, 'Đăng ký của các đơn vị');
      const conference = events.find((e) => e.kind === 'year-end-conference')!.id;
      await secretariat.goto(`${base}/years/${past}/events/${conference}`);
      await shoot(secretariat, 'head-event', 'event-status');

      const headLeader = await as('bqlkkt.lanhdao');
      await headLeader.goto(`${base}/rounds/${round}/results`);
      await shoot(headLeader, 'head-results');

      const deputy = await as('skhdt.lanhdao');
      await deputy.goto(`${base}/rounds/${round}/progress`);
      await shoot(deputy, 'deputy-progress');

      const board = await as('ban-tdkt');
      await shoot(board, 'board-home', 'year-card');

      const admin = await as('admin');
      await admin.goto(`${base}/admin/years`);
      await shoot(admin, 'admin-years');
      expect([...taken].sort()).toEqual([...guideShots].sort());

      // Every role reaches the guide from the header; it holds each role's part and the admin's page.
      for (const page of [officer, board, admin]) {
        await page.getByTestId('guide-link').first().click();
        await page.waitForURL(`${base}/guide`);
        await page.getByTestId('guide-admin').waitFor();
        expect(await page.getByTestId('guide-role').count()).toBe(6);
      }
      // Its pictures are served (the build copies src/web/public).
      const sources = await admin
        .locator('.guide-shots img')
        .evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).getAttribute('src')!));
      expect(new Set(sources).size).toBe(guideShots.length);
      for (const src of new Set(sources)) {
        const res = await fetch(`${base}${src}`);
        expect(res.status, src).toBe(200);
        expect(res.headers.get('content-type'), src).toBe('image/jpeg');
      }
      await admin.screenshot({ path: 'test-results/guide-1440.png', fullPage: true });
    },
  );
});
