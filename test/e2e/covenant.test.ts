import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { paragraphs, readDocx } from '../../src/server/testing/docx';
import { browserAvailable, useJourney } from './browser';
import { browserLogin, unitCodes, openYearPlan } from './scoring-helpers';

const blocName = 'Khối thi đua các cơ quan Quản lý kinh tế thành phố';
const run = browserAvailable();
const commitment = 'Hoàn thành xuất sắc nhiệm vụ chính trị năm 2024 của đơn vị.';

/** The paragraphs of a .docx body, runs joined. */
async function docxParagraphs(path: string): Promise<string[]> {
  return paragraphs((await readDocx(readFileSync(path))).document);
}

const settle = (page: Page) =>
  page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => a))));

describe.skipIf(!run)('covenant journey', () => {
  const journey = useJourney({ DEMO: 'seed' }); // the 2024 covenant, before anyone signed;

  it(
    'the head drafts and its leader publishes; every unit’s leader signs; the .docx carries every signature and the covenant tasks are done',
    { timeout: 240_000 },
    async () => {
      const base = journey.app().baseUrl;
      // 1. The head officer drafts the covenant from the plan's tabs.
      const head = await journey.newPage();
      await browserLogin(head, base, 'bqlkkt.canbo');
      const yearId = await openYearPlan(head, blocName);
      await head.getByTestId('plan-tab-covenant').click();
      await head.waitForURL(/\/covenant$/);
      await head.getByTestId('covenant-editor').waitFor();
      await head
        .getByTestId('covenant-body')
        .fill('Các đơn vị trong Khối thống nhất ký kết giao ước thi đua năm 2024.');
      await head.getByTestId('covenant-commitments').locator('textarea').first().fill(commitment);
      await head.getByTestId('covenant-save').click();
      await head.getByText('Đã lưu dự thảo.').waitFor();
      // The officer prepares; publishing is its leader's.
      expect(await head.getByTestId('covenant-publish').count()).toBe(0);

      // 2. The head's leader publishes the final text.
      const leader = await journey.newPage();
      await browserLogin(leader, base, 'bqlkkt.lanhdao');
      await leader.goto(`${base}/years/${yearId}/covenant`);
      await leader.getByTestId('covenant-publish').click();
      await leader
        .getByRole('button', { name: 'OK' })
        .or(leader.getByRole('button', { name: 'Đồng ý' }))
        .first()
        .click();
      await leader.getByTestId('covenant-hash').waitFor();
      const hash = (await leader.getByTestId('covenant-hash').innerText()).trim();
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(await leader.getByTestId('covenant-published').innerText()).toContain(commitment);
      await leader.close();

      // 3. Every unit's leader signs, seeing the hash in the confirmation; its covenant task is done.
      for (const [i, code] of unitCodes.entries()) {
        const page = await journey.newPage();
        await browserLogin(page, base, `${code}.lanhdao`);
        await page.goto(`${base}/years/${yearId}/covenant`);
        await page.getByTestId('covenant-sign').click();
        expect((await page.getByTestId('covenant-sign-hash').innerText()).trim()).toBe(hash);
        if (i === 0) {
          await settle(page);
          await page.screenshot({ path: 'test-results/e2e-covenant-sign.png' });
        }
        await page.getByTestId('covenant-sign-ok').click();
        await page.getByText('Đơn vị đã ký giao ước.').waitFor();
        await page
          .getByTestId('covenant-signed-count')
          .filter({ hasText: `Đã ký ${i + 1}/7 đơn vị` })
          .waitFor();
        expect(await page.getByTestId('covenant-sign').count()).toBe(0);
        await page.goto(`${base}/years/${yearId}/tasks`);
        const row = page
          .getByTestId('my-tasks')
          .locator('tr', { hasText: 'Ký kết giao ước thi đua năm 2024' });
        await row.locator('[data-testid="task-state"][data-state="done"]').waitFor();
        expect(await row.innerText()).toContain('khi ký giao ước thi đua');
        await page.close();
      }

      // 4. The head sees every signature and downloads the .docx with the signing record.
      await head.reload();
      await head.getByText('Tất cả đơn vị đã ký', { exact: false }).waitFor();
      expect(
        await head
          .getByTestId('covenant-signatures')
          .locator('tbody tr')
          .filter({ hasText: 'Đã ký' })
          .count(),
      ).toBe(7);
      await head.screenshot({ path: 'test-results/e2e-covenant.png', fullPage: true });
      const [download] = await Promise.all([
        head.waitForEvent('download'),
        head.getByTestId('covenant-download').click(),
      ]);
      expect(download.suggestedFilename()).toBe('Giao ước thi đua năm 2024.docx');
      const text = await docxParagraphs(await download.path());
      expect(text).toContain('GIAO ƯỚC THI ĐUA');
      expect(text).toContain(`1. ${commitment}`);
      expect(text.some((p) => p.includes(hash) && p.includes('Đã ký: 7/7 đơn vị'))).toBe(true);
      expect(text.filter((p) => p.startsWith('Đã ký trên ThiĐua lúc'))).toHaveLength(7);
      expect(text.filter((p) => p === hash.slice(0, 12))).toHaveLength(7);
      expect(text.filter((p) => p.startsWith('TM. '))).toHaveLength(7);
    },
  );
});
