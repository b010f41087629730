import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserAvailable, useJourney } from './browser';
import { apiLogin, browserLogin } from './scoring-helpers';

const run = browserAvailable();

const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.skipIf(!run)('award nominations in the browser', () => {
  // The living demo with 2024 finished by its scores only: its own lines went to the Council, which froze them.
  const journey = useJourney({ DEMO: 'scores' });

  it('the head drafts the list and takes a line out with a reason; a member reads it on a phone', async () => {
    mkdirSync('test-results', { recursive: true });
    const base = journey.app().baseUrl;
    const head = await apiLogin(base, 'bqlkkt.canbo');
    const year = (await head.call('GET', '/api/home')).years.find((y: { year: number }) => y.year === 2024);
    // The year's rules without registration (DEMO=scores has no registrations).
    await head.call('PUT', `/api/years/${year.id}/award-rules`, {
      rules: [
        {
          awardCode: 'co-thi-dua',
          awardName: 'Cờ thi đua',
          places: 1,
          requiresRegistration: false,
          minScore: null,
        },
        {
          awardCode: 'bang-khen',
          awardName: 'Bằng khen',
          places: 2,
          requiresRegistration: false,
          minScore: null,
        },
      ],
    });

    const page = await journey.newPage();
    await browserLogin(page, base, 'bqlkkt.canbo');
    await page.goto(`${base}/years/${year.id}/nominations`);
    await page.getByTestId('award-rules').waitFor();
    await page.getByTestId('nom-draft').click();
    const lines = page.getByTestId('nom-lines');
    await lines.getByText('Xếp hạng 1/7').waitFor();
    expect(await lines.locator('tbody tr').count()).toBe(3);

    await lines.locator('[data-testid^="remove-"]').last().click();
    const reason = 'Đơn vị tự nguyện nhường suất cho đơn vị bạn.';
    await page.getByTestId('reason-text').fill('ngắn');
    await page.getByTestId('reason-ok').click();
    await page
      .getByText('Lý do (mọi đơn vị thành viên đều đọc được) phải có ít nhất 10 ký tự', { exact: false })
      .or(page.locator('.ant-form-item-explain-error'))
      .first()
      .waitFor();
    await page.getByTestId('reason-text').fill(reason);
    await page.getByTestId('reason-ok').click();
    await lines.getByText(reason).waitFor();
    await page.screenshot({ path: 'test-results/nominations-head.png', fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(150);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: 'test-results/nominations-head-phone.png', fullPage: true });

    // The ranking gains the "Đề nghị khen thưởng" column.
    const results = await head.call('GET', `/api/years/${year.id}/nominations`);
    expect(results.round).not.toBeNull();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${base}/rounds/${results.round.id}/results`);
    await page.getByTestId('ranking').getByText('Đề nghị khen thưởng').waitFor();

    const member = await journey.newPage();
    await member.setViewportSize({ width: 390, height: 844 });
    await browserLogin(member, base, 'stc.canbo');
    await member.goto(`${base}/years/${year.id}/nominations`);
    await member.getByTestId('nom-lines').getByText(reason).waitFor();
    expect(await member.getByTestId('nom-draft').count()).toBe(0);
    expect(
      await member.getByTestId('nom-not-proposed').getByText('Trưởng khối bỏ khỏi danh sách').count(),
    ).toBe(1);
    await member.screenshot({ path: 'test-results/nominations-phone.png', fullPage: true });
    expect(await sidewaysScroll(member)).toBeLessThanOrEqual(0);
  });
});
