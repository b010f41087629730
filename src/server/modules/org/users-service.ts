import { inTransaction } from '../../db/transaction';
import { randomUUID } from 'node:crypto';
import type { TUser, TUserCreateRequest, TUserUpdateRequest } from '../../../shared/org';
import { nowIso, type Ctx } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import type { Executor } from '../../db/schema';
import { AppError, conflict, invalid, notFound } from '../../errors';
import { allow, accountAccess } from '../../access';
import { recordAudit } from '../audit/repository';
import { passwordProblem, requireStrongPassword } from '../auth/password-policy';
import { hashPassword, temporaryPassword } from '../auth/passwords';
import { createOrgRepository } from './repository';
import { createUsersRepository, type User } from './users-repository';

type AuditCtx = Pick<Ctx, 'requestId'> & { actor: Ctx['actor'] | null };

/** What leaves the server (and the audit log) about an account: never the hash. */
const view = (u: User) => ({
  id: u.id,
  login: u.login,
  fullName: u.fullName,
  email: u.email,
  role: u.role,
  unitId: u.unitId,
  disabled: u.disabled,
  mustChangePassword: u.mustChangePassword,
});

async function unitName(tx: Executor, unitId: string | null, field = 'unitId'): Promise<string | null> {
  if (!unitId) return null;
  const unit = await createOrgRepository(tx).findUnit(unitId);
  if (!unit) throw invalid({ [field]: 'Đơn vị: không tồn tại' });
  return unit.name;
}

export async function listUsers(db: Executor, ctx: Ctx): Promise<TUser[]> {
  allow(accountAccess(ctx.actor).manageOrg);
  return createOrgRepository(db).listUsers();
}

/** Inserts an account with an already hashed password, audited, in the caller's transaction. */
export async function insertUser(
  tx: Executor,
  input: Omit<TUserCreateRequest, 'password'> & {
    passwordHash: string;
    mustChangePassword?: boolean;
    isDemo?: boolean;
  },
  ctx: AuditCtx,
): Promise<TUser> {
  const name = await unitName(tx, input.unitId ?? null);
  const now = nowIso();
  const row: User = {
    id: randomUUID(),
    login: input.login,
    fullName: input.fullName,
    email: input.email ?? null,
    passwordHash: input.passwordHash,
    role: input.role,
    unitId: input.unitId ?? null,
    disabled: false,
    mustChangePassword: input.mustChangePassword ?? false,
    isDemo: input.isDemo ?? false,
    createdAt: now,
    updatedAt: now,
  };
  await createUsersRepository(tx).insertUser(row);
  await recordAudit(tx, ctx, {
    action: 'user.created',
    entityType: 'user',
    entityId: row.id,
    after: view(row),
  });
  return { ...view(row), unitName: name };
}

const duplicateLogin = (login: string) =>
  conflict(`Tên đăng nhập "${login}" đã được dùng.`, { login: 'Tên đăng nhập: đã được dùng' });

export async function createUser(db: Executor, input: TUserCreateRequest, ctx: Ctx): Promise<TUser> {
  allow(accountAccess(ctx.actor).manageOrg);
  await requireStrongPassword(input.password, input);
  const passwordHash = await hashPassword(input.password);
  try {
    return await inTransaction(db, (tx) =>
      insertUser(tx, { ...input, passwordHash, mustChangePassword: true }, ctx),
    );
  } catch (e) {
    throw isUniqueViolation(e) ? duplicateLogin(input.login) : e;
  }
}

export async function updateUser(
  db: Executor,
  id: string,
  patch: TUserUpdateRequest,
  ctx: Ctx,
): Promise<TUser> {
  allow(accountAccess(ctx.actor).manageOrg);
  if (id === ctx.actor.userId && (patch.disabled || (patch.role && patch.role !== 'admin'))) {
    throw new AppError('VALIDATION', 'Bạn không thể tự khóa hoặc tự bỏ quyền quản trị của mình.', {
      [patch.disabled ? 'disabled' : 'role']: 'Không áp dụng cho chính tài khoản đang đăng nhập',
    });
  }
  return inTransaction(db, async (tx) => {
    const repo = createUsersRepository(tx);
    const before = await repo.findUser(id);
    if (!before) throw notFound('tài khoản');
    const role = patch.role ?? before.role;
    const unitId = patch.unitId === undefined ? before.unitId : patch.unitId;
    if ((role === 'officer' || role === 'leader') !== Boolean(unitId)) {
      throw invalid({
        unitId: 'Đơn vị: bắt buộc với cán bộ đầu mối và lãnh đạo đơn vị, để trống với quản trị và Ban TĐKT',
      });
    }
    const name = await unitName(tx, unitId); // a unit that does not exist is a 400, not a foreign-key error
    const { disabled, ...rest } = patch;
    const set: Partial<User> = {
      ...rest,
      unitId,
      updatedAt: nowIso(),
      ...(disabled === undefined ? {} : { disabled }),
    };
    await repo.updateUser(id, set);
    // A disabled account, or one whose powers changed, must sign in again.
    if (disabled || patch.role || patch.unitId !== undefined) await repo.deleteSessions(id);
    const after: User = { ...before, ...set };
    await recordAudit(tx, ctx, {
      action: 'user.updated',
      entityType: 'user',
      entityId: id,
      before: view(before),
      after: view(after),
    });
    return { ...view(after), unitName: name };
  });
}

/** A random temporary password that passes the policy like any other (12 random letters almost always do). */
async function strongTemporaryPassword(owner: User): Promise<string> {
  for (let i = 0; ; i++) {
    const password = temporaryPassword();
    if (i >= 9 || !(await passwordProblem(password, owner))) return password;
  }
}

/** Gives the account a temporary password, to be changed at next sign-in; closes its sessions. */
export async function resetPassword(
  db: Executor,
  id: string,
  ctx: Ctx,
): Promise<{ temporaryPassword: string }> {
  allow(accountAccess(ctx.actor).manageOrg);
  const user = await createUsersRepository(db).findUser(id);
  if (!user) throw notFound('tài khoản');
  const password = await strongTemporaryPassword(user);
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (tx) => {
    const repo = createUsersRepository(tx);
    if (!(await repo.findUser(id))) throw notFound('tài khoản');
    await repo.updateUser(id, { passwordHash, mustChangePassword: true, updatedAt: nowIso() });
    await repo.deleteSessions(id);
    await recordAudit(tx, ctx, { action: 'user.password-reset', entityType: 'user', entityId: id });
  });
  return { temporaryPassword: password };
}
