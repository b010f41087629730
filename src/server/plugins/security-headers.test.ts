import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/harness';

/** The security headers every answer carries, whatever its kind. */
function expectSecurityHeaders(headers: Record<string, unknown>, what: string) {
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['referrer-policy'], what).toBe('same-origin');
  expect(headers['x-frame-options'], what).toBe('DENY');
  const csp = String(headers['content-security-policy']);
  expect(csp, what).toContain("frame-ancestors 'none'");
  expect(csp, what).toContain("script-src 'self';");
  expect(csp, what).toContain("default-src 'self'");
  // antd writes its styles into <style> elements at run time.
  expect(csp, what).toContain("style-src 'self' 'unsafe-inline'");
}

describe('security headers', () => {
  let t: TestApp;
  let https: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-web-'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>ThiĐua</title>');
    t = await createTestApp('sqlite', { WEB_DIR: webDir });
    https = await createTestApp('sqlite', { WEB_DIR: webDir, PUBLIC_URL: 'https://thidua.example.vn' });
  });
  afterAll(async () => {
    await t.close();
    await https.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('are on the app, API answers, errors, downloads and the calendar feed', async () => {
    const admin = { cookie: await t.cookie('admin') };
    const officer = { cookie: await t.cookie('stc.canbo') };
    const feed = (await t.app.inject({ url: '/api/calendar-feed', headers: officer })).json();
    const answers = {
      app: await t.app.inject({ url: '/years/x/plan' }),
      api: await t.app.inject({ url: '/api/auth/me', headers: admin }),
      error: await t.app.inject({ url: '/api/khong-co' }),
      unauthenticated: await t.app.inject({ url: '/api/home' }),
      download: await t.app.inject({ url: '/api/import/template/units.xlsx', headers: admin }),
      calendar: await t.app.inject({ url: feed.path }),
      docs: await t.app.inject({ url: '/api/docs/static/index.html' }),
    };
    for (const [what, res] of Object.entries(answers)) expectSecurityHeaders(res.headers, what);
    expect(answers.download.statusCode).toBe(200);
    expect(answers.download.headers['content-disposition']).toMatch(/^attachment/);
  });

  it('send HSTS and upgrade requests only when PUBLIC_URL is https', async () => {
    const plain = await t.app.inject({ url: '/' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plain.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    const secure = await https.app.inject({ url: '/' });
    expect(secure.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(secure.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  // The CSP allows no inline script: the built app must not need one (npm test builds it first).
  it.runIf(fs.existsSync('dist/web/index.html'))(
    'hold for the built app: index.html has no inline script',
    () => {
      const html = fs.readFileSync('dist/web/index.html', 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes).toMatch(/\bsrc="\/assets\//);
        expect(body?.trim()).toBe('');
      }
      expect(html).not.toMatch(/\son[a-z]+=/i); // no inline event handlers
    },
  );
});
