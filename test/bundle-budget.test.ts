import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureRoutes, webDist } from '../bench/bundle';

// Reads the build that `npm test` makes first; a page that pulls a heavy component into the first
// download (a table, the date picker, the grid, an editor) fails here rather than on a phone.
const budget = 300 * 1024;
const built = fs.existsSync(path.join(webDist, '.vite', 'manifest.json'));
if (!built && process.env.CI) throw new Error('dist/web is missing: `npm test` builds it before the tests');

describe.skipIf(!built)('the first download', () => {
  const routes = built ? measureRoutes() : null;

  it.each(['login', 'home'] as const)('of the %s page is at most 300 KB of brotli JavaScript', (name) => {
    const route = routes![name];
    console.log(
      `${name}: ${(route.brotli / 1024).toFixed(1)} KB brotli, ${(route.gzip / 1024).toFixed(1)} KB gzip`,
    );
    expect(route.files.length).toBeGreaterThan(3);
    expect(route.brotli).toBeLessThanOrEqual(budget);
  });

  it('holds none of the heavy parts that only some pages use', () => {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(webDist, '.vite', 'manifest.json'), 'utf8'),
    ) as Record<string, { file: string }>;
    const heavy = [
      'features/scoring/ScoreEntryPage.tsx',
      'features/plans/PlanEditorPage.tsx',
      'features/criteria/CriteriaEditorPage.tsx',
    ];
    for (const name of ['login', 'home'] as const) {
      for (const page of heavy) expect(routes![name].files).not.toContain(manifest[page]?.file);
      // antd's date picker and table come in their own chunks, named after them.
      expect(routes![name].files.filter((f) => /\/(date-picker|table)-/.test(f))).toEqual([]);
    }
  });

  it('ships a brotli and a gzip copy beside every script', () => {
    for (const file of routes!.home.files) {
      expect(fs.existsSync(path.join(webDist, `${file}.br`)), `${file}.br`).toBe(true);
      expect(fs.existsSync(path.join(webDist, `${file}.gz`)), `${file}.gz`).toBe(true);
    }
  });
});
