import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserAvailable, launchBrowser } from './browser';
import { startApp, type RunningApp } from './server';

const blocName = 'Khối thi đua các cơ quan Quản lý kinh tế thành phố';
const run = browserAvailable();

describe.skipIf(!run)('foundation journey', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    page = await context.newPage();
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('an officer logs in with a demo account, sees the home page in both languages, and logs out', async () => {
    await page.goto(`${app.baseUrl}/`);
    await page.waitForURL(`${app.baseUrl}/login`);
    await page.goto(`${app.baseUrl}/login`);
    const demo = page.getByTestId('demo-accounts');
    await demo.getByText('bqlkkt.canbo', { exact: true }).waitFor();

    await demo.getByText('bqlkkt.canbo', { exact: true }).click();
    expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('bqlkkt.canbo');
    expect(await page.getByLabel('Mật khẩu').inputValue()).toBe('thidua-demo');
    await page.getByTestId('login-submit').click();

    await page.waitForURL(`${app.baseUrl}/`);
    const yearCard = page.getByTestId('year-card').filter({ hasText: blocName }).first();
    await yearCard.waitFor();
    const vietnamese = await page.locator('body').innerText();
    expect(vietnamese).toContain(blocName);
    expect(vietnamese).toContain('Trưởng khối');
    expect(vietnamese).toContain('Đơn vị của bạn là Trưởng khối năm 2024');
    expect(vietnamese).toContain('Ban Quản lý Khu kinh tế Hải Phòng');
    expect(vietnamese).toContain('Cán bộ đầu mối');

    await page.getByTestId('lang-switch').getByText('EN', { exact: true }).click();
    await page.getByText('Your unit is the head unit in 2024').waitFor();
    const english = await page.locator('body').innerText();
    expect(english).toContain('Head unit');
    expect(english).toContain('Focal officer');
    expect(english).not.toContain('Đăng xuất');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/e2e-home.png', fullPage: true });

    await page.getByTestId('logout').click();
    await page.waitForURL(`${app.baseUrl}/login`);
    await page.getByTestId('login-submit').waitFor();
    expect(await page.evaluate(() => fetch('/api/auth/me').then((r) => r.status))).toBe(401);
  });

  it('a page whose code cannot be fetched (the app was updated) reloads once, then says so inside the layout', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' });
    const user = await context.newPage();
    user.setDefaultTimeout(10_000);
    // The plan page's chunks are gone, as after an update that renamed them: its CSS, fetched first, and its code.
    await user.route(/\/assets\/(PlanPage-[^/]+\.js|plans-[^/]+\.css)$/, (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await user.goto(`${app.baseUrl}/login`);
    await user.getByLabel('Tên đăng nhập').fill('stc.canbo');
    await user.getByLabel('Mật khẩu').fill('thidua-demo');
    await user.getByTestId('login-submit').click();
    await user.waitForURL(`${app.baseUrl}/`);
    let loads = 0;
    user.on('load', () => loads++);
    await user.getByRole('menuitem', { name: /Kế hoạch (năm )?2024/ }).click();
    await expect.poll(() => loads, { timeout: 10_000 }).toBe(1); // the tab reloads once to fetch the new version…
    await user.getByTestId('route-error').waitFor();
    await user.waitForTimeout(1000);
    expect(loads).toBe(1); // …and not in a loop when the page still cannot load
    await user.screenshot({ path: 'test-results/e2e-route-error.png' });
    const text = await user.locator('body').innerText();
    expect(text).toContain('Không tải được trang này');
    expect(text).toContain('Trang chủ'); // still inside the layout, with its menu
    await context.close();
  });
});
