import { isUnitUser, readsReport } from '../../../domain/access';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { deliverableLabels, type Deliverable } from '../../../domain/plans';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor, ReportTable } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, forbidden, notFound } from '../../errors';
import type { UploadSource } from '../../http';
import { allow } from '../../access';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { yearAccess } from '../../access';
import { presentTask } from './present';
import { createPlanRepository } from './repository';
import { completeTasksFor } from './tasks-service';
import { acceptUpload } from '../../storage/accept';
import type { FileStore } from '../../storage/file-store';

export const REPORT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.odt': 'application/vnd.oasis.opendocument.text',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const kindOf: Partial<Record<Deliverable, 'mid-year' | 'year-end'>> = {
  'report-mid-year': 'mid-year',
  'report-year-end': 'year-end',
};

const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');

/**
 * Moves aside uploaded files that no report row points at (an upload interrupted between its file and its
 * row) into uploads/orphans/, never deleting anything: a wrong DATABASE_URL or an older backup must not
 * cost anyone a report. Only our own names (<uuid>.<ext>) older than `minAgeMs` (an upload in flight, here
 * or on another instance, is left alone), and nothing while the database has no report at all. Best
 * effort: a problem is reported, never fatal to start-up. Returns the names moved.
 */
export async function sweepOrphanUploads(
  db: Executor,
  dataDir: string,
  minAgeMs = 3600_000,
  at = Date.now(),
): Promise<string[]> {
  const dir = uploadsDir(dataDir);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter(isStoredName);
  } catch {
    return []; // no uploads yet
  }
  if (!names.length) return []; // nothing to look up: no query at start-up
  const known = new Set((await createPlanRepository(db).reportFileNames()).map((r) => r.storedName));
  if (!known.size) return [];
  const moved: string[] = [];
  for (const name of names) {
    if (known.has(name)) continue;
    try {
      const stat = await fs.stat(path.join(dir, name));
      if (!stat.isFile() || at - stat.mtimeMs < minAgeMs) continue;
      await fs.mkdir(path.join(dir, 'orphans'), { recursive: true });
      await fs.rename(path.join(dir, name), path.join(dir, 'orphans', name));
      moved.push(name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // gone meanwhile: nothing to do
    }
  }
  return moved;
}

/** Whether a name is one uploadReport stores: a UUID and an accepted extension. */
const isStoredName = (name: string): boolean =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(path.parse(name).name) &&
  REPORT_TYPES[path.extname(name)] !== undefined;

/** Rows written before the content-addressed store name their file <uuid>.<ext> under uploads/. */
const isHashName = (name: string) => /^[0-9a-f]{64}$/.test(name);

/**
 * A unit uploads its mid-year or year-end report for a task: the file, checked by its content, is kept once
 * by its SHA-256 in the file store (storedName is the hash), with a row per upload (a new upload never deletes an old one), and the unit's matching open tasks are completed;
 * a task already completed by a report links to the newest one.
 * A report after the deadline is accepted and marked late.
 */
export async function uploadReport(
  db: Executor,
  taskId: string,
  upload: UploadSource,
  files: FileStore,
  ctx: Ctx,
) {
  const task = await createPlanRepository(db).findTask(taskId);
  if (!task || task.status === 'cancelled') throw notFound('nhiệm vụ');
  allow(
    isUnitUser(ctx.actor) && ctx.actor.unitId === task.unitId,
    'Chỉ đơn vị được giao nhiệm vụ mới gửi báo cáo cho nhiệm vụ này.',
  );
  const kind = kindOf[task.deliverable as Deliverable];
  if (!kind) {
    throw new AppError('VALIDATION', 'Nhiệm vụ này không nhận báo cáo tải lên.', {
      file: 'Tệp: nhiệm vụ không phải gửi báo cáo',
    });
  }
  // Only now: the body is read after the access check.
  const file = await acceptUpload(await upload(), ['pdf', 'doc', 'docx', 'xlsx', 'odt']);
  const id = randomUUID();
  // Stored before the row that points at it is committed; a rollback leaves a file that nothing names,
  // harmless (the same bytes uploaded again are the same file) and never deleted, as another row may share it.
  const hash = await files.put(file.data);
  return inTransaction(db, async (tx) => {
    const at = now();
    const late = task.deadlineAt !== null && at.getTime() >= new Date(task.deadlineAt).getTime();
    const row = {
      id,
      yearId: task.yearId,
      unitId: task.unitId,
      taskId,
      kind,
      filename: file.filename,
      storedName: hash,
      size: file.data.length,
      sha256: hash,
      late,
      uploadedAt: at.toISOString(),
      uploadedBy: ctx.actor.userId,
    };
    const repo = createPlanRepository(tx);
    await repo.insertReport(row);
    await recordAudit(tx, ctx, {
      action: 'report.uploaded',
      entityType: 'report',
      entityId: id,
      after: { taskId, kind, filename: row.filename, size: row.size, sha256: row.sha256, late },
    });
    // Read again inside the transaction: another upload, or the head, may have completed it meanwhile.
    const current = await repo.findTask(taskId);
    const done = await completeTasksFor(
      tx,
      {
        yearId: task.yearId,
        unitId: task.unitId,
        deliverable: task.deliverable as Deliverable,
        by: 'report',
        reportId: id,
      },
      ctx,
    );
    // A report sent for a task already done (sent before, or checked off by the head) becomes the one it links to; every file is kept.
    if (current?.status === 'done') {
      await repo.updateTask(taskId, { reportId: id });
      await recordAudit(tx, ctx, {
        action: 'task.report-replaced',
        entityType: 'task',
        entityId: taskId,
        before: { reportId: current.reportId },
        after: { reportId: id },
      });
    }
    const tasks = (await repo.liveTasks(task.yearId, task.unitId))
      .filter((t) => done.includes(t.id))
      .map((t) => presentTask(t, at));
    await tellHead(
      tx,
      task.yearId,
      task.unitId,
      `${deliverableLabels[task.deliverable as Deliverable]}${late ? ' (nộp muộn)' : ''}`,
      row.filename,
      ctx,
    );
    return {
      report: {
        id,
        taskId,
        unitId: task.unitId,
        kind,
        filename: row.filename,
        size: row.size,
        uploadedAt: row.uploadedAt,
        late,
      },
      completedTasks: tasks,
    };
  });
}

/** The head's secretariat hears of every report that arrives (notification kind "task-done"). */
async function tellHead(
  tx: Executor,
  yearId: string,
  unitId: string,
  what: string,
  filename: string,
  ctx: Ctx,
): Promise<void> {
  const access = await yearAccess(tx, yearId, ctx.actor);
  if (!access.headUnitId) return;
  const unitName = (await createPlanRepository(tx).unitName(unitId)) ?? '';
  await notifyUnits(
    tx,
    'task-done',
    [
      {
        unitId: access.headUnitId,
        title: `${unitName} đã gửi ${what.charAt(0).toLowerCase()}${what.slice(1)}`,
        body: `${unitName} đã tải lên "${filename}" (${what}).`,
      },
    ],
    { yearId },
  );
}

/** A report's file: for its unit, the head, the deputy and the board. */
export async function downloadReport(
  db: Executor,
  reportId: string,
  store: ReportStore,
  ctx: Ctx,
): Promise<{ data: Buffer; filename: string; contentType: string }> {
  const report = await createPlanRepository(db).findReport(reportId);
  if (!report) throw notFound('báo cáo');
  if (!readsReport((await yearAccess(db, report.yearId, ctx.actor)).subject, report.unitId)) {
    throw forbidden('Báo cáo của đơn vị khác chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT được xem.');
  }
  const ext = reportExtension(report);
  return {
    data: await readReportFile(report, store),
    filename: report.filename,
    contentType: REPORT_TYPES[ext] ?? 'application/octet-stream',
  };
}

export interface ReportStore {
  files: FileStore;
  dataDir: string;
}

/** A report's bytes: from the file store by hash, or (rows from before it) from uploads/<uuid>.<ext>. */
export const readReportFile = (
  report: Pick<ReportTable, 'storedName'>,
  store: ReportStore,
): Promise<Buffer> =>
  isHashName(report.storedName)
    ? store.files.get(report.storedName)
    : fs.readFile(path.join(uploadsDir(store.dataDir), report.storedName));

/** A report's extension (".pdf"), lower case: of the name it was sent under, or of its older stored name. */
export const reportExtension = (report: Pick<ReportTable, 'storedName' | 'filename'>): string =>
  path.extname(isHashName(report.storedName) ? report.filename : report.storedName).toLowerCase();
