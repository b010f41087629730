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
  const rows = await repo.demoAccounts();
  return {
    demo: true,
    password: DEMO_PASSWORD,
    accounts: rows.map((r) => ({ ...r, unitName: r.unitName ?? null })),
  };
}
