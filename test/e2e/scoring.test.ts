import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { leaves, sheetTotals, type CriterionNode } from '../../src/domain/criteria';
import { formatHundredths, hundredthsToInput } from '../../src/domain/points';
import { demoFacts } from '../../src/server/testing/demo-facts';
import { docxText } from '../../src/server/testing/docx';
import { browserAvailable, useJourney } from './browser';
import { apiLogin, browserLogin, fullScores, unitCodes, vnDatePlusDays } from './scoring-helpers';

const blocName = 'Khối thi đua các cơ quan Quản lý kinh tế thành phố';
const run = browserAvailable();

describe.skipIf(!run)('scoring journey', () => {
  const journey = useJourney();
  const newPage = journey.newPage;

  it('the head opens a round, units score (one by keyboard), the head closes and publishes, a member downloads the results', async () => {
    // 1. The head officer opens a round through the UI.
    const head = await newPage();
    await browserLogin(head, journey.app().baseUrl, 'bqlkkt.canbo');
    await head
      .getByTestId('year-card')
      .filter({ hasText: blocName })
      .first()
      .getByTestId('year-scoring')
      .click();
    await head.waitForURL(/\/years\/[^/]+\/scoring$/);
    const yearId = /\/years\/([^/]+)\/scoring/.exec(head.url())![1]!;
    await head.getByTestId('criteria-card').getByText('Bản dự thảo').waitFor();
    await head.screenshot({ path: 'test-results/e2e-hub-before.png', fullPage: true });
    // The draft criteria editor: the sample set, saved unchanged.
    await head.getByTestId('edit-criteria').click();
    await head.getByTestId('criteria-table').waitFor();
    expect(await head.locator('body').innerText()).toContain('105,00');
    await head.getByTestId('criteria-save').click();
    await head.getByText('Đã lưu', { exact: true }).waitFor();
    await head.screenshot({ path: 'test-results/e2e-criteria.png' });
    await head.goBack();
    await head.getByTestId('open-round').click();
    const date = head.locator('#round_deadlineDate');
    await date.click();
    await date.fill(vnDatePlusDays(30));
    await date.press('Enter');
    await head.getByText(/Hạn nộp: Trước ngày \d\d\/\d{1,2}\/\d{4} \(hạn cuối: hết ngày/).waitFor();
    await head.getByTestId('round-officer-may-submit').click();
    await head.getByTestId('round-submit').click();
    await head.getByTestId('go-progress').waitFor();
    expect(await head.locator('body').innerText()).toContain('hạn cuối: hết ngày');
    await head.screenshot({ path: 'test-results/e2e-hub.png', fullPage: true });

    const headApi = await apiLogin(journey.app().baseUrl, 'bqlkkt.canbo');
    const [round] = await headApi.call('GET', `/api/years/${yearId}/rounds`);
    const tree: CriterionNode[] = (await headApi.call('GET', `/api/years/${yearId}/criteria`)).set.tree;
    expect(leaves(tree)).toHaveLength(demoFacts.leaves);

    // 2. Six units fill and submit their sheets through the API (officer drafts, leader submits all).
    const unitIds: Record<string, string> = {};
    for (const code of unitCodes) {
      unitIds[code] = (
        await (await apiLogin(journey.app().baseUrl, `${code}.canbo`)).call('GET', '/api/auth/me')
      ).unitId;
    }
    const index = (unitId: string) => unitCodes.findIndex((c) => unitIds[c] === unitId);
    const fillDrafts = async (code: string, skipSelf: boolean) => {
      const officer = await apiLogin(journey.app().baseUrl, `${code}.canbo`);
      const mine = await officer.call('GET', `/api/rounds/${round.id}/my-sheets`);
      for (const s of mine.sheets) {
        if (skipSelf && s.isSelf) continue;
        const scores = fullScores(tree, index(s.scorerUnitId), index(s.scoredUnitId));
        await officer.call('PUT', `/api/sheets/${s.id}/draft`, { scores, revision: s.revision });
      }
    };
    for (const code of unitCodes.filter((c) => c !== 'stc')) {
      await fillDrafts(code, false);
      const leader = await apiLogin(journey.app().baseUrl, `${code}.lanhdao`);
      const done = await leader.call('POST', `/api/rounds/${round.id}/submit-all`);
      expect(done.submitted).toBe(demoFacts.units);
    }

    // 3. stc's officer scores its own sheet in the browser with the keyboard only.
    const officer = await newPage();
    await browserLogin(officer, journey.app().baseUrl, 'stc.canbo');
    await officer.goto(`${journey.app().baseUrl}/years/${yearId}/scoring`);
    await officer.getByTestId('go-score').click();
    await officer.waitForURL(/\/rounds\/[^/]+\/sheets$/);
    const stc = unitIds.stc!;
    const leafList = leaves(tree);
    const first = officer.getByTestId(`cell-${leafList[0]!.id}-${stc}`);
    await first.focus();
    await officer.keyboard.type('12');
    await officer
      .getByTestId('grid-errors')
      .getByText(/Mục I\.1\.a: điểm phải từ 0 đến 10/)
      .waitFor();
    expect(await first.getAttribute('aria-invalid')).toBe('true');
    await officer.keyboard.press('Control+A');
    const typed: Record<string, number> = {};
    for (const [i, leaf] of leafList.entries()) {
      const value =
        leaf.kind === 'normal'
          ? leaf.maxPoints - (i % 2) * leaf.step
          : leaf.kind === 'bonus'
            ? leaf.step * 2
            : 0;
      typed[leaf.id] = value;
      const text = hundredthsToInput(value);
      await officer.keyboard.type(i % 3 === 0 ? text.replace(',', '.') : text);
      await officer.keyboard.press(i % 2 === 0 ? 'Enter' : 'ArrowDown');
      if (i === 0) {
        expect(await officer.getByTestId(`total-${stc}`).innerText()).toBe(formatHundredths(value));
      }
    }
    expect(await officer.getByTestId(`total-${stc}`).innerText()).toBe(
      formatHundredths(sheetTotals(tree, typed).total),
    );
    await officer
      .getByTestId(`sheet-head-${stc}`)
      .getByText(/Đã lưu lúc \d\d:\d\d/)
      .waitFor();
    expect(await officer.getByTestId('grid-errors').count()).toBe(0);
    await officer.screenshot({ path: 'test-results/e2e-score-grid.png' });

    // Someone else saves the same sheet meanwhile: the next autosave is refused, never silently overwrites.
    const other = await apiLogin(journey.app().baseUrl, 'stc.canbo');
    const selfSheet = (await other.call('GET', `/api/rounds/${round.id}/my-sheets`)).sheets[0];
    const deductionLeaf = leafList.find((l) => l.kind === 'deduction')!;
    typed[deductionLeaf.id] = deductionLeaf.step;
    await other.call('PUT', `/api/sheets/${selfSheet.id}/draft`, {
      scores: typed,
      revision: selfSheet.revision,
    });
    await officer.getByTestId(`cell-${leafList[1]!.id}-${stc}`).focus();
    // A different value than the one saved (an unchanged sheet has nothing to save).
    await officer.keyboard.type(hundredthsToInput(leafList[1]!.maxPoints));
    await officer.getByTestId(`sheet-head-${stc}`).getByTestId('reload-conflict').click();
    await officer
      .getByTestId(`sheet-head-${stc}`)
      .getByText(/Đã lưu lúc/)
      .waitFor();
    expect(await officer.getByTestId(`cell-${deductionLeaf.id}-${stc}`).inputValue()).toBe(
      hundredthsToInput(deductionLeaf.step),
    );
    const expectedTotal = formatHundredths(sheetTotals(tree, typed).total);
    expect(await officer.getByTestId(`total-${stc}`).innerText()).toBe(expectedTotal);

    // The other six stc sheets are drafted through the API; the leader submits in the browser.
    await fillDrafts('stc', true);
    const leader = await newPage();
    await browserLogin(leader, journey.app().baseUrl, 'stc.lanhdao');
    await leader.goto(`${journey.app().baseUrl}/rounds/${String(round.id)}/sheets`);
    expect(await leader.getByTestId(`total-${stc}`).innerText()).toBe(expectedTotal);
    await leader.getByTestId('submit-all').click();
    const dialog = leader.getByRole('dialog');
    await dialog.getByText(expectedTotal, { exact: false }).first().waitFor();
    await leader.getByTestId('submit-all-ok').click();
    await leader.getByTestId('submitted-count').filter({ hasText: 'Đã nộp 7/7' }).waitFor();
    await leader.getByTestId(`submitted-${stc}`).waitFor();

    // 4. All 49 sheets are in. The head's officer asks to close; the head's leader closes. The officer
    //    asks to publish; the leader approves it from the home page, and the results are public.
    await head.goto(`${journey.app().baseUrl}/rounds/${String(round.id)}/progress`);
    await head.getByText('49').first().waitFor();
    expect(await head.getByTestId('progress-grid').locator('.anticon-check-circle').count()).toBe(49);
    await head.screenshot({ path: 'test-results/e2e-progress.png', fullPage: true });
    const headLeader = await newPage();
    await browserLogin(headLeader, journey.app().baseUrl, 'bqlkkt.lanhdao');
    await headLeader.goto(`${journey.app().baseUrl}/rounds/${String(round.id)}/progress`);
    await headLeader.getByTestId('close-round').click();
    await headLeader.locator('.ant-popconfirm').getByRole('button', { name: 'Đóng đợt chấm' }).click();
    await headLeader.getByTestId('publish-round').waitFor();
    await head.reload();
    expect(await head.getByTestId('publish-round').innerText()).toContain('Đề nghị công bố kết quả');
    await head.getByTestId('publish-round').click();
    await head.locator('.ant-popconfirm').getByRole('button', { name: 'Đề nghị công bố kết quả' }).click();
    await head.getByText('Đã gửi đề nghị').waitFor();
    await headLeader.goto(`${journey.app().baseUrl}/`);
    const pending = headLeader.getByTestId('my-approvals').getByTestId('approval-item');
    await pending.filter({ hasText: 'Công bố kết quả' }).waitFor();
    await headLeader.screenshot({ path: 'test-results/e2e-approval.png', fullPage: true });
    await pending.getByTestId('approval-approve').click();
    // Once approved, nothing waits for the leader any more.
    await headLeader.getByTestId('my-approvals').waitFor({ state: 'detached' });
    await head.reload();
    await head.getByTestId('progress-results').waitFor();
    expect((await headApi.call('GET', `/api/rounds/${String(round.id)}`)).status).toBe('published');

    // 5. A member sees the ranking and downloads the summary.
    const member = await newPage();
    await browserLogin(member, journey.app().baseUrl, 'sct.canbo');
    await member.goto(`${journey.app().baseUrl}/years/${yearId}/scoring`);
    await member.getByTestId('go-results').click();
    await member.getByTestId('ranking').waitFor();
    const results = await (
      await apiLogin(journey.app().baseUrl, 'sct.canbo')
    ).call('GET', `/api/rounds/${round.id}/results`);
    const winner: string = results.units[0].unitName;
    expect(results.units[0].rank).toBe(1);
    const rankingText = await member.getByTestId('ranking').innerText();
    expect(rankingText).toContain(winner);
    expect(rankingText).toContain(results.units[0].scoreText);
    expect(await member.getByTestId('policy-text').innerText()).toContain('đủ tất cả bảng điểm');
    await member.getByTestId('heat-map').waitFor();
    // The advisory analysis sits beside the official ranking, clearly labelled.
    await member.getByTestId('fairness').waitFor();
    expect(await member.getByTestId('fairness').innerText()).toContain('không thay đổi kết quả chính thức');
    await member.getByTestId('fairness').screenshot({ path: 'test-results/e2e-fairness.png' });
    await member.screenshot({ path: 'test-results/e2e-results.png', fullPage: true });

    const [xlsx] = await Promise.all([
      member.waitForEvent('download'),
      member.getByTestId('download-xlsx').click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const summary = book.worksheets[0]!;
    expect(summary.getCell('A1').text).toContain('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM');
    const cells: string[] = [];
    summary.eachRow((row) => row.eachCell((c) => cells.push(c.text)));
    expect(cells).toContain(winner);

    const [docx] = await Promise.all([
      member.waitForEvent('download'),
      member.getByTestId('download-docx').click(),
    ]);
    const text = await docxText(readFileSync(await docx.path()));
    expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(text).toContain(winner);
  }, 240_000);
});
