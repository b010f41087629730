import path from 'node:path';
import { parseOffsets } from '../domain/reminders';

/** Outgoing mail; null when SMTP_HOST is unset (e-mails then wait in the outbox for an administrator). */
export interface SmtpConfig {
  host: string;
  port: number;
  secure: boolean;
  user: string | null;
  pass: string | null;
  from: string;
}

export interface Config {
  port: number;
  host: string;
  /** The address users open (PUBLIC_URL, no trailing slash): links in calendar feeds and e-mails start with it. */
  publicUrl: string;
  /** Origins whose pages may send state-changing requests: PUBLIC_URL's, plus loopback aliases by default. */
  trustedOrigins: string[];
  dataDir: string;
  databaseUrl: string | null;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Prepare the hot statements once per PostgreSQL connection (off behind poolers without prepared-statement support). */
  pgPreparedStatements: boolean;
  /** Connections per app instance to PostgreSQL (PG_POOL_SIZE, default 5; see docs/benchmarks.md). */
  pgPoolSize: number;
  nodeEnv: 'development' | 'production' | 'test';
  sessionTtlHours: number;
  cookieSecure: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (the client IP keys sign-in rate limits). */
  trustProxy: boolean;
  logLevel: string;
  webDir: string;
  smtp: SmtpConfig | null;
  /** Run due reminders every minute (REMINDERS_ENABLED; default on, off under NODE_ENV=test). */
  remindersEnabled: boolean;
  reminderOffsetsDays: number[];
  /** PDF conversions (LibreOffice) at once, how many may wait, and the PDF cache's size in MB. */
  pdf: { concurrency: number; queueLength: number; cacheMb: number };
}

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive integer, got "${value}"`);
  return n;
}

function nonNegativeInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${value}"`);
  return n;
}

const LOOPBACK_OR_ANY = new Set(['0.0.0.0', '::', 'localhost', '127.0.0.1', '::1']);

/**
 * PUBLIC_URL, or by default http://HOST:PORT (http://localhost:PORT when HOST is a wildcard or loopback;
 * then the loopback aliases on that port are trusted too: they reach the same server on this machine only).
 */
function publicAddress(env: NodeJS.ProcessEnv, host: string, port: number) {
  if (env.PUBLIC_URL) {
    let url: URL;
    try {
      url = new URL(env.PUBLIC_URL);
    } catch {
      throw new Error(`PUBLIC_URL must be an absolute http(s) URL, got "${env.PUBLIC_URL}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new Error(`PUBLIC_URL must start with http:// or https://, got "${env.PUBLIC_URL}"`);
    }
    return { publicUrl: (url.origin + url.pathname).replace(/\/+$/, ''), trustedOrigins: [url.origin] };
  }
  if (LOOPBACK_OR_ANY.has(host)) {
    const origins = ['localhost', '127.0.0.1', '[::1]'].map((h) => `http://${h}:${port}`);
    return { publicUrl: origins[0]!, trustedOrigins: origins };
  }
  const origin = new URL(`http://${host.includes(':') ? `[${host}]` : host}:${port}`).origin;
  return { publicUrl: origin, trustedOrigins: [origin] };
}

/** Reads the configuration from environment variables (documented in README and .env.example). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === 'production' || env.NODE_ENV === 'test' ? env.NODE_ENV : 'development';
  const port = positiveInt(env.PORT, 3000, 'PORT');
  const host = env.HOST || '0.0.0.0';
  return {
    port,
    host,
    ...publicAddress(env, host, port),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || null,
    sqliteSynchronous: env.SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL',
    pgPreparedStatements: env.PG_PREPARED_STATEMENTS !== 'false',
    pgPoolSize: positiveInt(env.PG_POOL_SIZE, 5, 'PG_POOL_SIZE'),
    nodeEnv,
    sessionTtlHours: positiveInt(env.SESSION_TTL_HOURS, 12, 'SESSION_TTL_HOURS'),
    cookieSecure: env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    webDir: path.resolve(env.WEB_DIR || 'dist/web'),
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: positiveInt(env.SMTP_PORT, env.SMTP_SECURE === 'true' ? 465 : 587, 'SMTP_PORT'),
          secure: env.SMTP_SECURE === 'true',
          user: env.SMTP_USER || null,
          pass: env.SMTP_PASS || null,
          from: env.SMTP_FROM || 'ThiĐua <no-reply@localhost>',
        }
      : null,
    remindersEnabled: env.REMINDERS_ENABLED ? env.REMINDERS_ENABLED !== 'false' : nodeEnv !== 'test',
    reminderOffsetsDays: parseOffsets(env.REMINDER_OFFSETS_DAYS || '7,1'),
    pdf: {
      concurrency: positiveInt(env.PDF_CONCURRENCY, 1, 'PDF_CONCURRENCY'),
      queueLength: nonNegativeInt(env.PDF_QUEUE_LENGTH, 4, 'PDF_QUEUE_LENGTH'),
      cacheMb: nonNegativeInt(env.PDF_CACHE_MB, 200, 'PDF_CACHE_MB'),
    },
  };
}
