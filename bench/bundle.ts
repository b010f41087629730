/**
 * The JavaScript a browser must fetch before the login page and the home page show, read from the built
 * files (dist/web and Vite's manifest): the entry, the route's page chunks, and every chunk they import
 * statically. Sizes are given raw, gzip and brotli (as the server sends them). `npm run bench:bundle`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

export const webDist = path.resolve(import.meta.dirname, '../dist/web');

/** The source modules (relative to src/web) each first screen loads besides the entry. */
export const routes = {
  login: ['features/auth/LoginPage.tsx'],
  home: ['components/AppShell.tsx', 'features/home/HomePage.tsx'],
} as const;
export type RouteName = keyof typeof routes;

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface RouteBundle {
  files: string[];
  raw: number;
  gzip: number;
  brotli: number;
}

function readManifest(dist: string): Manifest {
  const file = path.join(dist, '.vite', 'manifest.json');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` first`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
}

/** The built files of the entry and the given modules, with everything they import statically. */
export function initialFiles(manifest: Manifest, modules: readonly string[]): string[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
  if (!entry) throw new Error('the manifest has no entry');
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build manifest`);
    if (seen.has(chunk.file)) return;
    seen.add(chunk.file);
    for (const dep of chunk.imports ?? []) visit(dep);
  };
  for (const key of [entry, ...modules]) visit(key);
  return [...seen];
}

/** What each route's first screen costs in JavaScript. */
export function measureRoutes(dist = webDist): Record<RouteName, RouteBundle> {
  const manifest = readManifest(dist);
  const measure = (modules: readonly string[]): RouteBundle => {
    const files = initialFiles(manifest, modules);
    const sizes = files.map((f) => {
      const data = fs.readFileSync(path.join(dist, f));
      return {
        raw: data.length,
        gzip: zlib.gzipSync(data, { level: 9 }).length,
        brotli: zlib.brotliCompressSync(data).length,
      };
    });
    const sum = (k: 'raw' | 'gzip' | 'brotli') => sizes.reduce((s, x) => s + x[k], 0);
    return { files, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
  };
  return { login: measure(routes.login), home: measure(routes.home) };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** One line per route, as `npm run bench` prints it. */
export function bundleReport(dist = webDist): string[] {
  return Object.entries(measureRoutes(dist)).map(
    ([name, b]) =>
      `initial JS for ${name}: ${kb(b.brotli)} brotli, ${kb(b.gzip)} gzip, ${kb(b.raw)} raw (${String(b.files.length)} files)`,
  );
}

/** Prints the report when the web app is built (bench/run.ts calls it; it needs `npm run build` first). */
export function printBundleReport(): void {
  if (!fs.existsSync(path.join(webDist, '.vite', 'manifest.json'))) {
    console.log('initial JS: dist/web is not built (npm run build), not measured');
    return;
  }
  for (const line of bundleReport()) console.log(line);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) printBundleReport();
