import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useJourney } from './browser';
import { apiLogin, browserLogin } from './scoring-helpers';

const run = browserAvailable();
const shots = 'test-results/phone';

/** How far the document is wider than the viewport, and the widest elements that stick out. */
async function overflow(page: Page): Promise<{ extra: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const box = el.getBoundingClientRect();
      if (box.right > width + 1 && box.width > 0) {
        culprits.push(
          `${el.tagName.toLowerCase()}.${el.className.toString().slice(0, 60)} → ${Math.round(box.right)}`,
        );
      }
    }
    return {
      extra: document.documentElement.scrollWidth - window.innerWidth,
      culprits: culprits.slice(0, 8),
    };
  });
}

/**
 * Asserts the page has no sideways scroll at 390 px and at 360 px (and, for comparison, on a 1440 px
 * desktop), and keeps a screenshot of each.
 */
async function fitsPhone(page: Page, name: string, prepare?: () => Promise<void>): Promise<void> {
  for (const width of [1440, 390, 360]) {
    await page.setViewportSize({ width, height: width > 1000 ? 900 : 844 });
    await page.waitForTimeout(150); // antd's breakpoints and resize observers settle
    await prepare?.();
    const { extra, culprits } = await overflow(page);
    await page.screenshot({ path: `${shots}/${name}-${String(width)}.png`, fullPage: true });
    expect(
      extra,
      `${name} at ${String(width)} px is ${String(extra)} px too wide: ${culprits.join(', ')}`,
    ).toBeLessThanOrEqual(0);
  }
  await page.setViewportSize({ width: 390, height: 844 });
}

describe.skipIf(!run)('on a phone (390×844)', () => {
  const journey = useJourney();

  it('every page a member uses fits the width: home, menu, tasks, timeline, plan, notifications, the guide, the score grid', async () => {
    mkdirSync(shots, { recursive: true });
    const base = journey.app().baseUrl;
    // A round to score, opened by the head unit through the API.
    const headApi = await apiLogin(base, 'bqlkkt.canbo');
    const yearId: string = (await headApi.call('GET', '/api/home')).years[0].id;
    const round = await headApi.call('POST', `/api/years/${yearId}/rounds`, {
      kind: 'year-end',
      title: 'Chấm điểm cuối năm',
      deadlineAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      latePolicy: 'refuse',
      missingPolicy: 'wait-all',
    });

    const page = await journey.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${base}/login`);
    await page.getByTestId('demo-accounts').waitFor();
    await fitsPhone(page, 'login');
    await browserLogin(page, base, 'stc.canbo');
    await page.getByTestId('year-card').first().waitFor();
    await fitsPhone(page, 'home');

    // The header holds the menu button, the name and the bell; the rest is in the drawer.
    expect(await page.getByTestId('logout').count()).toBe(0);
    await page.getByTestId('notification-bell').waitFor();
    await page.getByTestId('menu-button').click();
    const drawer = page.getByTestId('menu-drawer');
    await drawer.getByTestId('logout').waitFor();
    await drawer.getByTestId('lang-switch').waitFor();
    await drawer.getByTestId('header-identity').waitFor();
    await drawer.getByTestId('guide-link').waitFor();
    await page.waitForTimeout(400); // the drawer's slide-in
    await page.screenshot({ path: `${shots}/menu-drawer.png` });
    await drawer
      .getByRole('link', { name: /Kế hoạch/ })
      .first()
      .click();
    await page.waitForURL(/\/plan$/);
    await page.getByTestId('plan-document').waitFor();
    await fitsPhone(page, 'plan');

    await page.goto(`${base}/years/${yearId}/tasks`);
    await page.getByTestId('my-tasks').waitFor();
    await fitsPhone(page, 'tasks');

    await page.goto(`${base}/years/${yearId}/timeline`);
    await page.getByTestId('timeline').waitFor();
    await fitsPhone(page, 'timeline');

    // The bell's panel, opened afresh at each width (a resize closes it).
    await fitsPhone(page, 'notifications-panel', async () => {
      const panel = page.getByTestId('notification-panel');
      if (!(await panel.isVisible())) await page.getByTestId('notification-bell').click();
      await panel.waitFor();
      await page.getByTestId('notification-item').first().waitFor();
      await page.waitForTimeout(300);
    });
    await page.keyboard.press('Escape');
    await page.goto(`${base}/notifications/settings`);
    await page.getByTestId('email-preferences').waitFor();
    await fitsPhone(page, 'notification-settings');

    // The guide, from the drawer's link: its calendars stack, its screenshots take the width.
    await page.getByTestId('menu-button').click();
    await page.getByTestId('menu-drawer').getByTestId('guide-link').click();
    await page.waitForURL(/\/guide$/);
    await page.getByTestId('guide-admin').waitFor();
    await fitsPhone(page, 'guide');

    await page.goto(`${base}/rounds/${String(round.id)}/sheets`);
    await page.locator('[data-testid^="cell-"]').first().waitFor();
    await fitsPhone(page, 'grid');
  });
});
