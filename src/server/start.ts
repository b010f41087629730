import type { Config } from './config';
import { openDatabase, type DbHandle } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { isEmpty, seedDemo, type DemoLogin } from './demo/seed';

/** Opens and migrates the configured database; loads demo data into an empty one outside production. */
export async function prepareDatabase(config: Config): Promise<{ handle: DbHandle; migration: string | null; demo: DemoLogin[] | null }> {
  const handle = openDatabase(config);
  try {
    const migration = await migrateToLatest(handle.db);
    const demo = config.nodeEnv !== 'production' && (await isEmpty(handle.db)) ? await seedDemo(handle.db) : null;
    return { handle, migration, demo };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

/** The console banner that lists the demo logins, printed once when they are created. */
export function demoBanner(logins: DemoLogin[], password: string): string {
  const width = Math.max(...logins.map((l) => l.login.length));
  const lines = logins.map((l) => `  ${l.login.padEnd(width)}  ${l.role.padEnd(7)}  ${l.unit ?? l.fullName}`);
  return [
    '',
    'Đã tạo dữ liệu mẫu (demo) — Khối thi đua các cơ quan Quản lý kinh tế thành phố, năm 2024.',
    `Mật khẩu của mọi tài khoản mẫu: ${password}`,
    ...lines,
    '',
  ].join('\n');
}
