import { randomUUID } from 'node:crypto';
import { deadlineText } from '../../../domain/plans';
import { dueReminder, reminderWords, type ReminderKind } from '../../../domain/reminders';
import { now } from '../../clock';
import type { Db } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { notifyUnits } from './notify';
import { createNotificationRepository } from './repository';

export interface ReminderRun {
  /** Reminders this instance claimed and delivered (in-app, and e-mail into the outbox). */
  claimed: { taskId: string; kind: ReminderKind }[];
  notifications: number;
  emails: number;
}

/**
 * Sends the reminders due now: for each open task with a deadline, the one reminder `dueReminder` picks.
 * Each reminder is claimed by inserting its (task, kind, deadline) row; the notifications are written in the
 * same transaction, so a reminder is delivered exactly once across every instance sharing the database.
 */
export async function runDueReminders(
  db: Db,
  offsetsDays: readonly number[],
  instanceId: string,
): Promise<ReminderRun> {
  const at = now();
  const horizon = new Date(at.getTime() + Math.max(0, ...offsetsDays) * 24 * 3600_000).toISOString();
  const repo = createNotificationRepository(db);
  const tasks = await repo.remindableTasks(horizon);
  const sent = new Map<string, Set<string>>();
  for (const r of await repo.sentReminders(tasks.map((t) => t.id))) {
    const key = `${r.taskId}|${r.deadlineAt}`;
    sent.set(key, (sent.get(key) ?? new Set()).add(r.kind));
  }
  const run: ReminderRun = { claimed: [], notifications: 0, emails: 0 };
  for (const t of tasks) {
    const deadlineAt = t.deadlineAt!;
    const kind = dueReminder(deadlineAt, offsetsDays, at, sent.get(`${t.id}|${deadlineAt}`) ?? new Set());
    if (!kind) continue;
    await inTransaction(db, async (tx) => {
      const id = randomUUID();
      const txRepo = createNotificationRepository(tx);
      // Re-check inside the transaction: the task may have been completed or moved since it was listed.
      if (!(await txRepo.stillDue(t.id, deadlineAt))) return;
      const won = await txRepo.claimReminder({
        id,
        taskId: t.id,
        kind,
        deadlineAt,
        claimedBy: instanceId,
        claimedAt: at.toISOString(),
      });
      if (!won) return;
      const overdue = kind === 'overdue';
      const title = `${overdue ? 'Quá hạn' : 'Nhắc hạn'}: ${t.title} (${reminderWords(kind)})`;
      const body = `${t.unitName}: nhiệm vụ "${t.title}" ${overdue ? 'đã quá hạn và chưa hoàn thành' : `${reminderWords(kind)} đến hạn`}.\n${deadlineText(deadlineAt)}.`;
      const n = await notifyUnits(
        tx,
        overdue ? 'overdue' : 'reminder',
        [{ unitId: t.unitId, title, body, taskId: t.id }],
        { yearId: t.yearId, reminderId: id },
      );
      run.claimed.push({ taskId: t.id, kind });
      run.notifications += n.notifications;
      run.emails += n.emails;
    });
  }
  return run;
}
