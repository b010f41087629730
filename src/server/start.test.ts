import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdmin } from '../cli/create-admin';
import { loadConfig } from './config';
import { migrations } from './db/migrations/index';
import { prepareDatabase } from './start';
import { testDatabases } from './testing/harness';
import { demoFacts } from './testing/demo-facts';

/** A config on a fresh place: a temp dir for SQLite, a new database for PostgreSQL. */
async function freshConfig(kind: string, env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'thidua-start-'));
  if (kind === 'sqlite') {
    return {
      config: loadConfig({ DATA_DIR: dataDir, ...env }),
      drop: async () => fs.rmSync(dataDir, { recursive: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `thidua_s_${Math.random().toString(36).slice(2, 10)}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(sql);
    await c.end();
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url.toString(), ...env }),
    drop: () => run(`DROP DATABASE ${name} WITH (FORCE)`),
  };
}

describe.each(testDatabases)('start-up on %s', (kind) => {
  const drops: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const d of drops) await d();
  });

  it('migrates and loads the demo bloc once, into an empty database only', async () => {
    const { config, drop } = await freshConfig(kind, { NODE_ENV: 'development' });
    drops.push(drop);
    const first = await prepareDatabase(config);
    expect(first.migration).toBe(Object.keys(migrations).at(-1));
    expect(first.demo).toHaveLength(demoFacts.accounts);
    expect(first.orphanUploads).toEqual([]);
    if (kind === 'sqlite') expect(fs.existsSync(path.join(config.dataDir, 'thidua.sqlite'))).toBe(true);
    const year = await first.handle.db.selectFrom('years').selectAll().executeTakeFirstOrThrow();
    expect(year.year).toBe(2024);
    await first.handle.close();
    const second = await prepareDatabase(config);
    expect(second.demo).toBeNull();
    const users = await second.handle.db.selectFrom('users').select('login').execute();
    expect(users).toHaveLength(demoFacts.accounts);
    await second.handle.close();
  });

  it('never loads demo data in production; the first admin comes from create-admin', async () => {
    const { config, drop } = await freshConfig(kind, { NODE_ENV: 'production' });
    drops.push(drop);
    const { handle, demo } = await prepareDatabase(config);
    expect(demo).toBeNull();
    expect(await handle.db.selectFrom('users').selectAll().execute()).toEqual([]);
    await expect(
      createAdmin(handle.db, { login: 'quantri', fullName: 'Quản trị', password: 'ngan' }),
    ).rejects.toThrow(/Mật khẩu: phải có ít nhất 10 ký tự/);
    await expect(
      createAdmin(handle.db, { login: 'quantri', fullName: 'Quản trị', password: 'password1234' }),
    ).rejects.toThrow(/Mật khẩu: .*phổ biến/);
    const admin = await createAdmin(handle.db, {
      login: 'QuanTri',
      fullName: 'Quản trị',
      password: 'mot-mat-khau-dai',
    });
    expect(admin).toMatchObject({ login: 'quantri', role: 'admin', mustChangePassword: true });
    await expect(
      createAdmin(handle.db, { login: 'quantri', fullName: 'X Y', password: 'mot-mat-khau-dai' }),
    ).rejects.toThrow(/đã được dùng/);
    const audit = await handle.db.selectFrom('auditEvents').select(['action', 'requestId']).execute();
    expect(audit).toEqual([{ action: 'user.created', requestId: 'cli-create-admin' }]);
    await handle.close();
  });
});
