import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import type { Database, Db } from './schema';
import { PREPARED } from './raw';
import { openSqlite } from './sqlite';
import { enableGroupCommit } from './transaction';

export type DbKind = 'sqlite' | 'postgres';

export interface DbHandle {
  db: Db;
  kind: DbKind;
  /** SQLite only: why writes are refused (a disk flush failed), or null. */
  writeFailure?(): string | null;
  close(): Promise<void>;
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));

const preparedNames = new Map<string, string>();

/**
 * Statements that start with PREPARED (db/raw.ts: the hot path's) are prepared once per connection under
 * a name, so PostgreSQL parses and plans them once instead of on every request (measured: +40 %
 * submissions/s). Only marked statements: each named statement stays in the server's memory.
 */
export class PreparingClient extends pg.Client {
  // One implementation for pg's overloads; Kysely calls query(text, values).
  override query(text: unknown, values?: unknown, callback?: unknown): Promise<pg.QueryResult> {
    const query = super.query.bind(this) as (...args: unknown[]) => Promise<pg.QueryResult>;
    if (typeof text === 'string' && text.startsWith(PREPARED) && Array.isArray(values)) {
      let name = preparedNames.get(text);
      if (!name) preparedNames.set(text, (name = `thidua_${preparedNames.size}`));
      return query({ name, text, values }, callback);
    }
    return query(text, values, callback);
  }
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded SQLite file in dataDir. */
export function openDatabase(opts: {
  databaseUrl: string | null;
  dataDir: string;
  sqliteFile?: string;
  sqliteSynchronous?: 'FULL' | 'NORMAL';
  pgPreparedStatements?: boolean;
  pgPoolSize?: number;
}): DbHandle {
  const plugins = [new CamelCasePlugin()];
  if (opts.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      max: opts.pgPoolSize ?? 5,
      Client: opts.pgPreparedStatements === false ? pg.Client : PreparingClient,
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the pool
    // replaces it on the next query.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL idle connection lost: ${err.message}`));
    // pool.end() resolves once it has asked its connections to end, not when they have: wait for each,
    // so that whoever closes the handle (then drops the database, or exits) finds them gone.
    const connections = new Set<pg.Client>();
    pool.on('connect', (client) => {
      connections.add(client);
      client.once('end', () => connections.delete(client));
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return {
      db,
      kind: 'postgres',
      close: async () => {
        const ended = [...connections].map((c) => new Promise((resolve) => c.once('end', resolve)));
        await db.destroy();
        await Promise.all(ended);
      },
    };
  }
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const sqlite = openSqlite(
    path.join(opts.dataDir, opts.sqliteFile ?? 'thidua.sqlite'),
    opts.sqliteSynchronous ?? 'FULL',
  );
  const db = new Kysely<Database>({ dialect: sqlite.dialect, plugins });
  enableGroupCommit(db, sqlite.walSync);
  return {
    db,
    kind: 'sqlite',
    writeFailure: () => sqlite.walSync?.failed?.message ?? null,
    close: async () => {
      await db.destroy();
      await sqlite.close();
    },
  };
}
