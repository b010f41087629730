/**
 * Sign-in to a visible home page on localhost, in real Chromium against `thidua serve` (the demo data):
 * the time from the click on "Đăng nhập" to the first year card, the login API call alone, and the
 * login page's own load. Prints the median of a few runs; `npm run bench:signin` (needs a build).
 */
import { chromiumPath, launchBrowser } from '../test/e2e/browser';
import { startApp } from '../test/e2e/server';

const RUNS = Number(process.env.RUNS ?? 5);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function main() {
  console.log(`sign-in benchmark, ${String(RUNS)} runs, Chromium at ${chromiumPath}`);
  const app = await startApp();
  const browser = await launchBrowser();
  const loginPage: number[] = [];
  const signIn: number[] = [];
  const api: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
      const page = await context.newPage();
      let t0 = performance.now();
      await page.goto(`${app.baseUrl}/login`);
      await page.getByTestId('login-submit').waitFor();
      loginPage.push(performance.now() - t0);
      await page.getByLabel('Tên đăng nhập').fill('stc.canbo');
      await page.getByLabel('Mật khẩu').fill('thidua-demo');
      t0 = performance.now();
      await page.getByTestId('login-submit').click();
      await page.getByTestId('year-card').first().waitFor();
      signIn.push(performance.now() - t0);
      await context.close();

      t0 = performance.now();
      const res = await fetch(`${app.baseUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'stc.canbo', password: 'thidua-demo' }),
      });
      await res.text();
      api.push(performance.now() - t0);
    }
  } finally {
    await browser.close();
    await app.stop();
  }
  const ms = (xs: number[]) =>
    `${median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
  console.log(`login page shown (cold cache): ${ms(loginPage)}`);
  console.log(`click "Đăng nhập" → home visible: ${ms(signIn)}`);
  console.log(`POST /api/auth/login alone: ${ms(api)}`);
}

await main();
