import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { instantToVn } from '../domain/time';
import type { DbHandle } from '../server/db/connection';

export interface BackupResult {
  file: string;
  bytes: number;
  /** Rows per table in the copy, read back from it. */
  rows: Record<string, number>;
}

/**
 * Copies the embedded database, online and consistent (SQLite's backup API: the server may keep running),
 * into `to` or DATA_DIR/backups/thidua-<Vietnam date and time>.sqlite; never over an existing file. The copy
 * is opened and checked (integrity_check) before it is reported.
 */
export async function backupDatabase(handle: DbHandle, dataDir: string, to?: string, at = new Date()): Promise<BackupResult> {
  if (!handle.backup) throw new Error('Cơ sở dữ liệu PostgreSQL: hãy sao lưu bằng pg_dump (xem README).');
  const { date, time } = instantToVn(at);
  const file = path.resolve(to ?? path.join(dataDir, 'backups', `thidua-${date}-${time.replace(':', '')}${String(at.getSeconds()).padStart(2, '0')}.sqlite`));
  if (fs.existsSync(file)) throw new Error(`Tệp ${file} đã có; chọn tên khác (không ghi đè bản sao lưu).`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await handle.backup(file);
  const copy = new SQLite(file);
  try {
    // One self-contained file: no -wal/-shm beside the copy.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`Bản sao lưu ${file} không toàn vẹn: ${String(check)}`);
    const tables = copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const rows = Object.fromEntries(tables.map((t) => [t, Number(copy.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get())]));
    return { file, bytes: fs.statSync(file).size, rows };
  } finally {
    copy.close();
  }
}
