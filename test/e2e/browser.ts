import { existsSync, mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startApp, type RunningApp } from './server';

export const chromiumPath = '/usr/bin/chromium';

/** Whether the browser journeys can run; without Chromium they fail on CI and are skipped elsewhere. */
export function browserAvailable(): boolean {
  if (existsSync(chromiumPath)) return true;
  if (process.env.CI) throw new Error(`${chromiumPath} is missing: browser journeys cannot run on CI`);
  console.warn(`${chromiumPath} is missing: skipping browser journeys`);
  return false;
}

/** Headless Chromium with no background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * The setup every journey shares: the real app on a fresh data dir, one Chromium, and pages with a
 * desktop viewport in Vietnamese. Call inside a describe; the getters are valid inside its tests.
 */
export function useJourney(env: Record<string, string> = {}): {
  app: () => RunningApp;
  newPage: () => Promise<Page>;
} {
  let app: RunningApp | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    app = await startApp(env);
    browser = await launchBrowser();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });
  return {
    app: () => app!,
    async newPage() {
      const context = await browser!.newContext({
        viewport: { width: 1440, height: 900 },
        locale: 'vi-VN',
        acceptDownloads: true,
      });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return page;
    },
  };
}
