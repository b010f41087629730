import { describe, expect, it } from 'vitest';
import { browserAvailable, useJourney } from './browser';
import { apiLogin, browserLogin } from './scoring-helpers';

const run = browserAvailable();
/** "YYYY-MM-DDTHH:mm:ss+07:00" some minutes from now, in Vietnam time. */
const vn = (minutes: number) =>
  `${new Date(Date.now() + 7 * 3600_000 + minutes * 60_000).toISOString().slice(0, 19)}+07:00`;

describe.skipIf(!run)('secret ballot at the conference', () => {
  const journey = useJourney();

  it('the head opens a ballot, three leaders vote (one in the browser, with a receipt), the head closes it, the tally shows', async () => {
    const base = journey.app().baseUrl;
    const officer = await apiLogin(base, 'bqlkkt.canbo');
    const yearId: string = (await officer.call('GET', '/api/home')).years[0].id;
    const year = await officer.call('GET', `/api/years/${yearId}`);
    const stc = year.members.find((m: { code: string }) => m.code === 'stc').id;
    const ballot = await officer.call('POST', `/api/years/${yearId}/ballots`, {
      kind: 'approval',
      title: 'Bình xét Cờ thi đua năm 2024',
      quorum: 'more-than-half',
      threshold: 'more-than-half',
      opensAt: vn(-5),
      closesAt: vn(60),
      questions: [{ subjectUnitId: stc, award: 'Cờ thi đua của UBND thành phố' }],
    });

    // The head's leader opens it.
    const head = await journey.newPage();
    await browserLogin(head, base, 'bqlkkt.lanhdao');
    await head.goto(`${base}/ballots/${ballot.id}`);
    await head.getByTestId('ballot-open').click();
    await head
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|Đồng ý|Có/ })
      .click();
    await head.getByTestId('ballot-close').waitFor();
    expect(await head.getByTestId('ballot-counter').innerText()).toContain('0/7');

    // A leader votes in the browser: confirm, then the receipt once.
    const voter = await journey.newPage();
    await browserLogin(voter, base, 'stc.lanhdao');
    await voter.goto(`${base}/ballots/${ballot.id}`);
    await voter.getByTestId('vote-0-yes').click();
    await voter.getByTestId('vote-submit').click();
    await voter.locator('.ant-modal').getByRole('button', { name: 'Bỏ phiếu' }).click();
    const receipt = (await voter.getByTestId('ballot-receipt').innerText()).trim();
    expect(receipt).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
    await voter.screenshot({ path: 'test-results/e2e-ballot-receipt.png' });

    // Two more leaders vote; the live counter follows.
    for (const [login, choice] of [
      ['sct.lanhdao', 'yes'],
      ['chq.lanhdao', 'no'],
    ] as const) {
      const api = await apiLogin(base, login);
      const b = await api.call('GET', `/api/ballots/${ballot.id}`);
      await api.call('POST', `/api/ballots/${ballot.id}/vote`, { choices: { [b.questions[0].id]: choice } });
    }
    await head.reload();
    await head.getByText('Đã bỏ phiếu 3/7').waitFor();
    expect(await head.getByTestId('ballot-tally').count()).toBe(0);

    // The head closes it; the tally is published and the voter finds the receipt.
    await head.getByTestId('ballot-close').click();
    await head
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /OK|Đồng ý|Có/ })
      .click();
    const tally = head.getByTestId('ballot-tally');
    await tally.waitFor();
    const text = await tally.innerText();
    expect(text).toContain('Không đủ tỷ lệ hợp lệ'); // 3 of 7 is not more than half
    expect(text).toContain('Đồng ý: 2');
    expect(text).toContain('Không đồng ý: 1');
    await voter.reload();
    await voter.getByTestId('ballot-tally').waitFor();
    expect(await voter.getByTestId('ballot-tally').innerText()).toContain(receipt);
    await head.screenshot({ path: 'test-results/e2e-ballot-tally.png', fullPage: true });
  });
});
