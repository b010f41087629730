import type { Selectable } from 'kysely';
import type { Executor, UserTable } from '../../db/schema';

type Flag = 'disabled' | 'mustChangePassword' | 'isDemo';
/** An account as the services use it: its flags as booleans. */
export type User = Omit<Selectable<UserTable>, Flag> & Record<Flag, boolean>;

/** An account row (with whatever else was selected beside it) with its flags as booleans. */
export const toUser = <T extends Selectable<UserTable>>({
  disabled,
  mustChangePassword,
  isDemo,
  ...rest
}: T): Omit<T, Flag> & Record<Flag, boolean> => ({
  ...rest,
  disabled: disabled === 1,
  mustChangePassword: mustChangePassword === 1,
  isDemo: isDemo === 1,
});
const bit = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
/** An account patch as columns: the flags given as 0/1, the others left out. */
function userColumns({ disabled, mustChangePassword, isDemo, ...rest }: Partial<User>): Partial<UserTable> {
  const flags = { disabled: bit(disabled), mustChangePassword: bit(mustChangePassword), isDemo: bit(isDemo) };
  return { ...rest, ...Object.fromEntries(Object.entries(flags).filter(([, v]) => v !== undefined)) };
}

/** User accounts (the admin side; sign-in lives in auth/repository). */
export function createUsersRepository(db: Executor) {
  return {
    /** The full name of a unit's first active account with the role (its signer), or "" when it has none. */
    personOf: async (unitId: string, role: 'leader' | 'officer') =>
      (
        await db
          .selectFrom('users')
          .select('fullName')
          .where('unitId', '=', unitId)
          .where('role', '=', role)
          .where('disabled', '=', 0)
          .orderBy('createdAt')
          .orderBy('id')
          .limit(1)
          .executeTakeFirst()
      )?.fullName ?? '',
    findUser: async (id: string) => {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUser(row);
    },
    findUserByLogin: (login: string) =>
      db.selectFrom('users').select('id').where('login', '=', login).executeTakeFirst(),
    insertUser: (user: User) =>
      db
        .insertInto('users')
        .values({
          ...user,
          disabled: user.disabled ? 1 : 0,
          mustChangePassword: user.mustChangePassword ? 1 : 0,
          isDemo: user.isDemo ? 1 : 0,
        })
        .execute(),
    updateUser: (id: string, patch: Partial<User>) =>
      db.updateTable('users').set(userColumns(patch)).where('id', '=', id).execute(),
    deleteSessions: (userId: string) => db.deleteFrom('sessions').where('userId', '=', userId).execute(),
    /** Ends the sessions of every account of a unit. */
    deleteUnitSessions: (unitId: string) =>
      db
        .deleteFrom('sessions')
        .where('userId', 'in', db.selectFrom('users').select('id').where('unitId', '=', unitId))
        .execute(),
  };
}
