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

/** A unit as the services use it: its flags as booleans. */
export type Unit = Omit<Selectable<UnitTable>, 'isSample' | 'disabled'> & {
  isSample: boolean;
  disabled: boolean;
};

const toUnit = ({ isSample, disabled, ...rest }: Selectable<UnitTable>): Unit => ({
  ...rest,
  isSample: isSample === 1,
  disabled: disabled === 1,
});
/** A unit patch as columns: the flags given as 0/1. */
function unitColumns({ isSample, disabled, ...rest }: Partial<Unit>): Partial<UnitTable> {
  return {
    ...rest,
    ...(isSample === undefined ? {} : { isSample: isSample ? 1 : 0 }),
    ...(disabled === undefined ? {} : { disabled: disabled ? 1 : 0 }),
  };
}

export const presentUnit = (u: Unit): TUnit => ({
  id: u.id,
  code: u.code,
  name: u.name,
  shortName: u.shortName,
  email: u.email,
  isSample: u.isSample,
  disabled: u.disabled,
});
const presentUnitRow = (u: Selectable<UnitTable>): TUnit => presentUnit(toUnit(u));

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
      (await db.selectFrom('units').selectAll().orderBy('name').execute()).map(presentUnitRow),
    findUnit: async (id: string) => {
      const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toUnit(row);
    },
    findUnitsByIds: async (ids: readonly string[]) =>
      ids.length
        ? (await db.selectFrom('units').selectAll().where('id', 'in', ids).execute()).map(toUnit)
        : [],
    findUnitByCode: async (code: string) => {
      const row = await db.selectFrom('units').selectAll().where('code', '=', code).executeTakeFirst();
      return row && toUnit(row);
    },
    insertUnit: (unit: Unit) =>
      db
        .insertInto('units')
        .values({ ...unit, isSample: unit.isSample ? 1 : 0, disabled: unit.disabled ? 1 : 0 })
        .execute(),
    updateUnit: (id: string, patch: Partial<Unit>) =>
      db.updateTable('units').set(unitColumns(patch)).where('id', '=', id).execute(),

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
      ).map(presentUnitRow),
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
        list.push(presentUnitRow(u));
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
