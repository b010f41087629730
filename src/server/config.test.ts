import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('fills every setting from its default when nothing is set (empty counts as unset)', () => {
    const config = loadConfig({ PORT: '', HOST: '' });
    expect(config).toEqual({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'http://localhost:3000',
      trustedOrigins: ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000'],
      dataDir: path.resolve('./data'),
      databaseUrl: null,
      sqliteSynchronous: 'FULL',
      pgPreparedStatements: true,
      pgPoolSize: 5,
      demo: 'living',
      nodeEnv: 'development',
      sessionTtlHours: 12,
      cookieSecure: false,
      trustProxy: false,
      logLevel: 'info',
      webDir: path.resolve('dist/web'),
      smtp: null,
      remindersEnabled: true,
      reminderOffsetsDays: [7, 1],
      pdf: { concurrency: 1, queueLength: 4, cacheMb: 200 },
    });
  });

  it('reads each variable into its typed setting', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '8080',
      SQLITE_SYNCHRONOUS: 'NORMAL',
      PG_PREPARED_STATEMENTS: 'false',
      COOKIE_SECURE: 'TRUE',
      TRUST_PROXY: '1',
      SMTP_HOST: 'smtp.example.vn',
      SMTP_SECURE: 'true',
      REMINDER_OFFSETS_DAYS: '1, 14',
      PDF_QUEUE_LENGTH: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      nodeEnv: 'test',
      logLevel: 'silent',
      remindersEnabled: false,
      sqliteSynchronous: 'NORMAL',
      pgPreparedStatements: false,
      cookieSecure: true,
      trustProxy: true,
      smtp: { host: 'smtp.example.vn', port: 465, secure: true, user: null, pass: null },
      reminderOffsetsDays: [14, 1],
      pdf: { queueLength: 0 },
    });
  });

  it('refuses with one error that names every bad variable and the value it got', () => {
    const load = () =>
      loadConfig({
        PORT: 'tám nghìn',
        SESSION_TTL_HOURS: '0',
        COOKIE_SECURE: 'có',
        SQLITE_SYNCHRONOUS: 'OFF',
        LOG_LEVEL: 'verbose',
        PUBLIC_URL: 'thidua.example.vn',
        REMINDER_OFFSETS_DAYS: '7,x',
        PDF_CACHE_MB: '-1',
      });
    expect(load).toThrow(ConfigError);
    let message = '';
    try {
      load();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'Cấu hình (biến môi trường) không hợp lệ:',
      '  - PORT: phải là số nguyên dương, nhận được "tám nghìn"',
      '  - PUBLIC_URL: phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://, nhận được "thidua.example.vn"',
      '  - SQLITE_SYNCHRONOUS: phải là một trong FULL, NORMAL, nhận được "OFF"',
      '  - SESSION_TTL_HOURS: phải là số nguyên dương, nhận được "0"',
      '  - COOKIE_SECURE: phải là true hoặc false, nhận được "có"',
      '  - LOG_LEVEL: phải là một trong fatal, error, warn, info, debug, trace, silent, nhận được "verbose"',
      '  - REMINDER_OFFSETS_DAYS: phải là các số ngày từ 1 đến 365, cách nhau bằng dấu phẩy, nhận được "7,x"',
      '  - PDF_CACHE_MB: phải là số nguyên ≥ 0, nhận được "-1"',
    ]);
  });

  it('refuses a PUBLIC_URL that is not http(s)', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://thidua.example.vn' })).toThrow(
      /PUBLIC_URL: phải bắt đầu bằng http:\/\/ hoặc https:\/\//,
    );
  });
});
