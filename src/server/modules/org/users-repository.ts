import type { Executor, UserTable } from '../../db/schema';

/** User accounts (the admin side; sign-in lives in auth/repository). */
export function createUsersRepository(db: Executor) {
  return {
    findUser: (id: string) => db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst(),
    findUserByLogin: (login: string) =>
      db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst(),
    insertUser: (row: UserTable) => db.insertInto('users').values(row).execute(),
    updateUser: (id: string, patch: Partial<UserTable>) =>
      db.updateTable('users').set(patch).where('id', '=', id).execute(),
    deleteSessions: (userId: string) => db.deleteFrom('sessions').where('userId', '=', userId).execute(),
    /** Ends the sessions of every account of a unit. */
    deleteUnitSessions: (unitId: string) =>
      db
        .deleteFrom('sessions')
        .where('userId', 'in', db.selectFrom('users').select('id').where('unitId', '=', unitId))
        .execute(),
  };
}
