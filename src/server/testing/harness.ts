import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildApp, type App } from '../app';
import { loadConfig, type Config } from '../config';
import { openDatabase, type DbHandle, type DbKind } from '../db/connection';
import { migrateToLatest } from '../db/migrate';
import { DEMO_PASSWORD } from '../demo/data';
import { seedDemo } from '../demo/seed';

/** The databases every route test runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const testDatabases: DbKind[] = process.env.TEST_DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb {
  handle: DbHandle;
  config: Config;
  drop(): Promise<void>;
}

/** A fresh, migrated database of the given kind: a temp SQLite file or a new PostgreSQL database. */
export async function createTestDb(kind: DbKind, env: Record<string, string> = {}): Promise<TestDb> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-test-'));
  let databaseUrl: string | null = null;
  let dropPg = async () => {};
  if (kind === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
    const name = `thidua_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropPg = async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    WEB_DIR: path.join(dataDir, 'no-web'),
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    ...env,
  });
  const handle = openDatabase(config);
  await migrateToLatest(handle.db);
  return {
    handle,
    config,
    async drop() {
      await handle.close();
      await dropPg();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestApp {
  app: App;
  db: TestDb;
  /** Cookie header of a signed-in session for a login (cached: one sign-in per login). */
  cookie(login: string): Promise<string>;
  close(): Promise<void>;
}

/** The app on a fresh database with the demo bloc loaded: seven units with officer and leader each. */
export async function createTestApp(kind: DbKind, env: Record<string, string> = {}): Promise<TestApp> {
  const db = await createTestDb(kind, env);
  await seedDemo(db.handle.db);
  const app = await buildApp(db.config, db.handle);
  const cookies = new Map<string, string>();
  return {
    app,
    db,
    async cookie(login: string) {
      const cached = cookies.get(login);
      if (cached) return cached;
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password: DEMO_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${login} failed: ${res.statusCode} ${res.body}`);
      const c = res.cookies.find((x) => x.name === 'thidua_sid');
      if (!c) throw new Error('no session cookie');
      const header = `thidua_sid=${c.value}`;
      cookies.set(login, header);
      return header;
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

/** Demo logins by role, for per-role access tests. */
export const demoLogins = {
  admin: 'admin',
  board: 'ban-tdkt',
  headOfficer: 'bqlkkt.canbo',
  headLeader: 'bqlkkt.lanhdao',
  memberOfficer: 'stc.canbo',
  memberLeader: 'stc.lanhdao',
} as const;
