import { randomUUID } from 'node:crypto';
import { editsExemplar } from '../../../domain/access';
import { matchesSearch } from '../../../domain/events';
import { ZExemplarInputSchema, type TExemplar, type TExemplarList } from '../../../shared/events';
import { allow, why, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../errors';
import { parseBody } from '../../http';
import { recordAudit } from '../audit/repository';
import { presentAttachment } from './present';
import { createEventRepository, type Exemplar } from './repository';

type Row = Exemplar & { unitName: string };

/** Exemplary models as the caller sees them, with their files and what the caller may do. */
export async function presentExemplars(
  db: Executor,
  access: YearAccess,
  rows: readonly Row[],
): Promise<TExemplar[]> {
  const files = await createEventRepository(db).attachmentsOf(
    'exemplar',
    rows.map((r) => r.id),
  );
  return rows.map((x) => ({
    id: x.id,
    yearId: x.yearId,
    unitId: x.unitId,
    unitName: x.unitName,
    title: x.title,
    field: x.field,
    description: x.description,
    presentAtConference: x.presentAtConference,
    attachments: files.filter((f) => f.ownerId === x.id).map(presentAttachment),
    createdAt: x.createdAt,
    updatedAt: x.updatedAt,
    can: { edit: editsExemplar(access.subject, x.unitId), mark: access.can.markExemplars },
  }));
}

/**
 * The year's exemplary models, newest first, for whoever reads the year; `q` searches title, field,
 * description and unit, accents and case ignored; `presented: 'yes'` keeps those chosen for the conference.
 */
export async function listExemplars(
  db: Executor,
  yearId: string,
  query: { q: string; presented: 'all' | 'yes' },
  ctx: Ctx,
): Promise<TExemplarList> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.read, why.readYear);
  const rows = (await createEventRepository(db).exemplarsOfYear(yearId)).filter(
    (x) =>
      (query.presented === 'all' || x.presentAtConference) &&
      matchesSearch([x.title, x.field, x.description, x.unitName], query.q),
  );
  return {
    items: await presentExemplars(db, access, rows),
    can: { publish: access.can.publishExemplars, mark: access.can.markExemplars },
  };
}

async function one(tx: Executor, access: YearAccess, id: string): Promise<TExemplar> {
  const rows = (await createEventRepository(tx).exemplarsOfYear(access.yearId)).filter((x) => x.id === id);
  return (await presentExemplars(tx, access, rows))[0]!;
}

/** A member unit publishes one of its exemplary models (in its own name). */
export async function publishExemplar(
  db: Executor,
  yearId: string,
  body: unknown,
  ctx: Ctx,
): Promise<TExemplar> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(
      access.can.publishExemplars,
      'Chỉ cán bộ, lãnh đạo của đơn vị trong Khối đăng điển hình tiên tiến.',
    );
    const input = parseBody(ZExemplarInputSchema, body);
    const at = now().toISOString();
    const row: Exemplar = {
      id: randomUUID(),
      yearId,
      unitId: ctx.actor.unitId!,
      ...input,
      presentAtConference: false,
      createdBy: ctx.actor.userId,
      createdAt: at,
      updatedAt: at,
    };
    await createEventRepository(tx).insertExemplar(row);
    await recordAudit(tx, ctx, {
      action: 'exemplar.published',
      entityType: 'exemplar',
      entityId: row.id,
      after: input,
    });
    return one(tx, access, row.id);
  });
}

/** The unit that published an exemplary model edits it. */
export async function updateExemplar(db: Executor, id: string, body: unknown, ctx: Ctx): Promise<TExemplar> {
  return inTransaction(db, async (tx) => {
    const repo = createEventRepository(tx);
    const found = await repo.findExemplar(id);
    if (!found) throw notFound('điển hình tiên tiến');
    const access = await yearAccess(tx, found.yearId, ctx.actor);
    allow(editsExemplar(access.subject, found.unitId), 'Chỉ đơn vị đã đăng điển hình này được sửa.');
    const input = parseBody(ZExemplarInputSchema, body);
    await repo.updateExemplar(id, { ...input, updatedAt: now().toISOString() });
    await recordAudit(tx, ctx, {
      action: 'exemplar.updated',
      entityType: 'exemplar',
      entityId: id,
      before: { title: found.title, field: found.field, description: found.description },
      after: input,
    });
    return one(tx, access, id);
  });
}

/** The head marks (or unmarks) an exemplary model to present at the year-end conference. */
export async function markExemplar(
  db: Executor,
  id: string,
  input: { present: boolean },
  ctx: Ctx,
): Promise<TExemplar> {
  return inTransaction(db, async (tx) => {
    const repo = createEventRepository(tx);
    const found = await repo.findExemplar(id);
    if (!found) throw notFound('điển hình tiên tiến');
    const access = await yearAccess(tx, found.yearId, ctx.actor);
    allow(access.can.markExemplars, 'Chỉ Trưởng khối chọn điển hình trình bày tại hội nghị tổng kết.');
    await repo.updateExemplar(id, { presentAtConference: input.present });
    await recordAudit(tx, ctx, {
      action: 'exemplar.marked',
      entityType: 'exemplar',
      entityId: id,
      before: { present: found.presentAtConference },
      after: { present: input.present },
    });
    return one(tx, access, id);
  });
}
