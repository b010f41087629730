import { ZUserCreateRequestSchema, type TUser } from '../shared/org';
import { toFieldErrors } from '../shared/validation-messages';
import type { Db } from '../server/db/schema';
import { inTransaction } from '../server/db/transaction';
import { passwordProblem } from '../server/modules/auth/password-policy';
import { hashPassword } from '../server/modules/auth/passwords';
import { createUsersRepository } from '../server/modules/org/users-repository';
import { insertUser } from '../server/modules/org/users-service';

/** Creates an administrator from the command line (the way the first admin exists in production). */
export async function createAdmin(
  db: Db,
  input: { login: string; fullName: string; password: string },
): Promise<TUser> {
  const parsed = ZUserCreateRequestSchema.safeParse({ ...input, role: 'admin', unitId: null });
  if (!parsed.success) throw new Error(Object.values(toFieldErrors(parsed.error.issues)).join('\n'));
  if (await createUsersRepository(db).findUserByLogin(parsed.data.login)) {
    throw new Error(`Tên đăng nhập "${parsed.data.login}" đã được dùng.`);
  }
  const weak = await passwordProblem(parsed.data.password, parsed.data);
  if (weak) throw new Error(`Mật khẩu: ${weak}`);
  const passwordHash = await hashPassword(parsed.data.password);
  return inTransaction(db, (tx) =>
    insertUser(
      tx,
      { ...parsed.data, passwordHash, mustChangePassword: true },
      { actor: null, requestId: 'cli-create-admin' },
    ),
  );
}
