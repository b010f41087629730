import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserAvailable, useJourney } from './browser';
import { browserLogin, openYearPlan } from './scoring-helpers';

const blocName = 'Khối thi đua các cơ quan Quản lý kinh tế thành phố';
const run = browserAvailable();

/** Confirms the open Popconfirm (its primary button). */
const confirm = (page: Page) => page.locator('.ant-popconfirm .ant-btn-primary').click();

describe.skipIf(!run)('registration journey', () => {
  const journey = useJourney({ DEMO: 'seed' }); // 2024 in progress: the registration task is still open;

  it(
    'a unit registers and its leader sends it; the head returns it, it is sent again and accepted; the unit’s plan task is done',
    { timeout: 180_000 },
    async () => {
      const base = journey.app().baseUrl;
      // 1. Sở Tài chính's officer opens the registration tab from the year's plan and saves a draft.
      const officer = await journey.newPage();
      await browserLogin(officer, base, 'stc.canbo');
      const yearId = await openYearPlan(officer, blocName);
      await officer.goto(`${base}/years/${yearId}/tasks`);
      const openTask = officer.getByTestId('my-tasks').locator('tr').filter({ hasText: 'Đăng ký danh hiệu' });
      expect(await openTask.getByTestId('task-state').getAttribute('data-state')).not.toBe('done');
      await officer.goto(`${base}/years/${yearId}/plan`);
      await officer.getByTestId('plan-tab-registration').click();
      await officer.waitForURL(/\/registration$/);
      await officer.getByTestId('reg-item-co-thi-dua').click();
      await officer.getByTestId('reg-item-cstd-thanh-pho').click();
      await officer.getByTestId('reg-nominee-cstd-thanh-pho').fill('Nguyễn Văn An');
      await officer
        .getByTestId('reg-commitments')
        .fill('Hoàn thành xuất sắc nhiệm vụ chính trị năm 2024; không có cán bộ vi phạm kỷ luật.');
      await officer.getByTestId('reg-save').click();
      await officer.getByText('Đã lưu nháp đăng ký').waitFor();
      await officer.getByTestId('reg-status').filter({ hasText: 'Nháp' }).waitFor();
      // The officer drafts; only the leader sends.
      expect(await officer.getByTestId('reg-submit').count()).toBe(0);
      await officer.getByText('lãnh đạo đơn vị gửi đăng ký').waitFor();

      // 2. The leader sends it.
      const leader = await journey.newPage();
      await browserLogin(leader, base, 'stc.lanhdao');
      await leader.goto(`${base}/years/${yearId}/registration`);
      await leader.getByTestId('reg-status').filter({ hasText: 'Nháp' }).waitFor();
      expect(await leader.getByTestId('reg-item-co-thi-dua').isChecked()).toBe(true);
      await leader.getByTestId('reg-submit').click();
      await confirm(leader);
      await leader.getByTestId('reg-status').filter({ hasText: 'Đã gửi' }).waitFor();

      // 3. The head's secretariat sees it sent and returns it with a reason.
      const head = await journey.newPage();
      await browserLogin(head, base, 'bqlkkt.canbo');
      await head.goto(`${base}/years/${yearId}/registration`);
      const row = head.locator('[data-testid^="reg-row-"]').filter({ hasText: 'Sở Tài chính' });
      await row.getByTestId('reg-status').filter({ hasText: 'Đã gửi' }).waitFor();
      expect(await head.locator('[data-testid^="reg-row-"]').count()).toBe(7);
      await row.locator('[data-testid^="reg-return-"]').click();
      await head
        .getByTestId('reg-return-reason-input')
        .fill('Đề nghị bổ sung cam kết về cải cách hành chính.');
      await head.getByTestId('reg-return-ok').click();
      await row.getByTestId('reg-status').filter({ hasText: 'Trả lại' }).waitFor();

      // 4. The leader reads the reason, completes the commitments and sends it again.
      await leader.reload();
      await leader.getByTestId('reg-return-reason').filter({ hasText: 'cải cách hành chính' }).waitFor();
      await leader
        .getByTestId('reg-commitments')
        .fill(
          'Hoàn thành xuất sắc nhiệm vụ chính trị năm 2024; hoàn thành cải cách hành chính đúng hạn; không có cán bộ vi phạm kỷ luật.',
        );
      await leader.getByTestId('reg-submit').click();
      await confirm(leader);
      await leader.getByTestId('reg-status').filter({ hasText: 'Đã gửi' }).waitFor();

      // 5. The head accepts it.
      await head.reload();
      await row.getByTestId('reg-status').filter({ hasText: 'Đã gửi' }).waitFor();
      await row.locator('[data-testid^="reg-accept-"]').click();
      await confirm(head);
      await row.getByTestId('reg-status').filter({ hasText: 'Đã nhận' }).waitFor();
      await head.screenshot({ path: 'test-results/e2e-registration-head.png', fullPage: true });

      // 6. The unit's registration task is done without anyone ticking it.
      await officer.goto(`${base}/years/${yearId}/tasks`);
      const task = officer.getByTestId('my-tasks').locator('tr').filter({ hasText: 'Đăng ký danh hiệu' });
      await task.getByTestId('task-state').and(officer.locator('[data-state="done"]')).waitFor();
      await officer.goto(`${base}/years/${yearId}/registration`);
      await officer.getByTestId('reg-status').filter({ hasText: 'Đã nhận' }).waitFor();
      await officer.screenshot({ path: 'test-results/e2e-registration-unit.png', fullPage: true });

      // 7. The city board keeps the catalogue: the demo year's own list, editable by the board only.
      const board = await journey.newPage();
      await browserLogin(board, base, 'ban-tdkt');
      await board.getByRole('link', { name: 'Danh mục danh hiệu' }).click();
      await board.goto(`${base}/catalogue?year=2024`);
      await board.getByText('Danh mục riêng của năm 2024.').waitFor();
      await board.getByTestId('cat-save').waitFor();
      await board.screenshot({ path: 'test-results/e2e-registration-catalogue.png', fullPage: true });
      await officer.goto(`${base}/catalogue?year=2025`);
      await officer.getByText('đang dùng danh mục năm 2024').waitFor();
      expect(await officer.getByTestId('cat-save').count()).toBe(0);
    },
  );
});
