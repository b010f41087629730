import type {
  AwardCatalogueTable,
  Executor,
  RegistrationDispatchTable,
  RegistrationItemTable,
  RegistrationTable,
} from '../../db/schema';

/** The award catalogue, units' registrations with what they chose, and the summary's dispatches. */
export function createRegistrationRepository(db: Executor) {
  return {
    catalogue: (year: number) =>
      db.selectFrom('awardCatalogue').selectAll().where('year', '=', year).orderBy('position').execute(),
    /** The latest year before `year` that has a catalogue of its own. */
    latestCatalogueYearBefore: async (year: number) =>
      (
        await db
          .selectFrom('awardCatalogue')
          .select((eb) => eb.fn.max('year').as('year'))
          .where('year', '<', year)
          .executeTakeFirst()
      )?.year ?? null,
    replaceCatalogue: async (year: number, rows: AwardCatalogueTable[]) => {
      await db.deleteFrom('awardCatalogue').where('year', '=', year).execute();
      if (rows.length) await db.insertInto('awardCatalogue').values(rows).execute();
    },

    find: (id: string) => db.selectFrom('registrations').selectAll().where('id', '=', id).executeTakeFirst(),
    ofUnit: (yearId: string, unitId: string) =>
      db
        .selectFrom('registrations')
        .selectAll()
        .where('yearId', '=', yearId)
        .where('unitId', '=', unitId)
        .executeTakeFirst(),
    ofYear: (yearId: string) =>
      db.selectFrom('registrations').selectAll().where('yearId', '=', yearId).execute(),
    insert: (row: RegistrationTable) => db.insertInto('registrations').values(row).execute(),
    update: (id: string, patch: Partial<RegistrationTable>) =>
      db.updateTable('registrations').set(patch).where('id', '=', id).execute(),
    items: (registrationIds: readonly string[]) =>
      registrationIds.length
        ? db
            .selectFrom('registrationItems')
            .selectAll()
            .where('registrationId', 'in', registrationIds)
            .orderBy('registrationId')
            .orderBy('position')
            .execute()
        : Promise.resolve([]),
    replaceItems: async (registrationId: string, rows: RegistrationItemTable[]) => {
      await db.deleteFrom('registrationItems').where('registrationId', '=', registrationId).execute();
      if (rows.length) await db.insertInto('registrationItems').values(rows).execute();
    },

    /** The live registration tasks the published plan gave a year's units (one unit's, when given). */
    tasks: (yearId: string, unitId?: string) => {
      let q = db
        .selectFrom('tasks')
        .select(['id', 'unitId', 'deadlineAt'])
        .where('yearId', '=', yearId)
        .where('deliverable', '=', 'registration')
        .where('status', '!=', 'cancelled');
      if (unitId) q = q.where('unitId', '=', unitId);
      return q.execute();
    },
    userNames: async (ids: readonly (string | null)[]) => {
      const wanted = [...new Set(ids.filter((i): i is string => i !== null))];
      if (!wanted.length) return new Map<string, string>();
      const rows = await db
        .selectFrom('users')
        .select(['id', 'fullName'])
        .where('id', 'in', wanted)
        .execute();
      return new Map(rows.map((r) => [r.id, r.fullName]));
    },

    dispatches: (yearId: string) =>
      db
        .selectFrom('registrationDispatches as d')
        .innerJoin('users as u', 'u.id', 'd.recordedBy')
        .selectAll('d')
        .select('u.fullName as recordedByName')
        .where('d.yearId', '=', yearId)
        .orderBy('d.recordedAt', 'desc')
        .execute(),
    insertDispatch: (row: RegistrationDispatchTable) =>
      db.insertInto('registrationDispatches').values(row).execute(),
  };
}

export type RegistrationRow = RegistrationTable;
export type RegistrationItemRow = RegistrationItemTable;
