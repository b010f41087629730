import { leaves, type CriterionNode } from '../../src/domain/criteria';
import type { Page } from 'playwright-core';

export const password = 'thidua-demo';
export const unitCodes = ['bqlkkt', 'skhdt', 'stc', 'sct', 'cthue', 'chq', 'kbnn'] as const;

/** A signed-in API client for one demo account (cookie session, as the browser has). */
export interface ApiUser {
  cookie: string;
  // The tests read answers loosely; what they assert is what matters.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  call: (method: string, path: string, body?: unknown) => Promise<any>;
}

export async function apiLogin(baseUrl: string, login: string): Promise<ApiUser> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 200) throw new Error(`login ${login}: ${String(res.status)} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} as ${login}: ${String(r.status)} ${text}`);
    return text ? JSON.parse(text) : undefined;
  };
  return { cookie, call };
}

/** Full, valid scores that differ by scorer and scored unit (so that the ranking has no ties). */
export function fullScores(tree: CriterionNode[], scorer: number, scored: number): Record<string, number> {
  const out: Record<string, number> = {};
  leaves(tree).forEach((leaf, i) => {
    if (leaf.kind === 'normal') {
      out[leaf.id] = Math.max(0, leaf.maxPoints - leaf.step * ((scored * 2 + scorer + i) % 4));
    } else if (leaf.kind === 'bonus') out[leaf.id] = scored % 2 === 0 ? leaf.step * 2 : 0;
    else out[leaf.id] = scored === 6 && i % 2 === 0 ? leaf.step : 0;
  });
  return out;
}

/** Signs in through the login page. */
export async function browserLogin(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${baseUrl}/`);
}

/** dd/MM/yyyy of a day some days from now (Vietnam calendar). */
export function vnDatePlusDays(days: number): string {
  const d = new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const [y, m, dd] = d.split('-');
  return `${dd ?? ''}/${m ?? ''}/${y ?? ''}`;
}

/** From the home page, opens the plan of the newest year of the bloc; returns that year's id. */
export async function openYearPlan(page: Page, blocName: string): Promise<string> {
  await page.getByTestId('year-card').filter({ hasText: blocName }).first().getByTestId('year-plan').click();
  await page.waitForURL(/\/years\/[^/]+\/plan$/);
  return /\/years\/([^/]+)\/plan/.exec(page.url())![1]!;
}
