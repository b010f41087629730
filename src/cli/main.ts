import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/connection';
import { migrateToLatest } from '../server/db/migrate';
import { DEMO_PASSWORD } from '../server/demo/data';
import { isEmpty, seedDemo } from '../server/demo/seed';
import { serve } from '../server/main';
import { backupDatabase } from './backup';
import { createAdmin } from './create-admin';

const usage = `Cách dùng: thidua <lệnh>
  serve                          chạy máy chủ (mặc định)
  migrate                        cập nhật cấu trúc cơ sở dữ liệu
  seed-demo                      nạp dữ liệu mẫu vào cơ sở dữ liệu trống
  backup [--to TỆP]              sao lưu cơ sở dữ liệu nhúng khi máy chủ vẫn chạy (mặc định DATA_DIR/backups/)
  create-admin --login L [--full-name N] [--password P]
                                 tạo tài khoản quản trị (mật khẩu đọc từ THIDUA_ADMIN_PASSWORD nếu không truyền)
Cấu hình qua biến môi trường: PORT, HOST, DATA_DIR, DATABASE_URL, NODE_ENV (xem README).`;

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...rest] = argv;
  const config = loadConfig();
  if (command === 'serve') {
    await serve(config);
    return -1;
  }
  if (command === 'help' || command === '--help') {
    console.log(usage);
    return 0;
  }
  if (command === 'backup') {
    // Not through openDatabase: a backup neither migrates nor creates anything.
    const { values } = parseArgs({ args: rest, options: { to: { type: 'string' } } });
    const done = await backupDatabase(config, values.to);
    console.log(
      `Đã sao lưu vào ${done.file} (${(done.bytes / 1048576).toFixed(1)} MB, ${Object.keys(done.rows).length} bảng, ${done.rows.users ?? 0} tài khoản); bản sao đã được kiểm tra toàn vẹn.`,
    );
    return 0;
  }
  const handle = openDatabase(config);
  try {
    const migration = await migrateToLatest(handle.db);
    switch (command) {
      case 'migrate':
        console.log(`Cơ sở dữ liệu (${handle.kind}) ở phiên bản ${migration ?? '(trống)'}.`);
        return 0;
      case 'seed-demo': {
        if (config.nodeEnv === 'production') {
          throw new Error('Không nạp dữ liệu mẫu khi NODE_ENV=production.');
        }
        if (!(await isEmpty(handle.db))) {
          throw new Error('Cơ sở dữ liệu đã có dữ liệu; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.');
        }
        const logins = await seedDemo(handle.db);
        console.log(`Đã nạp ${logins.length} tài khoản mẫu, mật khẩu: ${DEMO_PASSWORD}`);
        return 0;
      }
      case 'create-admin': {
        const { values } = parseArgs({
          args: rest,
          options: {
            login: { type: 'string' },
            'full-name': { type: 'string' },
            password: { type: 'string' },
          },
        });
        const password = values.password ?? process.env.THIDUA_ADMIN_PASSWORD;
        const user = await createAdmin(handle.db, {
          login: values.login ?? '',
          fullName: values['full-name'] ?? 'Quản trị hệ thống',
          password: password ?? '',
        });
        console.log(
          `Đã tạo tài khoản quản trị "${user.login}". Người dùng phải đổi mật khẩu ở lần đăng nhập đầu.`,
        );
        return 0;
      }
      default:
        console.error(`Lệnh không hợp lệ: ${command}\n${usage}`);
        return 2;
    }
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
