import { decidable, registeredUnits, registrationWindow } from '../../../domain/registrations';
import type {
  TDispatch,
  TRegistrationOverview,
  TUnitRegistration,
  ZDispatchInputSchema,
  ZRegistrationReturnSchema,
} from '../../../shared/registrations';
import type { z } from '../../../shared/zod';
import { allow, why, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import { uuidv7 } from '../../db/ids';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, notFound } from '../../errors';
import { emit } from '../../events';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { createOrgRepository } from '../org/repository';
import { presentUnitRegistration, presentWindow } from './present';
import { createRegistrationRepository } from './repository';

const readWhy = 'Chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT xem đăng ký thi đua của các đơn vị.';

/** Every member unit with its registration as the head sees it, in the year's member order. */
export async function unitRegistrations(db: Executor, access: YearAccess): Promise<TUnitRegistration[]> {
  const repo = createRegistrationRepository(db);
  const rows = await repo.ofYear(access.yearId);
  const items = await repo.items(rows.map((r) => r.id));
  const members = await createOrgRepository(db).members(access.yearId);
  return members.map((u) => {
    const row = rows.find((r) => r.unitId === u.id);
    return presentUnitRegistration(
      u,
      row,
      items.filter((i) => i.registrationId === row?.id),
    );
  });
}

/** When the head sent the summary to the Council, newest first. */
export const presentDispatches = async (db: Executor, yearId: string): Promise<TDispatch[]> =>
  (await createRegistrationRepository(db).dispatches(yearId)).map((d) => ({
    id: d.id,
    docNumber: d.docNumber,
    sentOn: d.sentOn,
    note: d.note,
    recordedByName: d.recordedByName,
    recordedAt: d.recordedAt,
  }));

/** Every unit's status (chưa đăng ký / đã gửi / trả lại / đã nhận), for the head, the deputy and the board. */
export async function registrationOverview(
  db: Executor,
  yearId: string,
  ctx: Ctx,
): Promise<TRegistrationOverview> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.readBoard, readWhy);
  const window = registrationWindow(await createRegistrationRepository(db).tasks(yearId), now());
  return {
    yearId,
    year: access.year,
    blocName: access.blocName,
    window: presentWindow(window),
    units: await unitRegistrations(db, access),
    dispatches: await presentDispatches(db, yearId),
    can: { decide: access.can.prepare, markSent: access.can.prepare },
  };
}

/** Loads a registration for the head's decision: the head's people only, and only a sent one. */
async function loadForDecision(tx: Executor, id: string, ctx: Ctx) {
  const repo = createRegistrationRepository(tx);
  const row = await repo.find(id);
  if (!row) throw notFound('đăng ký thi đua');
  const access = await yearAccess(tx, row.yearId, ctx.actor);
  allow(access.can.prepare, why.onlyHead);
  if (!decidable(row.status)) {
    throw conflict(
      row.status === 'accepted'
        ? 'Đăng ký đã được nhận.'
        : 'Đơn vị chưa gửi đăng ký (hoặc đang sửa sau khi được trả lại).',
    );
  }
  const unit = await createOrgRepository(tx).findUnit(row.unitId);
  return { repo, row, access, unitName: unit?.name ?? '' };
}

/** The head returns a sent registration with a reason; the unit's people are told and may send it again. */
export async function returnRegistration(
  db: Executor,
  id: string,
  input: z.output<typeof ZRegistrationReturnSchema>,
  ctx: Ctx,
): Promise<TUnitRegistration> {
  return inTransaction(db, async (tx) => {
    const { repo, row, access, unitName } = await loadForDecision(tx, id, ctx);
    const patch = {
      status: 'returned' as const,
      returnReason: input.reason,
      decidedAt: now().toISOString(),
      decidedBy: ctx.actor.userId,
    };
    await repo.update(id, patch);
    await recordAudit(tx, ctx, {
      action: 'registration.returned',
      entityType: 'registration',
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status: patch.status, reason: input.reason },
    });
    await notifyUnits(
      tx,
      'registration',
      [
        {
          unitId: row.unitId,
          title: 'Đăng ký thi đua được trả lại',
          body: `Trưởng khối trả lại đăng ký thi đua năm ${access.year} của ${unitName}. Lý do: ${input.reason}\nĐơn vị sửa và gửi lại trong mục Đăng ký thi đua.`,
        },
      ],
      { yearId: row.yearId },
    );
    return presentUnitRegistration(
      { id: row.unitId, name: unitName },
      { ...row, ...patch },
      await repo.items([id]),
    );
  });
}

/** The head accepts a sent registration; the unit's registration task completes by itself. */
export async function acceptRegistration(db: Executor, id: string, ctx: Ctx): Promise<TUnitRegistration> {
  return inTransaction(db, async (tx) => {
    const { repo, row, access, unitName } = await loadForDecision(tx, id, ctx);
    const patch = {
      status: 'accepted' as const,
      decidedAt: now().toISOString(),
      decidedBy: ctx.actor.userId,
    };
    await repo.update(id, patch);
    await recordAudit(tx, ctx, {
      action: 'registration.accepted',
      entityType: 'registration',
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status: patch.status, version: row.version },
    });
    await emit(
      tx,
      'deliverable.arrived',
      { yearId: row.yearId, unitId: row.unitId, deliverable: 'registration' },
      ctx,
    );
    await notifyUnits(
      tx,
      'registration',
      [
        {
          unitId: row.unitId,
          title: 'Trưởng khối đã nhận đăng ký thi đua',
          body: `Trưởng khối đã nhận đăng ký thi đua năm ${access.year} của ${unitName}.`,
        },
      ],
      { yearId: row.yearId },
    );
    return presentUnitRegistration(
      { id: row.unitId, name: unitName },
      { ...row, ...patch },
      await repo.items([id]),
    );
  });
}

/** The head records that the summary went to the city's Council (number, date, note), audited. */
export async function recordDispatch(
  db: Executor,
  yearId: string,
  input: z.output<typeof ZDispatchInputSchema>,
  ctx: Ctx,
): Promise<TDispatch[]> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.prepare, why.onlyHead);
    const id = uuidv7();
    const row = { id, yearId, ...input, recordedBy: ctx.actor.userId, recordedAt: now().toISOString() };
    await createRegistrationRepository(tx).insertDispatch(row);
    await recordAudit(tx, ctx, {
      action: 'registration.summary-sent',
      entityType: 'registrationDispatch',
      entityId: id,
      after: input,
    });
    return presentDispatches(tx, yearId);
  });
}

/**
 * Which units of a year registered for an award code and were accepted: what the year-end review reads.
 * No access check of its own: the review's service checks its caller before asking.
 */
export async function unitsRegisteredFor(db: Executor, yearId: string, awardCode: string): Promise<string[]> {
  const repo = createRegistrationRepository(db);
  const rows = await repo.ofYear(yearId);
  const items = await repo.items(rows.map((r) => r.id));
  return registeredUnits(
    rows.map((r) => ({
      unitId: r.unitId,
      status: r.status,
      codes: items.filter((i) => i.registrationId === r.id).map((i) => i.code),
    })),
    awardCode,
  );
}
