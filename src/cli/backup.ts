import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { instantToVn } from '../domain/time';

export interface BackupResult {
  file: string;
  bytes: number;
  /** Rows per table in the copy, read back from it. */
  rows: Record<string, number>;
}

/**
 * Copies the embedded database, online and consistent (SQLite's backup API, in one step so that the
 * server's writes cannot restart it; the server keeps running), into `to` or
 * DATA_DIR/backups/thidua-<Vietnam date and time>.sqlite. Opens the database as it is — no migration,
 * nothing created — and never writes over an existing file. The copy is one self-contained file, readable
 * by its owner only (it holds password hashes), checked (integrity_check) before it is reported; a copy
 * that fails the check is removed.
 */
export async function backupDatabase(
  config: { databaseUrl: string | null; dataDir: string },
  to?: string,
  at = new Date(),
): Promise<BackupResult> {
  if (config.databaseUrl) throw new Error('Cơ sở dữ liệu PostgreSQL: hãy sao lưu bằng pg_dump (xem README).');
  const source = path.join(config.dataDir, 'thidua.sqlite');
  if (!fs.existsSync(source)) throw new Error(`Không thấy cơ sở dữ liệu ${source} (kiểm tra DATA_DIR).`);
  const { date, time } = instantToVn(at);
  const file = path.resolve(
    to ??
      path.join(
        config.dataDir,
        'backups',
        `thidua-${date}-${time.replace(':', '')}${String(at.getSeconds()).padStart(2, '0')}.sqlite`,
      ),
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, '', { flag: 'wx', mode: 0o600 }); // claims the name: never over an existing file
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new Error(`Tệp ${file} đã có; chọn tên khác (không ghi đè bản sao lưu).`);
    }
    throw error;
  }
  try {
    const db = new SQLite(source, { fileMustExist: true });
    try {
      await db.backup(file, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    return checkCopy(file);
  } catch (error) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    throw error;
  }
}

function checkCopy(file: string): BackupResult {
  const copy = new SQLite(file);
  try {
    copy.pragma('journal_mode = DELETE'); // one self-contained file: no -wal/-shm beside the copy
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`Bản sao lưu ${file} không toàn vẹn: ${String(check)}`);
    const tables = copy
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const rows = Object.fromEntries(
      tables.map((t) => [t, Number(copy.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get())]),
    );
    return { file, bytes: fs.statSync(file).size, rows };
  } finally {
    copy.close();
  }
}
