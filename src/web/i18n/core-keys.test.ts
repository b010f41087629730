import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { viFeatures } from './features.vi';
import { vi } from './vi';

// What the first download shows (sign-in, the frame, the menu, the home page) must find its texts in the
// core dictionary: the features' texts arrive only with the other pages (router.tsx).
const web = path.resolve(import.meta.dirname, '..');
const roots = [
  'main.tsx',
  'components/AppShell.tsx',
  'components/MenuDrawer.tsx',
  'components/RequireAuth.tsx',
  'components/NotFound.tsx',
  'components/RouteError.tsx',
  'features/home/HomePage.tsx',
  'features/auth/LoginPage.tsx',
  'features/auth/ChangePasswordPage.tsx',
];

/** Every module reachable through static (non-type) imports. */
function staticGraph(files: string[]): Set<string> {
  const seen = new Set<string>();
  const resolve = (from: string, spec: string) => {
    const base = path.resolve(path.dirname(from), spec);
    return [base, `${base}.ts`, `${base}.tsx`].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
  };
  const walk = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = fs.readFileSync(file, 'utf8');
    for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gms)) {
      const next = resolve(file, m[1]!);
      if (next) walk(next);
    }
  };
  files.forEach((f) => walk(path.join(web, f)));
  return seen;
}

describe('the core texts', () => {
  const all = { ...vi, ...viFeatures } as Record<string, string>;
  const full = [...staticGraph(roots)];
  const graph = full.filter((f) => !f.includes(`${path.sep}i18n${path.sep}`));

  it('hold every text the first download uses', () => {
    expect(graph.length).toBeGreaterThan(15);
    const used = new Set<string>();
    for (const file of graph) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/['"`]([a-z][\w]*\.[\w.]+)['"`]/g)) {
        if (m[1]! in all) used.add(m[1]!);
      }
    }
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !(key in vi))).toEqual([]);
  });

  it('hold every key the frame builds from data (roles, bloc kinds, the home role line)', () => {
    const dynamic = Object.keys(all).filter((k) => /^(role|blocKind|home\.myRole)\./.test(k));
    expect(dynamic.length).toBeGreaterThan(3);
    expect(dynamic.filter((key) => !(key in vi))).toEqual([]);
  });

  it('leave the features’ texts out of the first download', () => {
    expect(full.some((f) => f.endsWith('vi.ts'))).toBe(true);
    expect(full.filter((f) => /(features|[a-z]+)\.vi\.ts$/.test(f))).toEqual([]);
    expect(Object.keys(viFeatures).length).toBeGreaterThan(Object.keys(vi).length);
  });
});
