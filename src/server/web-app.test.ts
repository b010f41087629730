import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './testing/harness';

const bundle = Buffer.from(`export const words = ${JSON.stringify('thi đua khen thưởng '.repeat(200))};`);

describe('serving the web app', () => {
  let t: TestApp;
  let webDir: string;
  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>ThiĐua</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'PlanPage-1a2b3c.js'), 'export {}');
    // A built asset with the .br and .gz the build writes beside it.
    fs.writeFileSync(path.join(webDir, 'assets', 'index-9z8y7x.js'), bundle);
    fs.writeFileSync(path.join(webDir, 'assets', 'index-9z8y7x.js.br'), zlib.brotliCompressSync(bundle));
    fs.writeFileSync(path.join(webDir, 'assets', 'index-9z8y7x.js.gz'), zlib.gzipSync(bundle));
    fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg/>');
    t = await createTestApp('sqlite', { WEB_DIR: webDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html for client routes, always revalidated', async () => {
    for (const url of ['/', '/years/abc/plan', '/rounds/x/sheets?tab=1']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<title>ThiĐua</title>');
    }
  });

  it('caches hashed assets for good, and other files only with revalidation', async () => {
    const asset = await t.app.inject({ url: '/assets/PlanPage-1a2b3c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await t.app.inject({ url: '/favicon.svg' });
    expect(icon.headers['cache-control']).toBe('public, max-age=0');
  });

  it('sends the precompressed asset the browser accepts: brotli, else gzip, else the plain file', async () => {
    const url = '/assets/index-9z8y7x.js';
    const br = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(br.rawPayload).equals(bundle)).toBe(true);
    expect(br.rawPayload.length).toBeLessThan(bundle.length / 5);

    const gz = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(bundle)).toBe(true);

    const plain = await t.app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.equals(bundle)).toBe(true);
    const none = await t.app.inject({ url });
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.rawPayload.equals(bundle)).toBe(true);
  });

  it('answers unknown API paths and missing assets with a JSON 404, and bad paths with a 400', async () => {
    const api = await t.app.inject({ url: '/api/khong-co' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ code: 'NOT_FOUND' });
    // An asset renamed by an update: 404, not index.html (the browser then reports a load error).
    const gone = await t.app.inject({ url: '/assets/PlanPage-old.js' });
    expect(gone.statusCode).toBe(404);
    // The public pages are the server's own (HTML 404 for an unknown bloc), never the app's index.html.
    const publicPage = await t.app.inject({ url: `/public/blocs/${crypto.randomUUID()}/years/2024` });
    expect(publicPage.statusCode).toBe(404);
    expect(publicPage.body).not.toContain('<title>ThiĐua</title>');
    const publicOther = await t.app.inject({ url: '/public/khong-co' });
    expect(publicOther.statusCode).toBe(404);
    expect(publicOther.body).not.toContain('<title>ThiĐua</title>');
    const malformed = await t.app.inject({ url: '/years/%E0%A4%A' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json()).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('never serves a file outside the web directory', async () => {
    // A file beside the web directory, whose name shares its prefix.
    const outside = `${webDir}-secret.txt`;
    fs.writeFileSync(outside, 'bí mật');
    try {
      for (const url of [
        `/..%2f${path.basename(outside)}`,
        `/../${path.basename(outside)}`,
        `/%2e%2e/${path.basename(outside)}`,
      ]) {
        const res = await t.app.inject({ url });
        expect(res.body).not.toContain('bí mật');
      }
    } finally {
      fs.rmSync(outside);
    }
  });
});
