/**
 * National-size benchmark (issue: scoring). Seeds 2,000 blocs of 5–11 units with 60 criteria and every
 * sheet submitted, then measures
 *  (a) sheet submissions/s and p99 through the real HTTP API with 50 concurrent clients, beside a bare
 *      one-row-insert route in the same run, and
 *  (b) the time to compute every bloc's results, beside a bare SQL sum over the same rows.
 * BENCH_SCALE=small seeds 100 blocs. DATABASE_URL runs it on PostgreSQL (a fresh database is created).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase } from '../src/server/db/connection';
import { migrateToLatest } from '../src/server/db/migrate';
import { batchStatsOf } from '../src/server/db/batch';
import { inTransaction } from '../src/server/db/transaction';
import { createAuthRepository } from '../src/server/modules/auth/repository';
import { computeRoundsResults } from '../src/server/modules/scoring/all-results';
import { printBundleReport } from './bundle';
import { cpuNow, cpuSince, type CpuSample } from './cpu';
import { seedNational } from './dataset';

// SQLITE_SYNCHRONOUS=NORMAL measures the faster, crash-safe-but-not-power-safe setting.
const small = process.env.BENCH_SCALE === 'small';
const BLOCS = small ? 100 : 2000;
const SUBMISSIONS = small ? 1500 : 5000;
const CONCURRENCY = 50;
const SLICES = 5;

interface LoadResult {
  count: number;
  errors: number;
  firstError: string;
  seconds: number;
  perSec: number;
  p50: number;
  p99: number;
  latencies: number[];
}
type LoadRequest = { method: 'POST' | 'PUT'; path: string; body: string; cookie?: string };

function runLoad(base: string, requests: LoadRequest[]): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const w = new Worker(new URL('./load-worker.mjs', import.meta.url), {
      workerData: { base, requests, concurrency: CONCURRENCY },
    });
    w.once('message', resolve);
    w.once('error', reject);
  });
}

/** One result for the slices of a run: their requests over their summed time, percentiles over all. */
function combine(slices: LoadResult[]): LoadResult {
  const latencies = slices.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const seconds = slices.reduce((sum, s) => sum + s.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * q))] ?? 0;
  return {
    count: latencies.length,
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    firstError: slices.find((s) => s.firstError)?.firstError ?? '',
    seconds,
    perSec: latencies.length / seconds,
    p50: at(0.5),
    p99: at(0.99),
    latencies,
  };
}

/** Equal consecutive slices of a list (the last takes the rest). */
const slicesOf = <T>(list: T[], n: number): T[][] =>
  Array.from({ length: n }, (_, i) =>
    list.slice(Math.floor((i * list.length) / n), Math.floor(((i + 1) * list.length) / n)),
  );

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `thidua_bench_${Date.now()}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await admin(`CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** BENCH_PROFILE=file.cpuprofile records the server thread during the measured runs (open in Chrome DevTools). */
async function startProfile(): Promise<(file: string) => Promise<string>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    fs.writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
    return file;
  };
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

async function main() {
  printBundleReport();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-bench-'));
  const pgDb = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : null;
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS ?? '',
    PG_POOL_SIZE: process.env.PG_POOL_SIZE ?? '',
    DATA_DIR: dataDir,
    WEB_DIR: path.join(dataDir, 'none'),
    ...(pgDb ? { DATABASE_URL: pgDb.url } : {}),
  });
  const handle = openDatabase(config);
  const db = handle.db;
  try {
    await migrateToLatest(db);
    const durability =
      handle.kind === 'sqlite'
        ? `, SQLite synchronous=${config.sqliteSynchronous}`
        : `, pool of ${config.pgPoolSize} connections`;
    console.log(
      `ThiĐua benchmark on ${handle.kind}${durability}, ${os.cpus().length} cores, Node ${process.version}`,
    );
    let t0 = performance.now();
    const auth = createAuthRepository(db);
    const data = await seedNational(
      db,
      BLOCS,
      SUBMISSIONS,
      async (userId) => `thidua_sid=${(await auth.createSession(userId, new Date(), 24 * 3600_000)).token}`,
    );
    console.log(
      `seeded ${BLOCS} blocs, ${data.sheets} sheets (60 criteria each, all submitted) in ${seconds(t0).toFixed(1)} s`,
    );

    // (b) Every bloc's results vs a bare SQL sum over the same rows.
    t0 = performance.now();
    const results = await computeRoundsResults(db, data.roundIds);
    const resultsSeconds = seconds(t0);
    const ranked = [...results.values()].filter((r) => r.ranked).length;
    t0 = performance.now();
    const sums = await sql<{
      n: number;
    }>`SELECT round_id, scored_unit_id, SUM(total) AS s, COUNT(*) AS n FROM sheets WHERE submitted_version > 0 GROUP BY round_id, scored_unit_id`.execute(
      db,
    );
    const bareSumSeconds = seconds(t0);
    console.log(
      `results of ${results.size} blocs (${ranked} ranked, per-criterion means included): ${resultsSeconds.toFixed(3)} s; bare SQL sum (${sums.rows.length} groups): ${bareSumSeconds.toFixed(3)} s`,
    );

    // (a) Submissions through HTTP vs a bare one-row insert, same app, same run.
    await db.schema
      .createTable('bench_rows')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('at', 'text')
      .execute();
    const app = await buildApp(config, handle);
    app.post('/bench/bare', { config: { public: true } }, async () => {
      await sql`INSERT INTO bench_rows (id, at) VALUES (${randomUUID()}, ${new Date().toISOString()})`.execute(
        db,
      );
      return { ok: true };
    });
    // For reference (not the target): the same insert through the app's commit path (group commit, flush off
    // the event loop), i.e. what a submission costs beyond the cheapest durable write this app can make.
    app.post('/bench/bare-grouped', { config: { public: true } }, async () => {
      await inTransaction(db, (tx) =>
        sql`INSERT INTO bench_rows (id, at) VALUES (${randomUUID()}, ${new Date().toISOString()})`.execute(
          tx,
        ),
      );
      return { ok: true };
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    // Warm-up (JIT, caches) for both routes before measuring: 10% of the requests, not counted.
    const warm = Math.floor(data.pending.length / 10);
    const submitRequests = data.pending.map((p): LoadRequest => ({
      method: 'POST',
      path: `/api/sheets/${p.sheetId}/submit`,
      body: '{"revision":1}',
      cookie: p.cookie,
    }));
    const bareRequests = (n: number, route = '/bench/bare') =>
      Array.from({ length: n }, (): LoadRequest => ({ method: 'POST', path: route, body: '{}' }));
    await runLoad(base, bareRequests(warm));
    await runLoad(base, submitRequests.slice(0, warm));
    await runLoad(base, bareRequests(warm, '/bench/bare-grouped'));
    // The three runs are measured in interleaved slices, so that the disk's and the machine's swings in
    // flush latency and CPU hit all of them alike: each slice of submissions sits between slices of the
    // bare routes, and the ratio compares runs of the same minutes.
    const measured = submitRequests.length - warm;
    const runs = { bare: [] as LoadResult[], grouped: [] as LoadResult[], submit: [] as LoadResult[] };
    const stopProfile = process.env.BENCH_PROFILE ? await startProfile() : null;
    const loadBefore = os.loadavg()[0]!;
    const cpu = { bare: { app: 0, postgres: 0 }, submit: { app: 0, postgres: 0 } };
    const timed = async (into: CpuSample, requests: LoadRequest[]) => {
      const from = cpuNow();
      const result = await runLoad(base, requests);
      const used = cpuSince(from);
      into.app += used.app;
      into.postgres += used.postgres;
      return result;
    };
    for (const slice of slicesOf(submitRequests.slice(warm), SLICES)) {
      runs.bare.push(await timed(cpu.bare, bareRequests(slice.length)));
      runs.grouped.push(await runLoad(base, bareRequests(slice.length, '/bench/bare-grouped')));
      runs.submit.push(await timed(cpu.submit, slice));
    }
    if (stopProfile) {
      console.log(`CPU profile of the measured runs: ${await stopProfile(process.env.BENCH_PROFILE!)}`);
    }
    const [bare, grouped, submit] = [combine(runs.bare), combine(runs.grouped), combine(runs.submit)];
    // Other processes on the machine take the CPU from both the server and the database: say so.
    console.log(
      `machine load (1-minute average) before and after the measured runs: ${loadBefore.toFixed(1)}, ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cores)`,
    );
    if (bare.count !== measured || submit.count !== measured) throw new Error('a slice went missing');
    await app.close();
    if (submit.errors || bare.errors || grouped.errors) {
      throw new Error(
        `errors during load: submit ${submit.errors} (${submit.firstError}), bare ${bare.errors} (${bare.firstError}), grouped ${grouped.errors} (${grouped.firstError})`,
      );
    }
    const versions = await sql<{
      n: number;
    }>`SELECT COUNT(*) AS n FROM sheet_versions WHERE version = 2`.execute(db);
    if (Number(versions.rows[0]?.n) !== data.pending.length) {
      throw new Error(`expected ${data.pending.length} new versions, found ${versions.rows[0]?.n}`);
    }
    console.log(
      `bare insert route: ${bare.perSec.toFixed(0)} req/s, p50 ${bare.p50.toFixed(1)} ms, p99 ${bare.p99.toFixed(1)} ms (${bare.count} requests, ${CONCURRENCY} clients)`,
    );
    console.log(
      `for reference, the bare insert through inTransaction: ${grouped.perSec.toFixed(0)} req/s, p99 ${grouped.p99.toFixed(1)} ms (submissions are ${(submit.perSec / grouped.perSec).toFixed(2)} of it)`,
    );
    console.log(
      `sheet submissions: ${submit.perSec.toFixed(0)} /s, p50 ${submit.p50.toFixed(1)} ms, p99 ${submit.p99.toFixed(1)} ms (${submit.count} sheets of 60 criteria; ${Number(versions.rows[0]?.n)} new versions committed)`,
    );
    // On SQLite the database works inside this process: its time is in the app's.
    const perRequest = (c: CpuSample) =>
      `app ${(c.app / measured).toFixed(0)} µs` +
      (handle.kind === 'postgres' ? ` + PostgreSQL ${(c.postgres / measured).toFixed(0)} µs` : '');
    console.log(
      `CPU per request (app = this process, its load-generating thread included; a busy machine adds to it): bare ${perRequest(cpu.bare)}; submission ${perRequest(cpu.submit)}`,
    );
    const batchStats = batchStatsOf(db);
    if (batchStats.size) {
      const grouped = [...batchStats].map(
        ([name, s]) =>
          `${name} ${(s.calls / Math.max(1, s.statements)).toFixed(1)} (${s.statements} statements)`,
      );
      console.log(`calls per statement of the grouped hot statements, whole run: ${grouped.join(', ')}`);
    }
    const out = {
      submitPerSec: Math.round(submit.perSec),
      barePerSec: Math.round(bare.perSec),
      submitRatio: Number((submit.perSec / bare.perSec).toFixed(3)),
      submitP99Ms: Number(submit.p99.toFixed(1)),
      resultsSeconds: Number(resultsSeconds.toFixed(3)),
      bareSumSeconds: Number(bareSumSeconds.toFixed(3)),
      resultsRatio: Number((resultsSeconds / bareSumSeconds).toFixed(1)),
      db: handle.kind,
    };
    console.log(
      `targets: submissions ≥ 0.5 × bare (${out.submitRatio}); all results < 2 s on SQLite (${out.resultsSeconds} s)`,
    );
    console.log(JSON.stringify(out));
  } finally {
    await handle.close();
    await pgDb?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
