import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { batchOf, batcher, groupable, inOrderOf } from '../../db/batch';
import { PREPARED } from '../../db/raw';
import type { Executor, SignInFailureTable, UserTable } from '../../db/schema';
import { toUser } from '../org/users-repository';

interface LiveSessionRow {
  id: string;
  expiresAt: string;
  userId: string;
  login: string;
  role: UserTable['role'];
  unitId: string | null;
  disabled: number;
  mustChangePassword: number;
  /** 1 when the account's unit is disabled: its accounts cannot sign in (units-service.ts). */
  unitDisabled: number;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

const SESSION_SELECT = sql`SELECT s.id, s.expires_at, u.id AS user_id, u.login, u.role, u.unit_id, u.disabled,
  u.must_change_password, COALESCE(n.disabled, 0) AS unit_disabled
  FROM sessions s JOIN users u ON u.id = s.user_id LEFT JOIN units n ON n.id = u.unit_id`;

/** The session rows of many token hashes in one statement (PostgreSQL), in the order asked; expiry checked by the caller. */
const sessionRows = (db: Executor) => async (ids: string[]) => {
  const { rows } =
    await sql<LiveSessionRow>`${sql.raw(PREPARED)}${SESSION_SELECT} WHERE s.id = ANY(${ids}::text[])`.execute(
      db,
    );
  return inOrderOf(ids, rows);
};

/** Users and sessions. A session row stores only the SHA-256 of its cookie token. */
export function createAuthRepository(db: Executor) {
  return {
    findUserByLogin: async (login: string) => {
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('login', '=', login.toLowerCase())
        .executeTakeFirst();
      return row && toUser(row);
    },

    findUserWithUnit: async (userId: string) => {
      const row = await db
        .selectFrom('users as u')
        .leftJoin('units as n', 'n.id', 'u.unitId')
        .selectAll('u')
        .select('n.name as unitName')
        .where('u.id', '=', userId)
        .executeTakeFirst();
      return row && toUser(row);
    },

    async createSession(
      userId: string,
      now: Date,
      ttlMs: number,
    ): Promise<{ token: string; expiresAt: string }> {
      const token = randomBytes(32).toString('base64url');
      const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
      await db
        .insertInto('sessions')
        .values({ id: sha256(token), userId, createdAt: now.toISOString(), expiresAt })
        .execute();
      return { token, expiresAt };
    },

    /**
     * The live session of a cookie token with its user and unit (every request: raw SQL, see db/raw.ts). On
     * PostgreSQL the lookups of concurrent requests share one statement (db/batch.ts).
     */
    findLiveSession: async (token: string, now: Date) => {
      const id = sha256(token);
      const row = groupable(db)
        ? await batchOf(db, 'sessions', (stats) => batcher(sessionRows(db), { max: 100 }, stats))(id)
        : (await sql<LiveSessionRow>`${sql.raw(PREPARED)}${SESSION_SELECT} WHERE s.id = ${id}`.execute(db))
            .rows[0];
      if (!row || row.expiresAt <= now.toISOString()) return undefined;
      return {
        ...row,
        disabled: row.disabled === 1,
        mustChangePassword: row.mustChangePassword === 1,
        unitDisabled: Number(row.unitDisabled) === 1,
      };
    },

    /** Whether the account's unit is disabled (its accounts cannot sign in). */
    unitDisabled: async (unitId: string | null) =>
      unitId !== null &&
      (await db.selectFrom('units').select('disabled').where('id', '=', unitId).executeTakeFirst())
        ?.disabled === 1,

    extendSession: (sessionId: string, expiresAt: string) =>
      db.updateTable('sessions').set({ expiresAt }).where('id', '=', sessionId).execute(),

    deleteSession: (token: string) => db.deleteFrom('sessions').where('id', '=', sha256(token)).execute(),

    /** Ends every session of a user except the one with this token. */
    deleteOtherSessions: (userId: string, keepToken: string) =>
      db.deleteFrom('sessions').where('userId', '=', userId).where('id', '!=', sha256(keepToken)).execute(),

    isDemo: async () =>
      (await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst())
        ?.value === 'true',

    demoAccounts: () =>
      db
        .selectFrom('users as u')
        .leftJoin('units as n', 'n.id', 'u.unitId')
        .select(['u.login', 'u.fullName', 'u.role', 'n.name as unitName', 'n.code as unitCode'])
        .where('u.isDemo', '=', 1)
        .where('u.disabled', '=', 0)
        .execute(),

    deleteExpiredSessions: (now: Date) =>
      db.deleteFrom('sessions').where('expiresAt', '<=', now.toISOString()).execute(),

    setPassword: (userId: string, passwordHash: string, mustChange: boolean, now: string) =>
      db
        .updateTable('users')
        .set({ passwordHash, mustChangePassword: mustChange ? 1 : 0, updatedAt: now })
        .where('id', '=', userId)
        .execute(),

    /** Failed sign-ins of a login or from an address after an instant, oldest first. */
    signInFailuresAfter: (login: string, address: string, after: string) =>
      db
        .selectFrom('signInFailures')
        .select(['login', 'address', 'failedAt'])
        .where((eb) => eb.or([eb('login', '=', login), eb('address', '=', address)]))
        .where('failedAt', '>', after)
        .orderBy('failedAt')
        .execute(),
    insertSignInFailure: (row: SignInFailureTable) => db.insertInto('signInFailures').values(row).execute(),
    /** Forgets the failed sign-ins at or before an instant (out of every window). */
    pruneSignInFailures: (until: string) =>
      db.deleteFrom('signInFailures').where('failedAt', '<=', until).execute(),
  };
}
