import type { TDemoAccountsResponse } from '../../../shared/auth';
import type { Config } from '../../config';
import type { Executor } from '../../db/schema';
import { DEMO_PASSWORD } from '../../demo/data';

/** The demo logins for the login page; empty outside demo mode and always in production. */
export async function listDemoAccounts(db: Executor, config: Config): Promise<TDemoAccountsResponse> {
  const off = { demo: false, password: null, accounts: [] };
  if (config.nodeEnv === 'production') return off;
  const flag = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  if (flag?.value !== 'true') return off;
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('units as n', 'n.id', 'u.unitId')
    .select(['u.login', 'u.fullName', 'u.role', 'n.name as unitName'])
    .where('u.isDemo', '=', 1)
    .where('u.disabled', '=', 0)
    .orderBy('u.createdAt')
    .orderBy('u.login')
    .execute();
  return { demo: true, password: DEMO_PASSWORD, accounts: rows.map((r) => ({ ...r, unitName: r.unitName ?? null })) };
}
