import { parsePlanContent } from '../plans/repository';
import type { AttachmentTable, EventTable, EventUnitTable, Executor, ExemplarTable } from '../../db/schema';

/** An exemplary model as the services use it: whether it is presented at the conference, as a boolean. */
export type Exemplar = Omit<ExemplarTable, 'presentAtConference'> & { presentAtConference: boolean };
const toExemplar = <T extends ExemplarTable>({ presentAtConference, ...rest }: T) => ({
  ...rest,
  presentAtConference: presentAtConference === 1,
});
/** An exemplar patch as columns. */
function exemplarColumns<T extends Partial<Exemplar>>({ presentAtConference, ...rest }: T) {
  return presentAtConference === undefined
    ? rest
    : { ...rest, presentAtConference: presentAtConference ? 1 : 0 };
}

/** Events with their units, exemplary models, and the files attached to either. The only Kysely here. */
export function createEventRepository(db: Executor) {
  return {
    findEvent: (id: string) => db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst(),
    eventsOfYear: (yearId: string) =>
      db
        .selectFrom('events')
        .selectAll()
        .where('yearId', '=', yearId)
        .orderBy('startsAt')
        .orderBy('id')
        .execute(),
    insertEvent: (row: EventTable) => db.insertInto('events').values(row).execute(),
    updateEvent: (id: string, patch: Partial<Omit<EventTable, 'id' | 'yearId'>>) =>
      db.updateTable('events').set(patch).where('id', '=', id).execute(),
    /** The units of events, with their names, in name order. */
    eventUnits: async (eventIds: readonly string[]) =>
      eventIds.length
        ? db
            .selectFrom('eventUnits as e')
            .innerJoin('units as u', 'u.id', 'e.unitId')
            .select(['e.eventId', 'e.unitId', 'e.attendance', 'u.name'])
            .where('e.eventId', 'in', eventIds)
            .orderBy('u.name')
            .execute()
        : [],
    /** Replaces an event's units, keeping the attendance of those who stay. */
    setEventUnits: async (eventId: string, unitIds: readonly string[]) => {
      const kept = await db.selectFrom('eventUnits').selectAll().where('eventId', '=', eventId).execute();
      const attendance = new Map(kept.map((k) => [k.unitId, k.attendance]));
      await db.deleteFrom('eventUnits').where('eventId', '=', eventId).execute();
      const rows: EventUnitTable[] = unitIds.map((unitId) => ({
        eventId,
        unitId,
        attendance: attendance.get(unitId) ?? null,
      }));
      if (rows.length) await db.insertInto('eventUnits').values(rows).execute();
    },
    setAttendance: (eventId: string, unitId: string, attendance: EventUnitTable['attendance']) =>
      db
        .updateTable('eventUnits')
        .set({ attendance })
        .where('eventId', '=', eventId)
        .where('unitId', '=', unitId)
        .execute(),
    /** Live events a unit takes part in or hosts, in every year, for its calendar feed. */
    eventsOfUnit: (unitId: string) =>
      db
        .selectFrom('events as e')
        .selectAll('e')
        .where((w) =>
          w.or([
            w('e.hostUnitId', '=', unitId),
            w.exists(
              w
                .selectFrom('eventUnits as eu')
                .select('eu.unitId')
                .whereRef('eu.eventId', '=', 'e.id')
                .where('eu.unitId', '=', unitId),
            ),
          ]),
        )
        .orderBy('e.startsAt')
        .execute(),
    /** The published plan's milestones whose deliverable is an event (what an event's minutes complete). */
    eventMilestones: async (yearId: string) => {
      const row = await db
        .selectFrom('plans as p')
        .innerJoin('planVersions as v', (j) =>
          j.onRef('v.planId', '=', 'p.id').onRef('v.version', '=', 'p.publishedVersion'),
        )
        .select('v.contentJson')
        .where('p.yearId', '=', yearId)
        .executeTakeFirst();
      if (!row) return [];
      return parsePlanContent(row.contentJson)
        .milestones.filter((m) => m.deliverables.includes('event'))
        .map((m) => ({ id: m.id, title: m.title, deadlineAt: m.deadlineAt }));
    },
    unitName: async (id: string) =>
      (await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null,

    findExemplar: async (id: string) => {
      const row = await db.selectFrom('exemplars').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toExemplar(row);
    },
    exemplarsOfYear: async (yearId: string) =>
      (
        await db
          .selectFrom('exemplars as x')
          .innerJoin('units as u', 'u.id', 'x.unitId')
          .selectAll('x')
          .select('u.name as unitName')
          .where('x.yearId', '=', yearId)
          .orderBy('x.createdAt', 'desc')
          .orderBy('x.id')
          .execute()
      ).map(toExemplar),
    insertExemplar: ({ presentAtConference, ...rest }: Exemplar) =>
      db
        .insertInto('exemplars')
        .values({ ...rest, presentAtConference: presentAtConference ? 1 : 0 })
        .execute(),
    updateExemplar: (id: string, patch: Partial<Omit<Exemplar, 'id' | 'yearId' | 'unitId'>>) =>
      db.updateTable('exemplars').set(exemplarColumns(patch)).where('id', '=', id).execute(),

    insertAttachment: (row: AttachmentTable) => db.insertInto('attachments').values(row).execute(),
    findAttachment: (id: string) =>
      db.selectFrom('attachments').selectAll().where('id', '=', id).executeTakeFirst(),
    attachmentsOf: async (ownerType: AttachmentTable['ownerType'], ownerIds: readonly string[]) =>
      ownerIds.length
        ? db
            .selectFrom('attachments')
            .selectAll()
            .where('ownerType', '=', ownerType)
            .where('ownerId', 'in', ownerIds)
            .orderBy('uploadedAt')
            .orderBy('id')
            .execute()
        : [],
  };
}
export type EventRepository = ReturnType<typeof createEventRepository>;
