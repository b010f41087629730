import { describe, expect, it } from 'vitest';
import { leaves, type CriterionNode } from '../../src/domain/criteria';
import { formatHundredths, hundredthsToInput } from '../../src/domain/points';
import { browserAvailable, useJourney } from './browser';
import { apiLogin, browserLogin } from './scoring-helpers';

const run = browserAvailable();

describe.skipIf(!run)('score grid: nothing typed is lost', () => {
  const journey = useJourney();

  it('saves the valid cells of a column that holds an invalid one, keeps the invalid text, and asks before leaving', async () => {
    const base = journey.app().baseUrl;
    const headApi = await apiLogin(base, 'bqlkkt.canbo');
    const yearId: string = (await headApi.call('GET', '/api/home')).years[0].id;
    const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const round = await headApi.call('POST', `/api/years/${yearId}/rounds`, {
      kind: 'year-end',
      title: 'Chấm điểm thử',
      deadlineAt: deadline,
      latePolicy: 'refuse',
      missingPolicy: 'wait-all',
    });
    const tree: CriterionNode[] = (await headApi.call('GET', `/api/years/${yearId}/criteria`)).set.tree;
    const stcApi = await apiLogin(base, 'stc.canbo');
    const stc: string = (await stcApi.call('GET', '/api/auth/me')).unitId;
    const normal = leaves(tree).filter((l) => l.kind === 'normal');
    const [a, b, c] = normal as [CriterionNode, CriterionNode, CriterionNode];

    const page = await journey.newPage();
    await browserLogin(page, base, 'stc.canbo');
    await page.goto(`${base}/rounds/${String(round.id)}/sheets`);
    const cell = (leaf: CriterionNode) => page.getByTestId(`cell-${leaf.id}-${stc}`);
    // Valid, invalid (above the maximum), valid — in one column.
    await cell(a).fill(hundredthsToInput(a.maxPoints));
    await cell(b).fill(hundredthsToInput(b.maxPoints + 200));
    await cell(c).fill(hundredthsToInput(c.step));
    await page.getByTestId(`invalid-${stc}`).waitFor();
    // The error count and a way to the first error stay in the header above the grid.
    expect(await page.getByTestId('error-count').innerText()).toBe('1 ô sai');
    await page.getByTestId('first-error').click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      `cell-${b.id}-${stc}`,
    );
    // The subtotal and total count the valid cells only.
    await page
      .getByTestId(`sheet-head-${stc}`)
      .getByText(/Đã lưu lúc/)
      .waitFor();
    expect(await page.getByTestId(`total-${stc}`).innerText()).toBe(formatHundredths(a.maxPoints + c.step));
    await page.screenshot({ path: 'test-results/e2e-grid-invalid-cell.png' });

    // Reload: the valid cells come from the server, the invalid text from this browser, still marked.
    await page.reload();
    await cell(a).waitFor();
    expect(await cell(a).inputValue()).toBe(hundredthsToInput(a.maxPoints));
    expect(await cell(c).inputValue()).toBe(hundredthsToInput(c.step));
    expect(await cell(b).inputValue()).toBe(hundredthsToInput(b.maxPoints + 200));
    expect(await cell(b).getAttribute('aria-invalid')).toBe('true');
    const mine = await stcApi.call('GET', `/api/rounds/${String(round.id)}/my-sheets`);
    const self = mine.sheets.find((s: { isSelf: boolean }) => s.isSelf);
    expect(self.scores).toEqual({ [a.id]: a.maxPoints, [c.id]: c.step });

    // Leaving inside the app with an invalid cell asks first; staying keeps the page.
    await page.getByRole('link', { name: 'Trang chủ' }).click();
    await page.getByTestId('leave-ok').waitFor();
    await page.getByRole('button', { name: 'Ở lại sửa' }).click();
    expect(page.url()).toContain('/sheets');
    // Fixed, the cell is saved and leaving no longer asks.
    await cell(b).fill(hundredthsToInput(b.maxPoints));
    await page
      .getByTestId(`sheet-head-${stc}`)
      .getByText(/Đã lưu lúc/)
      .waitFor();
    await page.getByRole('link', { name: 'Trang chủ' }).click();
    await page.waitForURL(`${base}/`);
    const after = await stcApi.call('GET', `/api/rounds/${String(round.id)}/my-sheets`);
    expect(after.sheets.find((s: { isSelf: boolean }) => s.isSelf).scores[b.id]).toBe(b.maxPoints);
  });
});
