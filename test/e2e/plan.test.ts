import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { hasSoffice } from '../../src/server/modules/plans/pdf';
import { demoFacts } from '../../src/server/testing/demo-facts';
import { docxText, readDocx } from '../../src/server/testing/docx';
import { browserAvailable, useJourney } from './browser';
import { browserLogin, openYearPlan } from './scoring-helpers';

const blocName = 'Khối thi đua các cơ quan Quản lý kinh tế thành phố';
const changedText = 'gửi báo cáo tổng kết năm (đã điều chỉnh hạn)';
const run = browserAvailable();

/** The body of a downloaded .docx: its XML and its text, one line per paragraph. */
async function docxAt(path: string): Promise<{ xml: string; text: string }> {
  const data = readFileSync(path);
  return { xml: (await readDocx(data)).document, text: await docxText(data) };
}

/** Waits for running CSS animations (modal, popover) so that screenshots show the settled page. */
const settle = (page: Page) =>
  page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => a))));

describe.skipIf(!run)('plan journey', () => {
  const journey = useJourney({ DEMO: 'seed' }); // replays 2024 from the seed plan's state;
  const newPage = journey.newPage;

  // Up to 3 minutes: the journey ends by having LibreOffice make the PDF (10–20 s on a busy 2-core machine).
  it(
    'the head edits the plan, acknowledges the warnings and publishes version 2; a member sees its tasks and the timeline and downloads the .docx and the PDF',
    { timeout: 180_000 },
    async () => {
      // 1. The head officer opens the published seed plan from the home year card.
      const head = await newPage();
      await browserLogin(head, journey.app().baseUrl, 'bqlkkt.canbo');
      const yearId = await openYearPlan(head, blocName);
      await head.getByTestId('plan-document').waitFor();
      await head.getByText('Đã ban hành · phiên bản 1').waitFor();
      const doc = await head.getByTestId('plan-document').innerText();
      for (const text of [
        'Số: 1192/KH-KTĐ',
        'Hải Phòng, ngày 20 tháng 3 năm 2024',
        'KẾ HOẠCH',
        'Quý IV/2024',
        'Trước ngày 08/12/2024',
        'hạn cuối: hết ngày 07/12/2024, giờ Việt Nam',
        'Bùi Ngọc Hải',
        'Nơi nhận:',
      ]) {
        expect(doc).toContain(text);
      }
      expect(await head.getByTestId('plan-milestone').count()).toBe(demoFacts.milestones);
      await head.screenshot({ path: 'test-results/e2e-plan.png', fullPage: true });

      // 2. The editor: the seed's own slip (07/6/2023 in a 2024 plan) is already a live warning.
      await head.getByTestId('plan-edit').click();
      await head.waitForURL(/\/plan\/edit$/);
      await head.getByTestId('live-warnings').waitFor();
      const before = await head.getByTestId('live-warnings').innerText();
      expect(before).toContain('không thuộc năm 2024');
      expect(before).toContain('Kế hoạch có 2 cảnh báo'); // outside the year, and before the issue date
      // Move the Q4 deadline (score sheets and year-end report) into September: outside its quarter.
      const row = head.getByTestId('milestone-10');
      const date = head.locator('#plan_milestones_10_deadlineDate');
      await date.click();
      await date.fill('08/09/2024');
      await date.press('Enter');
      await row
        .getByTestId('deadline-help')
        .filter({ hasText: 'Trước ngày 08/09/2024 — hạn cuối: hết ngày 07/09/2024, giờ Việt Nam' })
        .waitFor();
      await row
        .getByTestId('milestone-warning')
        .filter({ hasText: 'nằm ngoài quý (thuộc Quý III/2024)' })
        .waitFor();
      await head
        .locator('#plan_milestones_10_description')
        .fill(
          `Các đơn vị trong Khối ${changedText} và bảng chấm điểm về Ban Quản lý Khu kinh tế Hải Phòng {deadline}.`,
        );
      await head.getByTestId('live-warnings').filter({ hasText: 'Kế hoạch có 3 cảnh báo' }).waitFor();
      await head.getByTestId('quarter-4').scrollIntoViewIfNeeded();
      await head.screenshot({ path: 'test-results/e2e-plan-editor.png' });

      // 3. Publish: the modal lists the three warnings; publishing waits until each is acknowledged.
      await head.getByTestId('editor-publish').click();
      await head.getByTestId('publish-modal').waitFor();
      const warnings = head.getByTestId('publish-warning');
      await warnings.nth(2).waitFor();
      expect(await warnings.count()).toBe(3);
      expect(await head.getByTestId('publish-modal').innerText()).toContain('nằm ngoài quý');
      expect(await head.getByTestId('publish-confirm').isDisabled()).toBe(true);
      await settle(head);
      await head.screenshot({ path: 'test-results/e2e-plan-publish.png' });
      for (let i = 0; i < 3; i++) await warnings.nth(i).locator('input[type=checkbox]').check();
      // The plan goes out in the head unit's leader's name: the officer sends it to the leader, who approves.
      expect(await head.getByTestId('publish-confirm').innerText()).toContain('Gửi Lãnh đạo duyệt');
      await head.getByTestId('publish-confirm').click();
      await head.getByText('Đã gửi đề nghị').waitFor();
      const leader = await newPage();
      await browserLogin(leader, journey.app().baseUrl, 'bqlkkt.lanhdao');
      await leader.goto(`${journey.app().baseUrl}/years/${yearId}/plan`);
      const request = leader.getByTestId('approval-item').filter({ hasText: 'Ban hành kế hoạch' });
      await request.getByTestId('approval-approve').click();
      await leader.getByText('Đã ban hành · phiên bản 2').waitFor();
      await head.goto(`${journey.app().baseUrl}/years/${yearId}/plan`);
      await head.getByText('Đã ban hành · phiên bản 2').waitFor();
      expect(await head.getByTestId('plan-document').innerText()).toContain(changedText);

      // 4. The progress board; the head urges the member unit.
      await head.getByTestId('plan-tab-board').click();
      await head.waitForURL(/\/board$/);
      await head.getByTestId('task-board').waitFor();
      const stcRow = head.locator('tr', { hasText: 'Sở Tài chính' });
      await stcRow.getByTestId('urge-unit').click();
      await head.getByTestId('urge-send').click();
      await head.getByText(/Đã đôn đốc 1 đơn vị/).waitFor();
      await head.screenshot({ path: 'test-results/e2e-board.png', fullPage: true });

      // 5. A member officer: its tasks (a report upload completes one), the timeline, the .docx.
      const member = await newPage();
      await browserLogin(member, journey.app().baseUrl, 'stc.canbo');
      await member.getByTestId('notification-count').filter({ hasText: /\d/ }).waitFor();
      await member.goto(`${journey.app().baseUrl}/years/${yearId}/tasks`);
      await member.getByTestId('my-tasks').waitFor();
      const tasks = await member.getByTestId('my-tasks').innerText();
      expect(tasks).toContain('Gửi báo cáo tổng kết và bảng chấm điểm năm 2024');
      expect(tasks).toContain('Trước ngày 08/09/2024');
      const midYear = member.locator('tr', { hasText: 'Báo cáo sơ kết 6 tháng' }).first();
      expect(await midYear.getByTestId('task-state').getAttribute('data-state')).toBe('overdue');
      await midYear.locator('input[type=file]').setInputFiles({
        name: 'bao-cao-so-ket-6-thang.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.4\n% báo cáo sơ kết\n'),
      });
      await member
        .getByText(/Đã nhận báo cáo bao-cao-so-ket-6-thang\.pdf; 1 nhiệm vụ đã hoàn thành/)
        .waitFor();
      await midYear.getByTestId('task-report-file').waitFor();
      expect(await midYear.getByTestId('task-state').getAttribute('data-state')).toBe('done');
      expect(await midYear.innerText()).toContain('khi tải báo cáo lên');
      await member.screenshot({ path: 'test-results/e2e-tasks.png', fullPage: true });

      // The head's mid-year report names the unit as late (the seed plan's deadline is in 2023); the zip of
      // the units' reports holds its file beside the table of contents.
      await head.goto(`${journey.app().baseUrl}/years/${yearId}/board`);
      await head.getByTestId('bloc-reports').waitFor();
      await head.getByTestId('bloc-reports').screenshot({ path: 'test-results/e2e-bloc-reports.png' });
      const [blocReport] = await Promise.all([
        head.waitForEvent('download'),
        head.getByTestId('bloc-report-mid-year').click(),
      ]);
      const report = await docxAt(await blocReport.path());
      expect(report.text).toContain('Sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm 2024');
      expect(report.text).toContain('Đơn vị gửi muộn: Sở Tài chính.');
      const [zipDownload] = await Promise.all([
        head.waitForEvent('download'),
        head.getByTestId('unit-reports-zip-mid-year').click(),
      ]);
      const zip = await JSZip.loadAsync(readFileSync(await zipDownload.path()));
      expect(Object.keys(zip.files)).toEqual(
        expect.arrayContaining(['00-Muc-luc.xlsx', expect.stringMatching(/-So-Tai-chinh\.pdf$/)]),
      );

      await member.getByTestId('plan-tab-timeline').click();
      await member.waitForURL(/\/timeline$/);
      await member.getByTestId('today-marker').waitFor({ state: 'visible' });
      expect(await member.getByTestId('today-marker').innerText()).toMatch(/Hôm nay \d\d\/\d\d\/\d{4}/);
      expect(await member.getByTestId('timeline-card').count()).toBe(demoFacts.milestones);
      await member.screenshot({ path: 'test-results/e2e-timeline.png', fullPage: true });

      await member.getByTestId('plan-tab-plan').click();
      await member.getByText('Đã ban hành · phiên bản 2').waitFor();
      // The header names the governing body above the bloc, as the .docx does.
      expect(await member.getByTestId('plan-document').locator('header').innerText()).toMatch(
        /UBND THÀNH PHỐ HẢI PHÒNG\s+KHỐI THI ĐUA CÁC CƠ QUAN QUẢN LÝ KINH TẾ THÀNH PHỐ/,
      );
      const [download] = await Promise.all([
        member.waitForEvent('download'),
        member.getByTestId('plan-docx').click(),
      ]);
      const { xml, text } = await docxAt(await download.path());
      expect(xml).toContain('KẾ HOẠCH');
      expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      expect(text).toContain(changedText);
      expect(text).toContain('trước ngày 08/9/2024');
      // The PDF button is offered only when the server can make PDFs (LibreOffice; CI installs it).
      const pdfButton = member.getByTestId('plan-pdf');
      if (await hasSoffice()) {
        await expect.poll(() => pdfButton.isEnabled(), { timeout: 60_000 }).toBe(true);
        expect(await pdfButton.getAttribute('href')).toMatch(/\/document\.pdf\?version=2$/);
        // The button fetches the PDF and says so while LibreOffice makes it; then the browser saves it.
        const [pdf] = await Promise.all([
          member.waitForEvent('download', { timeout: 120_000 }),
          pdfButton.click(),
        ]);
        expect(pdf.suggestedFilename()).toMatch(/^Kế hoạch thi đua năm \d{4}\.pdf$/);
        expect(
          readFileSync(await pdf.path())
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
      } else {
        await expect.poll(() => pdfButton.isDisabled(), { timeout: 10_000 }).toBe(true);
      }
    },
  );

  it('a member reads its notifications and its calendar URL (copy, rotate); the admin reads the outbox', async () => {
    const member = await newPage();
    await browserLogin(member, journey.app().baseUrl, 'stc.canbo');
    await member.getByTestId('notification-bell').click();
    await member.getByTestId('notification-panel').waitFor();
    await member.getByTestId('notification-item').filter({ hasText: 'Đôn đốc' }).first().waitFor();
    await settle(member);
    await member.screenshot({ path: 'test-results/e2e-notifications.png' });
    await member.getByTestId('notif-read-all').click();
    await member.getByTestId('notification-count').locator('.ant-badge-count').waitFor({ state: 'detached' });

    await member.goto(`${journey.app().baseUrl}/notifications/settings`);
    const url = member.getByTestId('calendar-url');
    await url.waitFor();
    const first = await url.inputValue();
    expect(first).toMatch(/\/api\/calendar\/[\w-]{20,}\.ics$/);
    const ics = await fetch(first);
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
    await member.getByTestId('pref-urge').click();
    await member.getByTestId('pref-save').click();
    await member.getByText('Đã lưu', { exact: true }).waitFor();
    await member.getByTestId('calendar-rotate').click();
    await member.locator('.ant-popconfirm').getByRole('button', { name: 'Đổi địa chỉ mới' }).click();
    await member.getByText('Đã đổi địa chỉ lịch').waitFor();
    expect(await url.inputValue()).not.toBe(first);
    expect((await fetch(first)).status).toBe(404);
    await settle(member);
    await member.screenshot({ path: 'test-results/e2e-notification-settings.png', fullPage: true });

    const admin = await newPage();
    await browserLogin(admin, journey.app().baseUrl, 'admin');
    await admin.goto(`${journey.app().baseUrl}/admin/outbox`);
    await admin.getByTestId('outbox').waitFor();
    await admin.getByText(/Chưa cấu hình máy chủ thư \(SMTP\)/).waitFor();
    await admin.getByTestId('outbox').locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    await settle(admin);
    await admin.screenshot({ path: 'test-results/e2e-outbox.png', fullPage: true });
  });
});
