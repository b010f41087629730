import type { TDemoAccountsResponse } from '../../../shared/auth';
import type { Config } from '../../config';
import type { Executor } from '../../db/schema';
import { DEMO_PASSWORD } from '../../demo/data';
import { createAuthRepository } from './repository';

/** The demo logins for the login page; empty outside demo mode and always in production. */
export async function listDemoAccounts(db: Executor, config: Config): Promise<TDemoAccountsResponse> {
  const off = { demo: false, password: null, accounts: [] };
  if (config.nodeEnv === 'production') return off;
  const repo = createAuthRepository(db);
  if (!(await repo.isDemo())) return off;
  const rows = (await repo.demoAccounts()).sort(byUnitThenRole);
  return {
    demo: true,
    password: DEMO_PASSWORD,
    accounts: rows.map(({ unitCode: _, ...r }) => ({ ...r, unitName: r.unitName ?? null })),
  };
}

const roleOrder = { admin: 0, board: 1, officer: 2, leader: 3 } as const;

/** A stable order: the administrator and the board, then unit by unit (by code), its officer before its leader. */
function byUnitThenRole(
  a: { unitCode: string | null; role: keyof typeof roleOrder; login: string },
  b: { unitCode: string | null; role: keyof typeof roleOrder; login: string },
): number {
  if ((a.unitCode === null) !== (b.unitCode === null)) return a.unitCode === null ? -1 : 1;
  return (
    (a.unitCode ?? '').localeCompare(b.unitCode ?? '') ||
    roleOrder[a.role] - roleOrder[b.role] ||
    a.login.localeCompare(b.login)
  );
}
