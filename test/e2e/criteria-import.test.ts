import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { demoFacts } from '../../src/server/testing/demo-facts';
import { browserAvailable, useJourney } from './browser';
import { apiLogin, browserLogin } from './scoring-helpers';

const run = browserAvailable();

/** A criteria sheet as a province circulates it: titles above, the header on row 5, a total row. */
async function provincialSheet(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('Bảng điểm');
  ws.getCell('A1').value = 'KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ KINH TẾ';
  ws.mergeCells('A1:D1');
  ws.getCell('A3').value = 'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2024';
  ws.mergeCells('A3:D3');
  const rows: (string | number)[][] = [
    ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Ghi chú'],
    ['I', 'Công tác tuyên truyền', 60, ''],
    ['1', 'Tuyên truyền chủ trương', 30, ''],
    ['2', 'Bảo vệ môi trường', 30, ''],
    ['II', 'Công tác thi đua, khen thưởng', 40, ''],
    ['1', 'Xây dựng kế hoạch', 40, ''],
    ['III', 'Điểm thưởng', 5, ''],
    ['1', 'Sáng kiến', 5, ''],
    ['', 'Tổng cộng', 100, ''],
  ];
  rows.forEach((r, i) => (ws.getRow(5 + i).values = r));
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe.skipIf(!run)('criteria import preview', () => {
  const journey = useJourney();

  it('the head reads a provincial sheet, checks every section kind in the preview, changes one, then saves', async () => {
    const base = journey.app().baseUrl;
    const headApi = await apiLogin(base, 'bqlkkt.canbo');
    const yearId: string = (await headApi.call('GET', '/api/home')).years[0].id;
    const page = await journey.newPage();
    await browserLogin(page, base, 'bqlkkt.canbo');
    await page.goto(`${base}/years/${yearId}/criteria`);
    await page.getByTestId('criteria-table').waitFor();
    await page.locator('input[type=file]').setInputFiles({
      name: 'bang-cham-diem.xlsx',
      mimeType: 'application/octet-stream',
      buffer: await provincialSheet(),
    });
    const preview = page.getByTestId('criteria-preview');
    await preview.waitFor();
    const sections = preview.getByTestId('criteria-preview-sections');
    // Whole phrases decide: "tuyên truyền" and "môi trường" are not deductions; "Điểm thưởng" is a bonus.
    expect(await sections.innerText()).toContain('Công tác tuyên truyền');
    expect(await page.getByTestId('preview-kind-I').innerText()).toContain('Tiêu chí');
    expect(await page.getByTestId('preview-kind-II').innerText()).toContain('Tiêu chí');
    expect(await page.getByTestId('preview-kind-III').innerText()).toContain('Điểm thưởng');
    expect(await preview.innerText()).toContain('105,00');
    await page.screenshot({ path: 'test-results/e2e-criteria-preview.png' });
    // The head decides section III is a deduction section after all.
    await page.getByTestId('preview-kind-III').click();
    await page.locator('.ant-select-dropdown').getByText('Điểm trừ', { exact: true }).click();
    // The total follows on the next render: wait for it rather than read the page at once.
    await expect.poll(() => preview.innerText()).toContain('100,00');
    // Nothing was saved by reading the file.
    expect((await headApi.call('GET', `/api/years/${yearId}/criteria`)).set.leafCount).toBe(demoFacts.leaves);
    await page.getByTestId('criteria-preview-save').click();
    await page.getByText('Đã nhập bảng tiêu chí từ tệp').waitFor();
    const set = (await headApi.call('GET', `/api/years/${yearId}/criteria`)).set;
    expect(set.tree.map((n: { code: string; kind: string }) => `${n.code}:${n.kind}`)).toEqual([
      'I:normal',
      'II:normal',
      'III:deduction',
    ]);
    expect(set.tree[2].children[0].kind).toBe('deduction');
  });
});
