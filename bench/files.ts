/**
 * Hostile uploads (issue 9): sends each file three times at once to POST /api/import/units on the real app
 * (SQLite, a port on 127.0.0.1) while a client asks GET /api/health every 20 ms, and prints how long the
 * uploads took, how long health took meanwhile (worst and p99), and the process's peak memory.
 * Files: zip bombs (declared 2 GB; declared 1 kB but 40 MB inflated), a sheet with a cell at column XFD on
 * 5 rows, and the largest sheet the limits accept (10,000 rows × 64 columns, ~30 MB of XML).
 * Run: npm run bench:files
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/connection';
import { migrateToLatest } from '../src/server/db/migrate';
import { DEMO_PASSWORD } from '../src/server/demo/data';
import { seedDemo } from '../src/server/demo/seed';
import { multipart } from '../src/server/testing/multipart';
import { inflatingSheetXml, sheetXml, xlsxEntries, zipEntries } from '../src/server/testing/zip';

const MB = 1024 * 1024;

/** The largest sheet within the limits: 10,000 rows of 64 numeric cells. */
function largestAccepted(): Buffer {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const cols = Array.from({ length: 64 }, (_, i) =>
    i < 26 ? String.fromCharCode(65 + i) : 'A' + String.fromCharCode(65 + i - 26),
  );
  const rows: string[] = [];
  for (let r = 1; r <= 10_000; r++) {
    rows.push(`<row r="${r}">${cols.map((c) => `<c r="${c}${r}"><v>${r * 7 + 0.5}</v></c>`).join('')}</row>`);
  }
  const xml = `<?xml version="1.0"?><worksheet xmlns="${ns}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return Buffer.from(xml);
}

function farColumns(): Buffer {
  const rows: [string, string][][] = [
    [
      ['A1', 'Mã đơn vị'],
      ['B1', 'Tên đơn vị'],
      ['XFD1', 'xa'],
    ],
  ];
  for (let r = 2; r <= 6; r++) {
    rows.push([
      [`A${r}`, `bench-${r}`],
      [`B${r}`, `Đơn vị ${r}`],
      [`XFD${r}`, 'xa'],
    ]);
  }
  return sheetXml(rows);
}

const files: [string, () => Buffer][] = [
  ['zip bomb, declares 2 GB', () => zipEntries(xlsxEntries(inflatingSheetXml(1000), 2_000_000_000))],
  [
    'zip bomb, declares 1 kB, inflates 40 MB',
    () => zipEntries(xlsxEntries(inflatingSheetXml(40 * MB), 1000)),
  ],
  ['cells at column XFD, 5 rows', () => zipEntries(xlsxEntries(farColumns()))],
  ['largest accepted: 10,000 × 64 cells', () => zipEntries(xlsxEntries(largestAccepted()))],
];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)] ?? 0;

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-files-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, WEB_DIR: path.join(dataDir, 'none') });
  const handle = openDatabase(config);
  await migrateToLatest(handle.db);
  await seedDemo(handle.db);
  const app = await buildApp(config, handle);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  console.log('| file | upload size | answers | slowest upload | health worst | health p99 | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const [name, make] of files) {
    const data = make();
    const body = multipart('don-vi.xlsx', data);
    let peak = process.memoryUsage().rss;
    const health: number[] = [];
    let done = false;
    const poll = (async () => {
      while (!done) {
        const t0 = performance.now();
        await fetch(`${base}/api/health`).then((r) => r.arrayBuffer());
        health.push(performance.now() - t0);
        peak = Math.max(peak, process.memoryUsage().rss);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const t0 = performance.now();
    const answers = await Promise.all(
      [1, 2, 3].map(async () => {
        const res = await fetch(`${base}/api/import/units`, {
          method: 'POST',
          headers: { ...body.headers, cookie },
          body: new Uint8Array(body.payload),
        });
        await res.arrayBuffer();
        return res.status;
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    done = true;
    await poll;
    console.log(
      `| ${name} | ${(data.length / 1024).toFixed(0)} KB | ${answers.join(', ')} | ${seconds.toFixed(2)} s | ` +
        `${Math.max(...health).toFixed(0)} ms | ${pct(health, 0.99).toFixed(0)} ms | ${(peak / MB).toFixed(0)} MB |`,
    );
  }
  await app.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
