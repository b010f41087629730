import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { browserAvailable, useJourney } from './browser';
import { apiLogin, browserLogin } from './scoring-helpers';

const run = browserAvailable();
// The journey's own data directory, so that the test can add the nomination line the nominations module drafts.
const dataDir = mkdtempSync(join(tmpdir(), 'thidua-e2e-proposal-'));

describe.skipIf(!run)('the proposal to the Council', () => {
  // The living demo with 2024 finished by its scores only (its own proposal was decided): results published.
  const journey = useJourney({ DATA_DIR: dataDir, DEMO: 'scores' });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('the head records the proposal as sent, the board records the decision with its file, the unit and the public see the award', async () => {
    const base = journey.app().baseUrl;
    const officer = await apiLogin(base, 'bqlkkt.canbo');
    const home = await officer.call('GET', '/api/home');
    const y2024 = home.years.find((y: { year: number }) => y.year === 2024);
    const year = await officer.call('GET', `/api/years/${y2024.id}`);
    const stc = year.members.find((m: { code: string }) => m.code === 'stc').id;
    const db = new SQLite(join(dataDir, 'thidua.sqlite'));
    db.pragma('busy_timeout = 5000');
    db.prepare(
      `INSERT INTO nominations (id, year_id, unit_id, award_code, award_name, position, rank, score_text, origin,
        included, reason, created_at) VALUES (?, ?, ?, 'co-thi-dua', 'Cờ thi đua của UBND thành phố', 1, 1,
        '95,00', 'rule', 1, 'Xếp hạng 1, đã đăng ký Cờ thi đua', ?)`,
    ).run(randomUUID(), y2024.id, stc, new Date().toISOString());
    db.close();

    // The head's leader downloads the letter and records it as sent.
    const head = await journey.newPage();
    await browserLogin(head, base, 'bqlkkt.lanhdao');
    await head.goto(`${base}/years/${y2024.id}/proposal`);
    const download = head.waitForEvent('download');
    await head.getByRole('link', { name: 'Tờ trình (.docx)' }).click();
    expect((await download).suggestedFilename()).toBe('Tờ trình đề nghị khen thưởng năm 2024.docx');
    await head.getByTestId('proposal-send').click();
    await head.getByLabel('Số, ký hiệu tờ trình').fill('25/TTr-KTĐ');
    await head.getByLabel('Ngày gửi').fill('2024-12-25');
    await head.getByTestId('send-save').click();
    await head.getByText('Tờ trình số 25/TTr-KTĐ ngày 25/12/2024').waitFor();
    await head.screenshot({ path: 'test-results/e2e-proposal-sent.png', fullPage: true });

    // A board user records the Council's decision with its file; the proposal is decided.
    const board = await journey.newPage();
    await browserLogin(board, base, 'ban-tdkt');
    await board.goto(`${base}/years/${y2024.id}/proposal`);
    await board.getByRole('button', { name: 'Ghi nhận quyết định' }).click();
    await board.getByLabel('Số quyết định').fill('123/QĐ-UBND');
    await board.getByLabel('Ngày quyết định').fill('2025-02-14');
    const pdf = join(dataDir, 'Quyết định 123.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    await board.getByLabel('Chọn tệp').setInputFiles(pdf);
    await board.getByTestId('decision-save').click();
    await board.getByText('Đã có quyết định').waitFor();
    await board.getByText('Quyết định 123.pdf').waitFor();
    await board.screenshot({ path: 'test-results/e2e-proposal-decided.png', fullPage: true });

    // The unit's history shows the award.
    const unit = await journey.newPage();
    await browserLogin(unit, base, 'stc.canbo');
    await unit.goto(`${base}/units/${stc}/awards`);
    await unit.getByText('QĐ số 123/QĐ-UBND ngày 14/02/2025').waitFor();

    // The public page, on a phone, without signing in.
    const phone = await journey.newPage();
    await phone.setViewportSize({ width: 360, height: 740 });
    const url = `${base}/public/blocs/${year.blocId}/years/2024`;
    await phone.goto(url);
    await phone.getByText('Cờ thi đua của UBND thành phố').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.screenshot({ path: 'test-results/e2e-public-results.png', fullPage: true });

    // The board switches the page off on the blocs page.
    await board.goto(`${base}/admin/blocs`);
    const switched = board.waitForResponse((r) => r.url().endsWith('/public-results'));
    await board.getByTestId(`public-${year.blocId}`).click();
    expect((await switched).status()).toBe(200);
    await board.screenshot({ path: 'test-results/e2e-blocs-public-switch.png' });
    // (A browser may keep the page up to its max-age of 60 s; a fresh request gets the 404.)
    expect((await fetch(url)).status).toBe(404);
  });
});
