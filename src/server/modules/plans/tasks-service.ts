import type { Deliverable } from '../../../domain/plans';
import type { TBoard, TTask } from '../../../shared/plans';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor, TaskTable } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, forbidden, notFound } from '../../errors';
import { allow, why, yearAccess } from '../../access';
import { on, type AppEvents, type EventContext } from '../../events';
import { recordAudit } from '../audit/repository';
import { createOrgRepository } from '../org/repository';
import { presentTask } from './present';
import { createPlanRepository } from './repository';

/** The caller's unit's tasks in a year, with their state now. */
export async function myTasks(
  db: Executor,
  yearId: string,
  ctx: Ctx,
): Promise<{ unitId: string; tasks: TTask[]; now: string }> {
  const access = await yearAccess(db, yearId, ctx.actor);
  if (!access.can.ownTasks) {
    throw forbidden('Đơn vị của bạn không thuộc Khối trong năm này.');
  }
  const unitId = ctx.actor.unitId!;
  const at = now();
  const tasks = await createPlanRepository(db).liveTasks(yearId, unitId);
  const roundId = await createPlanRepository(db).yearEndRoundId(yearId);
  return { unitId, tasks: tasks.map((t) => presentTask(t, at, roundId)), now: at.toISOString() };
}

/** Progress board: every unit × task, done / open / overdue and by how long (head, deputy, board). */
export async function taskBoard(db: Executor, yearId: string, ctx: Ctx): Promise<TBoard> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.readBoard, 'Chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT xem tiến độ của các đơn vị.');
  const at = now();
  const repo = createPlanRepository(db);
  const roundId = await repo.yearEndRoundId(yearId);
  const tasks = (await repo.liveTasks(yearId)).map((t) => presentTask(t, at, roundId));
  const columns = new Map<string, TBoard['columns'][number]>();
  for (const t of tasks) {
    const key = `${t.milestoneId}|${t.deliverable}`;
    if (!columns.has(key)) {
      columns.set(key, {
        key,
        milestoneId: t.milestoneId,
        deliverable: t.deliverable,
        quarter: t.quarter,
        title: t.title,
        deadlineAt: t.deadlineAt,
        deadlineText: t.deadlineText,
      });
    }
  }
  const members = await createOrgRepository(db).members(yearId);
  const count = (unitId: string, state: TTask['state']) =>
    tasks.filter((t) => t.unitId === unitId && t.state === state).length;
  return {
    units: members.map((u) => ({
      id: u.id,
      name: u.name,
      done: count(u.id, 'done'),
      open: count(u.id, 'open'),
      overdue: count(u.id, 'overdue'),
    })),
    columns: [...columns.values()],
    cells: tasks.map((t) => ({ ...t, columnKey: `${t.milestoneId}|${t.deliverable}` })),
    now: at.toISOString(),
  };
}

/** The head checks off a task by hand (manual items, or a deliverable received outside the app), with a note. */
export async function completeTask(
  db: Executor,
  taskId: string,
  input: { note?: string | null },
  ctx: Ctx,
): Promise<TTask> {
  return inTransaction(db, async (tx) => {
    const repo = createPlanRepository(tx);
    const task = await repo.findTask(taskId);
    if (!task || task.status === 'cancelled') throw notFound('nhiệm vụ');
    allow((await yearAccess(tx, task.yearId, ctx.actor)).can.prepare, why.onlyHead);
    if (task.status === 'done') throw conflict('Nhiệm vụ đã hoàn thành.');
    const patch = {
      status: 'done' as const,
      completedAt: now().toISOString(),
      completedBy: 'head' as const,
      completedByUser: ctx.actor.userId,
      note: input.note ?? null,
    };
    await repo.updateTask(taskId, patch);
    await recordAudit(tx, ctx, {
      action: 'task.completed',
      entityType: 'task',
      entityId: taskId,
      after: { by: 'head', note: patch.note },
    });
    const row = (await repo.liveTasks(task.yearId, task.unitId)).find((t) => t.id === taskId)!;
    return presentTask(row, now());
  });
}

/** How an automatic completion is named on the task. */
const completedByOf = (d: Deliverable): NonNullable<TaskTable['completedBy']> =>
  d === 'score-sheets' || d === 'registration' || d === 'covenant-signature'
    ? d
    : d === 'event'
      ? 'event-minutes'
      : 'report';

/**
 * Completes a unit's open tasks waiting for a deliverable that has just arrived (a report upload, the last
 * score sheet). Runs in the caller's transaction; each completion is audited.
 */
export async function completeTasksFor(
  tx: Executor,
  o: {
    yearId: string;
    unitId: string;
    deliverable: Deliverable;
    by?: TaskTable['completedBy'];
    reportId?: string | null;
    milestoneId?: string | null;
  },
  ctx: { actor: Ctx['actor'] | null; requestId: string },
): Promise<string[]> {
  const repo = createPlanRepository(tx);
  const open = (await repo.openTasksFor(o.yearId, o.unitId, o.deliverable)).filter(
    (t) => !o.milestoneId || t.milestoneId === o.milestoneId,
  );
  const by = o.by ?? completedByOf(o.deliverable);
  const at = now().toISOString();
  for (const t of open) {
    await repo.updateTask(t.id, {
      status: 'done',
      completedAt: at,
      completedBy: by,
      completedByUser: ctx.actor?.userId ?? null,
      reportId: o.reportId ?? null,
    });
    await recordAudit(tx, ctx, {
      action: 'task.completed',
      entityType: 'task',
      entityId: t.id,
      after: { by, deliverable: o.deliverable, reportId: o.reportId ?? null },
    });
  }
  return open.map((t) => t.id);
}

/** Plans listens for deliverables announced by other modules (scoring's sheets, later registrations…). */
export function registerPlanHooks(): void {
  on('deliverable.arrived', completeOnArrival);
}

const completeOnArrival = async (tx: Executor, e: AppEvents['deliverable.arrived'], ctx: EventContext) => {
  await completeTasksFor(tx, e, ctx);
};
