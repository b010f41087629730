import { accountCan } from '../../../domain/access';
import { inTransaction } from '../../db/transaction';
import type { TChangePasswordRequest, TLoginRequest, TMe } from '../../../shared/auth';
import type { Actor, Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { AppError, notFound } from '../../errors';
import { recordAudit } from '../audit/repository';
import { requireStrongPassword } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { createAuthRepository } from './repository';
import { now } from '../../clock';

const wrongCredentials = () =>
  new AppError('UNAUTHENTICATED', 'Tên đăng nhập hoặc mật khẩu không đúng, hoặc tài khoản đã bị khóa.');

// Verified against when the login does not exist, so that timing does not reveal which logins exist.
let dummyHash: Promise<string> | null = null;

/** Checks credentials, opens a session and audits the login. Returns the cookie token. */
export async function login(
  db: Executor,
  input: TLoginRequest,
  opts: { ttlMs: number; requestId: string },
): Promise<{ token: string; expiresAt: string; me: TMe }> {
  const repo = createAuthRepository(db);
  const user = await repo.findUserByLogin(input.login);
  if (!user) {
    dummyHash ??= hashPassword('not-a-real-password');
    await verifyPassword(await dummyHash, input.password);
    throw wrongCredentials();
  }
  const refused = user.disabled || (await repo.unitDisabled(user.unitId));
  if (!(await verifyPassword(user.passwordHash, input.password)) || refused) throw wrongCredentials();
  return inTransaction(db, async (tx) => {
    const repo = createAuthRepository(tx);
    await repo.deleteExpiredSessions(new Date()); // housekeeping: expired sessions never authenticate anyway
    const session = await repo.createSession(user.id, new Date(), opts.ttlMs);
    const actor: Actor = { userId: user.id, login: user.login, role: user.role, unitId: user.unitId };
    await recordAudit(
      tx,
      { actor, requestId: opts.requestId },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: user.id,
      },
    );
    return { ...session, me: await getMe(tx, user.id) };
  });
}

/** The signed-in user's profile. */
export async function getMe(db: Executor, userId: string): Promise<TMe> {
  const u = await createAuthRepository(db).findUserWithUnit(userId);
  if (!u) throw notFound('tài khoản');
  return {
    id: u.id,
    login: u.login,
    fullName: u.fullName,
    email: u.email,
    role: u.role,
    unitId: u.unitId,
    unitName: u.unitName ?? null,
    mustChangePassword: u.mustChangePassword,
    can: accountCan(u),
  };
}

export async function logout(db: Executor, token: string, ctx: Ctx): Promise<void> {
  await inTransaction(db, async (tx) => {
    await createAuthRepository(tx).deleteSession(token);
    await recordAudit(tx, ctx, { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId });
  });
}

/** Changes the caller's own password; other sessions of the user are closed. */
export async function changePassword(db: Executor, input: TChangePasswordRequest, token: string, ctx: Ctx) {
  const repo = createAuthRepository(db);
  const user = await repo.findUserWithUnit(ctx.actor.userId);
  if (!user) throw notFound('tài khoản');
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError('VALIDATION', 'Mật khẩu hiện tại không đúng.', {
      currentPassword: 'Mật khẩu hiện tại: không đúng',
    });
  }
  await requireStrongPassword(input.newPassword, user, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await inTransaction(db, async (tx) => {
    const r = createAuthRepository(tx);
    await r.setPassword(user.id, passwordHash, false, now().toISOString());
    await r.deleteOtherSessions(user.id, token);
    await recordAudit(tx, ctx, { action: 'auth.password-changed', entityType: 'user', entityId: user.id });
  });
}
