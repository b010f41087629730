import path from 'node:path';
import { z } from 'zod';
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
  /**
   * Demo data in an empty non-production database: 'living' (2024 finished, the current year in progress),
   * 'scores' (the same, but 2024 finished with its scores only: no covenant, registrations, events, ballots
   * or awards — the journeys that replay its nominations and proposal use it) or 'seed' (2024 only, as the
   * seed plan left it: the journeys that replay that year use it).
   */
  demo: 'living' | 'scores' | 'seed';
  webDir: string;
  smtp: SmtpConfig | null;
  /** Run due reminders every minute (REMINDERS_ENABLED; default on, off under NODE_ENV=test). */
  remindersEnabled: boolean;
  reminderOffsetsDays: number[];
  /** PDF conversions (LibreOffice) at once, how many may wait, and the PDF cache's size in MB. */
  pdf: { concurrency: number; queueLength: number; cacheMb: number };
}

/** A variable that is set but wrong; the message lists every bad variable at once. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

type Check = z.core.$RefinementCtx;
const bad = (ctx: Check, message: string, value: string) => {
  ctx.addIssue({ code: 'custom', message: `${message}, nhận được "${value}"` });
  return z.NEVER;
};

/** A whole number ≥ `min`. */
const wholeNumber = (min: 0 | 1) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) {
        return bad(ctx, min === 1 ? 'phải là số nguyên dương' : 'phải là số nguyên ≥ 0', v);
      }
      return n;
    });

/** true/false (also 1/0, yes/no, any case). */
const flag = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    const s = v.trim().toLowerCase();
    if (['true', '1', 'yes'].includes(s)) return true;
    if (['false', '0', 'no'].includes(s)) return false;
    return bad(ctx, 'phải là true hoặc false', v);
  });

const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => {
  const known = (v: string): v is T[number] => (values as readonly string[]).includes(v);
  return z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined) return undefined;
      return known(v) ? v : bad(ctx, `phải là một trong ${values.join(', ')}`, v);
    });
};

const absoluteHttpUrl = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    let url: URL;
    try {
      url = new URL(v);
    } catch {
      return bad(ctx, 'phải là địa chỉ đầy đủ bắt đầu bằng http:// hoặc https://', v);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      return bad(ctx, 'phải bắt đầu bằng http:// hoặc https://', v);
    }
    return url;
  });

const reminderOffsets = z
  .string()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined) return undefined;
    try {
      return parseOffsets(v);
    } catch {
      return bad(ctx, 'phải là các số ngày từ 1 đến 365, cách nhau bằng dấu phẩy', v);
    }
  });

const text = z.string().optional();

/** The environment variables the server reads (documented in README and .env.example). */
const envSchema = z.object({
  NODE_ENV: text,
  PORT: wholeNumber(1),
  HOST: text,
  PUBLIC_URL: absoluteHttpUrl,
  DATA_DIR: text,
  DATABASE_URL: text,
  SQLITE_SYNCHRONOUS: oneOf(['FULL', 'NORMAL']),
  PG_PREPARED_STATEMENTS: flag,
  PG_POOL_SIZE: wholeNumber(1),
  SESSION_TTL_HOURS: wholeNumber(1),
  COOKIE_SECURE: flag,
  TRUST_PROXY: flag,
  LOG_LEVEL: oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  DEMO: oneOf(['living', 'scores', 'seed']),
  WEB_DIR: text,
  SMTP_HOST: text,
  SMTP_PORT: wholeNumber(1),
  SMTP_SECURE: flag,
  SMTP_USER: text,
  SMTP_PASS: text,
  SMTP_FROM: text,
  REMINDERS_ENABLED: flag,
  REMINDER_OFFSETS_DAYS: reminderOffsets,
  PDF_CONCURRENCY: wholeNumber(1),
  PDF_QUEUE_LENGTH: wholeNumber(0),
  PDF_CACHE_MB: wholeNumber(0),
});

/** Parses the variables; an empty one counts as unset. Throws one ConfigError naming every bad variable. */
function parseEnv(env: NodeJS.ProcessEnv) {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(set);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
  throw new ConfigError(`Cấu hình (biến môi trường) không hợp lệ:\n${lines.join('\n')}`);
}

const LOOPBACK_OR_ANY = new Set(['0.0.0.0', '::', 'localhost', '127.0.0.1', '::1']);

/**
 * PUBLIC_URL, or by default http://HOST:PORT (http://localhost:PORT when HOST is a wildcard or loopback;
 * then the loopback aliases on that port are trusted too: they reach the same server on this machine only).
 */
function publicAddress(publicUrl: URL | undefined, host: string, port: number) {
  if (publicUrl) {
    return {
      publicUrl: (publicUrl.origin + publicUrl.pathname).replace(/\/+$/, ''),
      trustedOrigins: [publicUrl.origin],
    };
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
  const e = parseEnv(env);
  const nodeEnv = e.NODE_ENV === 'production' || e.NODE_ENV === 'test' ? e.NODE_ENV : 'development';
  const port = e.PORT ?? 3000;
  const host = e.HOST ?? '0.0.0.0';
  return {
    port,
    host,
    ...publicAddress(e.PUBLIC_URL, host, port),
    dataDir: path.resolve(e.DATA_DIR ?? './data'),
    databaseUrl: e.DATABASE_URL ?? null,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS ?? 'FULL',
    pgPreparedStatements: e.PG_PREPARED_STATEMENTS ?? true,
    pgPoolSize: e.PG_POOL_SIZE ?? 5,
    nodeEnv,
    sessionTtlHours: e.SESSION_TTL_HOURS ?? 12,
    cookieSecure: e.COOKIE_SECURE ?? false,
    trustProxy: e.TRUST_PROXY ?? false,
    logLevel: e.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
    demo: e.DEMO ?? 'living',
    webDir: path.resolve(e.WEB_DIR ?? 'dist/web'),
    smtp: e.SMTP_HOST
      ? {
          host: e.SMTP_HOST,
          port: e.SMTP_PORT ?? (e.SMTP_SECURE ? 465 : 587),
          secure: e.SMTP_SECURE ?? false,
          user: e.SMTP_USER ?? null,
          pass: e.SMTP_PASS ?? null,
          from: e.SMTP_FROM ?? 'ThiĐua <no-reply@localhost>',
        }
      : null,
    remindersEnabled: e.REMINDERS_ENABLED ?? nodeEnv !== 'test',
    reminderOffsetsDays: e.REMINDER_OFFSETS_DAYS ?? parseOffsets('7,1'),
    pdf: {
      concurrency: e.PDF_CONCURRENCY ?? 1,
      queueLength: e.PDF_QUEUE_LENGTH ?? 4,
      cacheMb: e.PDF_CACHE_MB ?? 200,
    },
  };
}
