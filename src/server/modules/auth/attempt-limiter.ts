import type { Executor } from '../../db/schema';
import { uuidv7 } from '../../db/ids';
import { inTransaction } from '../../db/transaction';
import { createAuthRepository } from './repository';

/** Sign-in limits: failures within a sliding window, per address and login, per login, per address. */
export interface SignInLimits {
  /** Failures of one login from one address (someone mistyping, or a slow guess). */
  perAddressAndLogin: number;
  /** Failures of one login from all addresses together (a guess spread over many addresses). */
  perLogin: number;
  /** Failures from one address over all logins (one address trying many accounts). */
  perAddress: number;
  windowMs: number;
}

export const signInLimits: SignInLimits = {
  perAddressAndLogin: 10,
  perLogin: 30,
  perAddress: 50,
  windowMs: 15 * 60_000,
};

/** How long until fewer than `max` of these failures (oldest first) are left in the window; 0 when already. */
function waitMs(failedAt: number[], max: number, windowMs: number, now: number): number {
  if (failedAt.length < max) return 0;
  return failedAt[failedAt.length - max]! + windowMs - now;
}

/**
 * Failed sign-ins, kept in the database so that every app instance on it enforces one limit (behind a
 * proxy, successive tries reach different instances). Only failures count; a blocked try is refused before
 * the password is checked and is not recorded, so an address or login never has more than about `max`
 * rows in the window. Rows older than the window are pruned with each new failure.
 */
export function createSignInLimiter(db: Executor, limits: SignInLimits = signInLimits) {
  return {
    /** How many ms this address must wait before trying this login (0 when it may try now). */
    async blockedFor(login: string, address: string, now = Date.now()): Promise<number> {
      const rows = await createAuthRepository(db).signInFailuresAfter(
        login,
        address,
        new Date(now - limits.windowMs).toISOString(),
      );
      const times = (keep: (r: (typeof rows)[number]) => boolean) =>
        rows.filter(keep).map((r) => Date.parse(r.failedAt));
      const { windowMs } = limits;
      return Math.max(
        0,
        waitMs(
          times((r) => r.login === login && r.address === address),
          limits.perAddressAndLogin,
          windowMs,
          now,
        ),
        waitMs(
          times((r) => r.login === login),
          limits.perLogin,
          windowMs,
          now,
        ),
        waitMs(
          times((r) => r.address === address),
          limits.perAddress,
          windowMs,
          now,
        ),
      );
    },

    /** Records one failed sign-in and forgets those that left the window. */
    async fail(login: string, address: string, now = Date.now()): Promise<void> {
      await inTransaction(db, async (tx) => {
        const repo = createAuthRepository(tx);
        await repo.insertSignInFailure({
          id: uuidv7(),
          login,
          address,
          failedAt: new Date(now).toISOString(),
        });
        await repo.pruneSignInFailures(new Date(now - limits.windowMs).toISOString());
      });
    },
  };
}
