import { randomUUID } from 'node:crypto';
import { calendarChanged, eventKindLabels, type EventKind } from '../../../domain/events';
import { formatVnDateTime } from '../../../domain/time';
import {
  ZEventInputSchema,
  type TAttendanceRequest,
  type TEvent,
  type TEventList,
} from '../../../shared/events';
import { allow, why, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { EventTable, Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, invalid, notFound } from '../../errors';
import { parseBody } from '../../http';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { createOrgRepository } from '../org/repository';
import { presentEvent } from './present';
import { createEventRepository } from './repository';

const onlyHead = 'Chỉ Trưởng khối (cán bộ đầu mối hoặc lãnh đạo) tạo, sửa, hủy sự kiện và ghi nhận tham dự.';

/** Events of a year with their units and files, as the caller sees them. */
export async function presentEvents(
  db: Executor,
  access: YearAccess,
  rows: readonly EventTable[],
): Promise<TEvent[]> {
  const repo = createEventRepository(db);
  const ids = rows.map((r) => r.id);
  const units = await repo.eventUnits(ids);
  const files = await repo.attachmentsOf('event', ids);
  const names = new Map((await createOrgRepository(db).members(access.yearId)).map((u) => [u.id, u.name]));
  const hostNames = new Map<string, string>();
  for (const r of rows) {
    hostNames.set(r.hostUnitId, names.get(r.hostUnitId) ?? (await repo.unitName(r.hostUnitId)) ?? '');
  }
  return rows.map((e) =>
    presentEvent(e, {
      hostUnitName: hostNames.get(e.hostUnitId) ?? '',
      units: units.filter((u) => u.eventId === e.id),
      attachments: files.filter((f) => f.ownerId === e.id),
      manage: access.can.manageEvents,
    }),
  );
}

/** The year's events, oldest first, with what the editor needs (member units, the plan's event milestones). */
export async function listEvents(db: Executor, yearId: string, ctx: Ctx): Promise<TEventList> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.read, why.readYear);
  const repo = createEventRepository(db);
  const members = await createOrgRepository(db).members(yearId);
  return {
    items: await presentEvents(db, access, await repo.eventsOfYear(yearId)),
    units: members.map((u) => ({ id: u.id, name: u.name })),
    milestones: await repo.eventMilestones(yearId),
    can: { create: access.can.manageEvents },
  };
}

/** One event, with its attendance and files. */
export async function getEvent(db: Executor, eventId: string, ctx: Ctx): Promise<TEvent> {
  const event = await createEventRepository(db).findEvent(eventId);
  if (!event) throw notFound('sự kiện');
  const access = await yearAccess(db, event.yearId, ctx.actor);
  allow(access.can.read, why.readYear);
  return (await presentEvents(db, access, [event]))[0]!;
}

/** Checks what the schema cannot: the units are the year's members, the milestone is the plan's event. */
async function checkInput(
  tx: Executor,
  access: YearAccess,
  input: { hostUnitId: string; unitIds: string[]; milestoneId: string | null },
): Promise<void> {
  const errors: Record<string, string> = {};
  if (!access.memberUnitIds.includes(input.hostUnitId)) {
    errors.hostUnitId = 'Đơn vị chủ trì: không thuộc Khối trong năm này';
  }
  const stranger = input.unitIds.findIndex((u) => !access.memberUnitIds.includes(u));
  if (stranger >= 0) errors[`unitIds.${String(stranger)}`] = 'Đơn vị tham dự: không thuộc Khối trong năm này';
  if (input.milestoneId) {
    const milestones = await createEventRepository(tx).eventMilestones(access.yearId);
    if (!milestones.some((m) => m.id === input.milestoneId)) {
      errors.milestoneId = 'Nội dung kế hoạch: không phải một sự kiện của kế hoạch đã ban hành';
    }
  }
  if (Object.keys(errors).length) throw invalid(errors);
}

/** Tells every unit of the event (and its host) what happened to it, in the change's transaction. */
async function tellUnits(
  tx: Executor,
  e: EventTable,
  unitIds: readonly string[],
  what: string,
): Promise<void> {
  const when = `${formatVnDateTime(e.startsAt)} – ${formatVnDateTime(e.endsAt)}`;
  const kind = eventKindLabels[e.kind as EventKind];
  await notifyUnits(
    tx,
    'event',
    [...new Set([e.hostUnitId, ...unitIds])].map((unitId) => ({
      unitId,
      title: `${what}: ${e.title}`,
      body: `${kind} "${e.title}", ${when} (giờ Việt Nam), tại ${e.location}.`,
    })),
    { yearId: e.yearId },
  );
}

/** The stored fields of an event from the head's input (instants normalised to UTC). */
const eventFields = (input: ReturnType<typeof parseBody<typeof ZEventInputSchema>>) => ({
  kind: input.kind,
  title: input.title,
  startsAt: new Date(input.startsAt).toISOString(),
  endsAt: new Date(input.endsAt).toISOString(),
  location: input.location,
  hostUnitId: input.hostUnitId,
  agenda: input.agenda,
  milestoneId: input.milestoneId,
});

/** The head creates an event; its units hear of it and it joins their calendars. */
export async function createEvent(db: Executor, yearId: string, body: unknown, ctx: Ctx): Promise<TEvent> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.manageEvents, onlyHead);
    const input = parseBody(ZEventInputSchema, body);
    await checkInput(tx, access, input);
    const at = now().toISOString();
    const row: EventTable = {
      id: randomUUID(),
      yearId,
      ...eventFields(input),
      status: 'scheduled',
      sequence: 0,
      minutesAt: null,
      createdBy: ctx.actor.userId,
      createdAt: at,
      updatedAt: at,
    };
    const repo = createEventRepository(tx);
    await repo.insertEvent(row);
    await repo.setEventUnits(row.id, [...new Set(input.unitIds)]);
    await recordAudit(tx, ctx, {
      action: 'event.created',
      entityType: 'event',
      entityId: row.id,
      after: { ...input, unitIds: [...new Set(input.unitIds)] },
    });
    await tellUnits(tx, row, input.unitIds, 'Sự kiện mới');
    return (await presentEvents(tx, access, [row]))[0]!;
  });
}

/** Loads a live event for the head's change, or refuses (404, 403, 409 once cancelled). */
async function eventForChange(tx: Executor, eventId: string, ctx: Ctx) {
  const event = await createEventRepository(tx).findEvent(eventId);
  if (!event) throw notFound('sự kiện');
  const access = await yearAccess(tx, event.yearId, ctx.actor);
  allow(access.can.manageEvents, onlyHead);
  if (event.status === 'cancelled') throw conflict('Sự kiện đã bị hủy; không sửa được nữa.');
  return { event, access };
}

/**
 * The head edits an event. A change calendars show (time, place, title, agenda) raises its SEQUENCE, so
 * subscribed calendars replace their copy; the units (before and after the edit) are told.
 */
export async function updateEvent(db: Executor, eventId: string, body: unknown, ctx: Ctx): Promise<TEvent> {
  return inTransaction(db, async (tx) => {
    const { event, access } = await eventForChange(tx, eventId, ctx);
    const input = parseBody(ZEventInputSchema, body);
    await checkInput(tx, access, input);
    const repo = createEventRepository(tx);
    const beforeUnits = (await repo.eventUnits([eventId])).map((u) => u.unitId);
    const unitIds = [...new Set(input.unitIds)];
    const next = eventFields(input);
    const unitsChanged = [...beforeUnits].sort().join() !== [...unitIds].sort().join();
    const shown = calendarChanged(event, next) || next.hostUnitId !== event.hostUnitId || unitsChanged;
    const patch = {
      ...next,
      sequence: event.sequence + (shown ? 1 : 0),
      updatedAt: now().toISOString(),
    };
    await repo.updateEvent(eventId, patch);
    await repo.setEventUnits(eventId, unitIds);
    await recordAudit(tx, ctx, {
      action: 'event.updated',
      entityType: 'event',
      entityId: eventId,
      before: { ...pick(event), unitIds: beforeUnits, sequence: event.sequence },
      after: { ...next, unitIds, sequence: patch.sequence },
    });
    const updated = { ...event, ...patch };
    if (shown) await tellUnits(tx, updated, [...beforeUnits, ...unitIds], 'Sự kiện thay đổi');
    return (await presentEvents(tx, access, [updated]))[0]!;
  });
}

const pick = (e: EventTable) => ({
  kind: e.kind,
  title: e.title,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  location: e.location,
  hostUnitId: e.hostUnitId,
  agenda: e.agenda,
  milestoneId: e.milestoneId,
});

/** The head cancels an event: it stays, marked cancelled (STATUS:CANCELLED in calendars, SEQUENCE + 1). */
export async function cancelEvent(db: Executor, eventId: string, ctx: Ctx): Promise<TEvent> {
  return inTransaction(db, async (tx) => {
    const { event, access } = await eventForChange(tx, eventId, ctx);
    const patch = {
      status: 'cancelled' as const,
      sequence: event.sequence + 1,
      updatedAt: now().toISOString(),
    };
    const repo = createEventRepository(tx);
    await repo.updateEvent(eventId, patch);
    await recordAudit(tx, ctx, {
      action: 'event.cancelled',
      entityType: 'event',
      entityId: eventId,
      before: { status: event.status, sequence: event.sequence },
      after: { status: patch.status, sequence: patch.sequence },
    });
    const updated = { ...event, ...patch };
    const unitIds = (await repo.eventUnits([eventId])).map((u) => u.unitId);
    await tellUnits(tx, updated, unitIds, 'Sự kiện bị hủy');
    return (await presentEvents(tx, access, [updated]))[0]!;
  });
}

/** The head records who attended (present / absent, or null to clear), per participating unit. */
export async function recordAttendance(
  db: Executor,
  eventId: string,
  input: TAttendanceRequest,
  ctx: Ctx,
): Promise<TEvent> {
  return inTransaction(db, async (tx) => {
    const { event, access } = await eventForChange(tx, eventId, ctx);
    const repo = createEventRepository(tx);
    const units = await repo.eventUnits([eventId]);
    const errors: Record<string, string> = {};
    input.items.forEach((item, i) => {
      if (!units.some((u) => u.unitId === item.unitId)) {
        errors[`items.${String(i)}.unitId`] = 'Đơn vị: không tham dự sự kiện này';
      }
    });
    if (Object.keys(errors).length) throw invalid(errors);
    for (const item of input.items) await repo.setAttendance(eventId, item.unitId, item.attendance);
    await recordAudit(tx, ctx, {
      action: 'event.attendance-recorded',
      entityType: 'event',
      entityId: eventId,
      before: units.map((u) => ({ unitId: u.unitId, attendance: u.attendance })),
      after: input.items,
    });
    return (await presentEvents(tx, access, [event]))[0]!;
  });
}
