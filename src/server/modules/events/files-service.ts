import { randomUUID } from 'node:crypto';
import { unitsCompletedByMinutes } from '../../../domain/events';
import { editsExemplar } from '../../../domain/access';
import type { TEvent, TExemplar } from '../../../shared/events';
import { allow, why, yearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { AttachmentTable, Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, notFound } from '../../errors';
import { emit } from '../../events';
import type { UploadSource } from '../../http';
import { acceptUpload } from '../../storage/accept';
import type { FileStore } from '../../storage/file-store';
import type { FileKind } from '../../storage/file-type';
import { recordAudit } from '../audit/repository';
import { presentEvents } from './event-service';
import { presentExemplars } from './exemplar-service';
import { createEventRepository } from './repository';

/** What an event or an exemplary model may carry: documents and photos. */
const ATTACHABLE: readonly FileKind[] = ['pdf', 'docx', 'doc', 'xlsx', 'jpg', 'png'];

const onlyHead = 'Chỉ Trưởng khối đính kèm biên bản và tài liệu của sự kiện.';

/** Reads, checks by content and stores the upload (once by hash), after the caller's access was checked. */
async function storeUpload(upload: UploadSource, files: FileStore) {
  const file = await acceptUpload(await upload(), ATTACHABLE);
  const sha256 = await files.put(file.data);
  return { file, sha256 };
}

const attachmentRow = (
  o: Pick<AttachmentTable, 'ownerType' | 'ownerId' | 'yearId' | 'kind'>,
  stored: Awaited<ReturnType<typeof storeUpload>>,
  ctx: Ctx,
): AttachmentTable => ({
  id: randomUUID(),
  ...o,
  filename: stored.file.filename,
  contentType: stored.file.contentType,
  size: stored.file.data.length,
  sha256: stored.sha256,
  uploadedBy: ctx.actor.userId,
  uploadedAt: now().toISOString(),
});

/**
 * The head attaches a file to an event (agenda, minutes, other). The first minutes mark the event held and
 * complete its plan task — that of the event's milestone — for the host and every participating unit
 * that has one, through the 'deliverable.arrived' event that plans listens to.
 */
export async function attachToEvent(
  db: Executor,
  eventId: string,
  kind: AttachmentTable['kind'],
  upload: UploadSource,
  files: FileStore,
  ctx: Ctx,
): Promise<TEvent> {
  const found = await createEventRepository(db).findEvent(eventId);
  if (!found) throw notFound('sự kiện');
  allow((await yearAccess(db, found.yearId, ctx.actor)).can.manageEvents, onlyHead);
  if (found.status === 'cancelled') throw conflict('Sự kiện đã bị hủy; không đính kèm được nữa.');
  const stored = await storeUpload(upload, files);
  return inTransaction(db, async (tx) => {
    const repo = createEventRepository(tx);
    const event = (await repo.findEvent(eventId))!;
    const access = await yearAccess(tx, event.yearId, ctx.actor);
    if (event.status === 'cancelled') throw conflict('Sự kiện đã bị hủy; không đính kèm được nữa.');
    const row = attachmentRow(
      { ownerType: 'event', ownerId: eventId, yearId: event.yearId, kind },
      stored,
      ctx,
    );
    await repo.insertAttachment(row);
    await recordAudit(tx, ctx, {
      action: 'event.file-attached',
      entityType: 'event',
      entityId: eventId,
      after: { kind, filename: row.filename, size: row.size, sha256: row.sha256 },
    });
    let current = event;
    if (kind === 'minutes' && !event.minutesAt) {
      current = { ...event, minutesAt: row.uploadedAt };
      await repo.updateEvent(eventId, { minutesAt: row.uploadedAt });
      if (event.milestoneId) {
        const unitIds = (await repo.eventUnits([eventId])).map((u) => u.unitId);
        for (const unitId of unitsCompletedByMinutes({ hostUnitId: event.hostUnitId, unitIds })) {
          await emit(
            tx,
            'deliverable.arrived',
            { yearId: event.yearId, unitId, deliverable: 'event', milestoneId: event.milestoneId },
            ctx,
          );
        }
      }
    }
    return (await presentEvents(tx, access, [current]))[0]!;
  });
}

/** The unit that published an exemplary model attaches files to it. */
export async function attachToExemplar(
  db: Executor,
  exemplarId: string,
  upload: UploadSource,
  files: FileStore,
  ctx: Ctx,
): Promise<TExemplar> {
  const found = await createEventRepository(db).findExemplar(exemplarId);
  if (!found) throw notFound('điển hình tiên tiến');
  const access = await yearAccess(db, found.yearId, ctx.actor);
  allow(editsExemplar(access.subject, found.unitId), 'Chỉ đơn vị đã đăng điển hình này được đính kèm tệp.');
  const stored = await storeUpload(upload, files);
  return inTransaction(db, async (tx) => {
    const row = attachmentRow(
      { ownerType: 'exemplar', ownerId: exemplarId, yearId: found.yearId, kind: 'other' },
      stored,
      ctx,
    );
    await createEventRepository(tx).insertAttachment(row);
    await recordAudit(tx, ctx, {
      action: 'exemplar.file-attached',
      entityType: 'exemplar',
      entityId: exemplarId,
      after: { filename: row.filename, size: row.size, sha256: row.sha256 },
    });
    const exemplar = await createEventRepository(tx).exemplarsOfYear(found.yearId);
    return (
      await presentExemplars(
        tx,
        access,
        exemplar.filter((x) => x.id === exemplarId),
      )
    )[0]!;
  });
}

/** A file of an event or an exemplary model: for whoever reads the year. */
export async function downloadAttachment(
  db: Executor,
  attachmentId: string,
  files: FileStore,
  ctx: Ctx,
): Promise<{ data: Buffer; filename: string; contentType: string }> {
  const row = await createEventRepository(db).findAttachment(attachmentId);
  if (!row) throw notFound('tệp đính kèm');
  allow((await yearAccess(db, row.yearId, ctx.actor)).can.read, why.readYear);
  return { data: await files.get(row.sha256), filename: row.filename, contentType: row.contentType };
}
