import { randomUUID } from 'node:crypto';
import { deadlineText } from '../../../domain/plans';
import { dueReminder, reminderWords, type ReminderKind } from '../../../domain/reminders';
import { now } from '../../clock';
import type { Db } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { notifyUnits } from './notify';
import { createNotificationRepository } from './repository';

export interface RoundReminderClaim {
  roundId: string;
  unitId: string;
  kind: ReminderKind;
}

/**
 * A round's deadline reminds its units like a plan task (before-7d, before-1d, overdue by default), each
 * unit while it still has a sheet to submit. A unit whose score-sheet task has the same deadline is
 * reminded by that task instead, never twice. Each reminder is claimed once across instances.
 */
export async function runDueRoundReminders(
  db: Db,
  offsetsDays: readonly number[],
  instanceId: string,
): Promise<{ claimed: RoundReminderClaim[]; notifications: number; emails: number }> {
  const at = now();
  const horizon = new Date(at.getTime() + Math.max(0, ...offsetsDays) * 24 * 3600_000).toISOString();
  const repo = createNotificationRepository(db);
  const due = await repo.remindableRoundUnits(horizon);
  const sent = new Map<string, Set<string>>();
  for (const r of await repo.sentRoundReminders([...new Set(due.map((d) => d.roundId))])) {
    const key = `${r.roundId}|${r.unitId}|${r.deadlineAt}`;
    sent.set(key, (sent.get(key) ?? new Set()).add(r.kind));
  }
  const run = { claimed: [] as RoundReminderClaim[], notifications: 0, emails: 0 };
  for (const d of due) {
    const kind = dueReminder(
      d.deadlineAt,
      offsetsDays,
      at,
      sent.get(`${d.roundId}|${d.unitId}|${d.deadlineAt}`) ?? new Set(),
    );
    if (!kind) continue;
    await inTransaction(db, async (tx) => {
      const txRepo = createNotificationRepository(tx);
      if (!(await txRepo.roundStillDue(d.roundId, d.unitId, d.deadlineAt))) return;
      const id = randomUUID();
      const row = {
        id,
        roundId: d.roundId,
        unitId: d.unitId,
        kind,
        deadlineAt: d.deadlineAt,
        claimedBy: instanceId,
        claimedAt: at.toISOString(),
      };
      if (!(await txRepo.claimRoundReminder(row))) return;
      const overdue = kind === 'overdue';
      const title = `${overdue ? 'Quá hạn' : 'Nhắc hạn'}: bảng điểm "${d.title}" (${reminderWords(kind)})`;
      const body = `${d.unitName}: đơn vị còn bảng điểm chưa nộp trong đợt chấm "${d.title}"${overdue ? ' và đã quá hạn' : ''}.\n${deadlineText(d.deadlineAt)}.`;
      const n = await notifyUnits(tx, overdue ? 'overdue' : 'reminder', [{ unitId: d.unitId, title, body }], {
        yearId: d.yearId,
      });
      run.claimed.push({ roundId: d.roundId, unitId: d.unitId, kind });
      run.notifications += n.notifications;
      run.emails += n.emails;
    });
  }
  return run;
}
