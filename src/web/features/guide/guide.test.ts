import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideEn } from './content.en';
import { guideVi } from './content.vi';
import { guideShots } from './shots';

const dir = path.resolve(import.meta.dirname, '../../public/guide');

describe('the user guide', () => {
  it.each([
    ['vi', guideVi],
    ['en', guideEn],
  ] as const)('(%s) shows every screenshot the browser journey takes, each once', (_, guide) => {
    const used = guide.roles.flatMap((r) => r.shots.map((s) => s.name));
    expect([...used].sort()).toEqual([...guideShots].sort());
  });

  it('has every screenshot it references committed, as a small JPEG, and no stray file', () => {
    const files = fs.readdirSync(dir).sort();
    expect(files).toEqual(guideShots.map((s) => `${s}.jpg`).sort());
    for (const file of files) {
      const data = fs.readFileSync(path.join(dir, file));
      expect(data.subarray(0, 3).toString('hex'), file).toBe('ffd8ff');
      expect(data.length, file).toBeLessThan(250 * 1024);
    }
  });

  it('covers the same roles in both languages, each with its months', () => {
    expect(guideEn.roles.map((r) => r.id)).toEqual(guideVi.roles.map((r) => r.id));
    expect(guideVi.roles.map((r) => r.id)).toEqual(['officer', 'leader', 'head', 'deputy', 'board', 'admin']);
    for (const r of guideVi.roles) expect(r.calendar.length, r.id).toBeGreaterThan(0);
  });
});
