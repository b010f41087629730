import type { Db } from '../db/schema';
import type { FileStore } from '../storage/file-store';
import { inTransaction } from '../db/transaction';
import { hashPassword } from '../modules/auth/passwords';
import { createBloc } from '../modules/org/blocs-service';
import { insertUnit } from '../modules/org/units-service';
import { insertUser } from '../modules/org/users-service';
import { createYear } from '../modules/org/years-service';
import type { Ctx } from '../context';
import { saveDraft, startDraft } from '../modules/criteria/service';
import { demoCriteriaTree } from './criteria';
import { finishDemoYear, startCurrentYear } from './life';
import { seedDemoPlan } from './plan';
import { demoCatalogue } from './catalogue';
import { writeCatalogue } from '../modules/registrations/catalogue';
import { DEMO_PASSWORD, demoAdminAccount, demoBloc, demoBoardAccount, demoUnits, demoYear } from './data';

export interface DemoLogin {
  login: string;
  fullName: string;
  role: string;
  unit: string | null;
}

/** True when the database has no user and no unit: the only state demo data may be loaded into. */
export async function isEmpty(db: Db): Promise<boolean> {
  const user = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  const unit = await db.selectFrom('units').select('id').limit(1).executeTakeFirst();
  return !user && !unit;
}

/** Loads the demo bloc, its 2024 year, its seven units and their accounts, in one transaction. */
export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  // One hash for all demo accounts: they share the published demo password anyway.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return inTransaction(db, async (tx) => {
    const system = { actor: null, requestId: 'seed-demo' };
    const logins: DemoLogin[] = [];
    const admin = await insertUser(
      tx,
      { ...demoAdminAccount, role: 'admin', passwordHash, isDemo: true },
      system,
    );
    logins.push({ login: admin.login, fullName: admin.fullName, role: 'admin', unit: null });
    // The services below check that an admin acts; the seed acts as the demo admin it just created.
    const ctx: Ctx = {
      actor: { userId: admin.id, login: admin.login, role: 'admin', unitId: null },
      requestId: 'seed-demo',
    };

    const bloc = await createBloc(tx, demoBloc, ctx);
    const board = await insertUser(
      tx,
      { ...demoBoardAccount, role: 'board', passwordHash, isDemo: true },
      system,
    );
    logins.push({ login: board.login, fullName: board.fullName, role: 'board', unit: null });
    const ids: Record<string, string> = {};
    let headOfficer: Ctx['actor'] | null = null;
    let headLeader: Ctx['actor'] | null = null;
    for (const u of demoUnits) {
      const unit = await insertUnit(
        tx,
        { code: u.code, name: u.name, shortName: u.shortName, isSample: true },
        system,
      );
      ids[u.role === 'member' ? u.code : u.role] = unit.id;
      for (const [role, fullName, suffix] of [
        ['officer', u.officer, 'canbo'],
        ['leader', u.leader, 'lanhdao'],
      ] as const) {
        const user = await insertUser(
          tx,
          { login: `${u.code}.${suffix}`, fullName, role, unitId: unit.id, passwordHash, isDemo: true },
          system,
        );
        logins.push({ login: user.login, fullName, role, unit: u.name });
        if (u.role === 'head') {
          const actor = { userId: user.id, login: user.login, role, unitId: unit.id };
          if (role === 'officer') headOfficer = actor;
          else headLeader = actor;
        }
      }
      ids[u.code] = unit.id;
    }
    const year = await createYear(
      tx,
      {
        blocId: bloc.id,
        year: demoYear,
        unitIds: demoUnits.map((u) => ids[u.code]!),
        headUnitId: ids.head ?? null,
        deputyUnitId: ids.deputy ?? null,
      },
      ctx,
    );
    // The head's secretariat drafts the sample criteria set, as it would in the app.
    const secretariat: Ctx = { actor: headOfficer!, requestId: 'seed-demo' };
    const set = await startDraft(tx, year.id, secretariat);
    await saveDraft(
      tx,
      set.id,
      { name: 'Bảng tiêu chí chấm điểm thi đua năm 2024 (mẫu)', tree: demoCriteriaTree },
      secretariat,
    );
    await tx.updateTable('criteriaSets').set({ isSample: 1 }).where('id', '=', set.id).execute();
    await tx.insertInto('settings').values({ key: 'demo', value: 'true' }).execute();
    await seedDemoPlan(tx, year.id, secretariat, { actor: headLeader!, requestId: 'seed-demo' });
    await writeCatalogue(tx, demoYear, demoCatalogue, system);
    return logins;
  });
}

/**
 * Makes the demo bloc a living one (the app's start, not the tests' fixture): 2024 finished, the current
 * year in progress. Runs once, right after `seedDemo`, in one transaction. `records: false` finishes 2024
 * with its scores only (no covenant, registrations, events or ballots), for tests that make their own.
 */
export async function seedDemoLife(
  db: Db,
  files: FileStore,
  opts: { records?: boolean } = {},
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const users = await tx
      .selectFrom('users')
      .select(['id', 'login', 'role', 'unitId'])
      .where('isDemo', '=', 1)
      .execute();
    const ctxOf = (login: string): Ctx => {
      const u = users.find((x) => x.login === login);
      if (!u) throw new Error(`demo account ${login} is missing`);
      return {
        actor: { userId: u.id, login: u.login, role: u.role, unitId: u.unitId },
        requestId: 'seed-demo',
      };
    };
    const year = await tx
      .selectFrom('years')
      .select(['id', 'blocId', 'headUnitId', 'deputyUnitId'])
      .where('year', '=', demoYear)
      .executeTakeFirstOrThrow();
    const head = demoUnits.find((u) => u.role === 'head')!;
    const people = {
      admin: ctxOf(demoAdminAccount.login),
      headOfficer: ctxOf(`${head.code}.canbo`),
      headLeader: ctxOf(`${head.code}.lanhdao`),
      board: ctxOf(demoBoardAccount.login),
      leaders: demoUnits.map((u) => {
        const ctx = ctxOf(`${u.code}.lanhdao`);
        return { unitId: ctx.actor.unitId!, ctx };
      }),
    };
    await finishDemoYear(tx, year.id, people, files, opts.records ?? true);
    await startCurrentYear(
      tx,
      year.blocId,
      {
        yearId: year.id,
        unitIds: people.leaders.map((l) => l.unitId),
        headUnitId: year.headUnitId!,
        deputyUnitId: year.deputyUnitId!,
      },
      people,
    );
  });
}
