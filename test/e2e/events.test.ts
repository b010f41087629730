import { describe, expect, it } from 'vitest';
import { instantToVn } from '../../src/domain/time';
import { testFiles } from '../../src/server/testing/files';
import { browserAvailable, useJourney } from './browser';
import { browserLogin, openYearPlan } from './scoring-helpers';

const blocName = 'Khối thi đua các cơ quan Quản lý kinh tế thành phố';
// The living demo's current year (its plan is the 2024 plan moved to this year): its conference task is open.
const year = instantToVn(new Date()).date.slice(0, 4);
const conference = `Hội nghị tổng kết phong trào thi đua năm ${year}`;
const run = browserAvailable();

describe.skipIf(!run)('events journey', () => {
  const journey = useJourney();

  it(
    'the head creates the year-end conference, it appears on the timeline, and attaching the minutes completes the plan task',
    { timeout: 120_000 },
    async () => {
      const head = await journey.newPage();
      const base = journey.app().baseUrl;
      await browserLogin(head, base, 'bqlkkt.canbo');
      const yearId = await openYearPlan(head, blocName);

      // The conference task is open before the event.
      await head.goto(`${base}/years/${yearId}/tasks`);
      const taskRow = head.getByTestId('my-tasks').locator('tr').filter({ hasText: conference });
      await expect.poll(() => taskRow.getByTestId('task-state').getAttribute('data-state')).not.toBe('done');

      // 1. The head creates the event from the Events tab, linked to the plan's conference item.
      await head.getByTestId('plan-tab-events').click();
      await head.waitForURL(/\/events$/);
      await head.getByTestId('event-create').click();
      await head.getByTestId('event-title').fill(conference);
      await head.getByTestId('event-date').fill(`${year}-12-20`);
      await head.getByTestId('event-start').fill('08:00');
      await head.getByTestId('event-end').fill('07:00');
      await head.getByTestId('event-save').click();
      await head.getByText('Kết thúc phải sau thời điểm bắt đầu').waitFor();
      await head.getByTestId('event-end').fill('11:30');
      await head.getByTestId('event-location').fill('Hội trường Ban Quản lý khu kinh tế');
      await head.getByTestId('event-milestone').click();
      await head.locator('.ant-select-item-option').filter({ hasText: conference }).click();
      await head.getByTestId('event-save').click();
      await head.waitForURL(/\/events\/[^/]+$/);
      await head.getByTestId('event-status').filter({ hasText: 'Đã lên lịch' }).waitFor();
      expect(await head.getByTestId('attendance').locator('tbody tr').count()).toBe(7);
      const eventUrl = head.url();

      // 2. It is on the plan's timeline, in the fourth quarter.
      await head.goto(`${base}/years/${yearId}/timeline`);
      const card = head.getByTestId('timeline-event').filter({ hasText: conference });
      await card.waitFor();
      expect(await card.innerText()).toContain(`20/12/${year} 08:00`);
      expect(await head.getByTestId('timeline-event-mark').count()).toBe(1);
      await head.screenshot({ path: 'test-results/e2e-events-timeline.png', fullPage: true });

      // 3. Attendance, then the minutes: an .exe named .pdf is refused, the real minutes complete the task.
      await head.goto(eventUrl);
      const stc = head.getByTestId('attendance').locator('tr').filter({ hasText: 'Sở Tài chính' });
      await stc.getByText('Có mặt').click();
      await head.getByText('Đã ghi nhận tham dự.').waitFor();
      const input = head.locator('input[type=file]');
      await input.setInputFiles({
        name: 'bien-ban.pdf',
        mimeType: 'application/pdf',
        buffer: testFiles.exe(),
      });
      await head.getByText(/không đúng định dạng/).waitFor();
      await input.setInputFiles({
        name: 'Biên bản hội nghị tổng kết.pdf',
        mimeType: 'application/pdf',
        buffer: testFiles.pdf('Biên bản'),
      });
      await head.getByTestId('event-file').filter({ hasText: 'Biên bản hội nghị tổng kết.pdf' }).waitFor();
      await head.getByTestId('event-status').filter({ hasText: 'Đã có biên bản' }).waitFor();
      await head.screenshot({ path: 'test-results/e2e-event.png', fullPage: true });

      await head.goto(`${base}/years/${yearId}/tasks`);
      await expect.poll(() => taskRow.getByTestId('task-state').getAttribute('data-state')).toBe('done');
      expect(await taskRow.innerText()).toContain('khi có biên bản sự kiện');
    },
  );

  it('a unit publishes an exemplary model, members find it without accents, the head marks it for the conference', async () => {
    const base = journey.app().baseUrl;
    const member = await journey.newPage();
    await browserLogin(member, base, 'stc.canbo');
    const yearId = await openYearPlan(member, blocName);
    await member.getByTestId('plan-tab-exemplars').click();
    await member.getByTestId('exemplar-new').click();
    await member.getByTestId('exemplar-title').fill('Mô hình “Dân vận khéo” trong thu ngân sách');
    await member.getByTestId('exemplar-field').fill('Cải cách hành chính');
    await member.getByTestId('exemplar-description').fill('Đưa dịch vụ công đến tận doanh nghiệp.');
    await member.getByTestId('exemplar-save').click();
    await member.getByTestId('exemplar').filter({ hasText: 'Dân vận khéo' }).waitFor();
    expect(await member.getByTestId('exemplar-mark').count()).toBe(0);

    const head = await journey.newPage();
    await browserLogin(head, base, 'bqlkkt.lanhdao');
    await head.goto(`${base}/years/${yearId}/exemplars`);
    const search = head.getByTestId('exemplar-search').locator('input');
    await search.fill('dan van KHEO');
    await search.press('Enter');
    await expect
      .poll(() => head.getByTestId('exemplar-title-text').allInnerTexts())
      .toEqual(['Mô hình “Dân vận khéo” trong thu ngân sách']);
    await search.fill('y tế');
    await search.press('Enter');
    await head.getByText('Chưa có điển hình nào.').waitFor();
    await search.fill('');
    await search.press('Enter');
    await head
      .getByTestId('exemplar')
      .filter({ hasText: 'Dân vận khéo' })
      .getByTestId('exemplar-mark')
      .click();
    const marked = head.getByTestId('exemplar').filter({ hasText: 'Dân vận khéo' });
    await marked.locator('.ant-tag').filter({ hasText: 'Trình bày tại hội nghị tổng kết' }).waitFor();
    await marked.locator('[data-testid=exemplar-mark][aria-checked=true]:not(.ant-switch-loading)').waitFor();
    await head.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => a))));
    await head.screenshot({ path: 'test-results/e2e-exemplars.png', fullPage: true });

    await member.reload();
    await member.getByText('Chỉ những điển hình trình bày tại hội nghị tổng kết').click();
    await expect
      .poll(() => member.getByTestId('exemplar-title-text').allInnerTexts())
      .toEqual(['Mô hình “Dân vận khéo” trong thu ngân sách']);
  });
});
