import type { Selectable } from 'kysely';
import type { TBloc, TUnit, TUser, TYear } from '../../../shared/org';
import type { BlocTable, Executor, UnitTable } from '../../db/schema';

export const presentBloc = (b: Selectable<BlocTable>): TBloc => ({
  id: b.id,
  kind: b.kind,
  name: b.name,
  shortName: b.shortName,
  description: b.description,
  governingBody: b.governingBody,
  place: b.place,
  publicResults: b.publicResults === 1,
});

export const presentUnit = (u: Selectable<UnitTable>): TUnit => ({
  id: u.id,
  code: u.code,
  name: u.name,
  shortName: u.shortName,
  email: u.email,
  isSample: Boolean(u.isSample),
  disabled: Boolean(u.disabled),
});

/** Blocs, units, bloc-years with memberships, and user accounts. */
export function createOrgRepository(db: Executor) {
  const yearRows = () =>
    db
      .selectFrom('years as y')
      .innerJoin('blocs as b', 'b.id', 'y.blocId')
      .select([
        'y.id',
        'y.blocId',
        'b.name as blocName',
        'b.kind as blocKind',
        'y.year',
        'y.headUnitId',
        'y.deputyUnitId',
      ])
      .select((eb) =>
        eb
          .selectFrom('memberships as m')
          .whereRef('m.yearId', '=', 'y.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('memberCount'),
      );
  const toYear = (r: Awaited<ReturnType<ReturnType<typeof yearRows>['executeTakeFirstOrThrow']>>): TYear => ({
    id: r.id,
    blocId: r.blocId,
    blocName: r.blocName,
    blocKind: r.blocKind,
    year: r.year,
    headUnitId: r.headUnitId,
    deputyUnitId: r.deputyUnitId,
    memberCount: Number(r.memberCount ?? 0),
  });

  return {
    listBlocs: async () =>
      (await db.selectFrom('blocs').selectAll().orderBy('name').execute()).map(presentBloc),
    findBloc: (id: string) => db.selectFrom('blocs').selectAll().where('id', '=', id).executeTakeFirst(),
    insertBloc: (row: BlocTable) => db.insertInto('blocs').values(row).execute(),
    updateBloc: (id: string, patch: Partial<BlocTable>) =>
      db.updateTable('blocs').set(patch).where('id', '=', id).execute(),

    listUnits: async () =>
      (await db.selectFrom('units').selectAll().orderBy('name').execute()).map(presentUnit),
    findUnit: (id: string) => db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst(),
    findUnitsByIds: (ids: readonly string[]) =>
      ids.length ? db.selectFrom('units').selectAll().where('id', 'in', ids).execute() : Promise.resolve([]),
    findUnitByCode: (code: string) =>
      db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst(),
    insertUnit: (row: UnitTable) => db.insertInto('units').values(row).execute(),
    updateUnit: (id: string, patch: Partial<UnitTable>) =>
      db.updateTable('units').set(patch).where('id', '=', id).execute(),

    listYears: async (blocId?: string) => {
      let q = yearRows();
      if (blocId) q = q.where('y.blocId', '=', blocId);
      return (await q.orderBy('y.year', 'desc').orderBy('b.name').execute()).map(toYear);
    },
    findYear: async (id: string) => {
      const r = await yearRows().where('y.id', '=', id).executeTakeFirst();
      return r && toYear(r);
    },
    findYearByBlocAndYear: (blocId: string, year: number) =>
      db
        .selectFrom('years')
        .select('id')
        .where('blocId', '=', blocId)
        .where('year', '=', year)
        .executeTakeFirst(),
    /** Ids of the bloc-years a unit belongs to. */
    yearIdsOfUnit: async (unitId: string) =>
      (await db.selectFrom('memberships').select('yearId').where('unitId', '=', unitId).execute()).map(
        (r) => r.yearId,
      ),
    members: async (yearId: string) =>
      (
        await db
          .selectFrom('memberships as m')
          .innerJoin('units as u', 'u.id', 'm.unitId')
          .selectAll('u')
          .where('m.yearId', '=', yearId)
          .orderBy('u.name')
          .execute()
      ).map(presentUnit),
    /** Members of many bloc-years in one query, keyed by year id. */
    membersOfYears: async (yearIds: readonly string[]) => {
      const out = new Map<string, TUnit[]>();
      if (!yearIds.length) return out;
      const rows = await db
        .selectFrom('memberships as m')
        .innerJoin('units as u', 'u.id', 'm.unitId')
        .selectAll('u')
        .select('m.yearId')
        .where('m.yearId', 'in', yearIds)
        .orderBy('u.name')
        .execute();
      for (const { yearId, ...u } of rows) {
        const list = out.get(yearId) ?? [];
        list.push(presentUnit(u));
        out.set(yearId, list);
      }
      return out;
    },
    insertYear: (row: {
      id: string;
      blocId: string;
      year: number;
      headUnitId: string | null;
      deputyUnitId: string | null;
      createdAt: string;
    }) => db.insertInto('years').values(row).execute(),
    updateYearRoles: (id: string, patch: { headUnitId?: string | null; deputyUnitId?: string | null }) =>
      db.updateTable('years').set(patch).where('id', '=', id).execute(),
    async replaceMembers(yearId: string, unitIds: readonly string[]) {
      await db.deleteFrom('memberships').where('yearId', '=', yearId).execute();
      if (unitIds.length) {
        await db
          .insertInto('memberships')
          .values(unitIds.map((unitId) => ({ yearId, unitId })))
          .execute();
      }
    },

    listUsers: async (): Promise<TUser[]> =>
      (
        await db
          .selectFrom('users as u')
          .leftJoin('units as n', 'n.id', 'u.unitId')
          .select([
            'u.id',
            'u.login',
            'u.fullName',
            'u.email',
            'u.role',
            'u.unitId',
            'u.disabled',
            'u.mustChangePassword',
            'n.name as unitName',
          ])
          .orderBy('u.login')
          .execute()
      ).map((u) => ({
        ...u,
        unitName: u.unitName ?? null,
        disabled: Boolean(u.disabled),
        mustChangePassword: Boolean(u.mustChangePassword),
      })),
  };
}
