import type { Config } from './config';
import { openDatabase, type DbHandle } from './db/connection';
import { migrateToLatest } from './db/migrate';
import { isEmpty, seedDemo, seedDemoLife, type DemoLogin } from './demo/seed';
import { createLocalFileStore, fileStoreDir } from './storage/file-store';
import { sweepOrphanUploads } from './modules/plans/reports-service';

/**
 * Opens and migrates the configured database; loads demo data into an empty one outside production;
 * moves aside uploaded files left without a report row by an interrupted upload.
 */
export async function prepareDatabase(config: Config): Promise<{
  handle: DbHandle;
  migration: string | null;
  demo: DemoLogin[] | null;
  orphanUploads: string[];
}> {
  const handle = openDatabase(config);
  try {
    const migration = await migrateToLatest(handle.db);
    const demo =
      config.nodeEnv !== 'production' && (await isEmpty(handle.db)) ? await seedDemo(handle.db) : null;
    if (demo && config.demo !== 'seed') {
      await seedDemoLife(handle.db, createLocalFileStore(fileStoreDir(config.dataDir)), {
        records: config.demo === 'living',
      });
    }
    const orphanUploads = await sweepOrphanUploads(handle.db, config.dataDir).catch((error: unknown) => {
      process.emitWarning(`Could not check uploads for interrupted uploads: ${String(error)}`);
      return [];
    });
    return { handle, migration, demo, orphanUploads };
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
    'Đã tạo dữ liệu mẫu (demo) — Khối thi đua các cơ quan Quản lý kinh tế thành phố: năm 2024 đã tổng kết, năm nay đang diễn ra.',
    `Mật khẩu của mọi tài khoản mẫu: ${password}`,
    ...lines,
    '',
  ].join('\n');
}
