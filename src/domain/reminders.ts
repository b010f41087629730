/**
 * Automatic reminders for open tasks: "before-7d", "before-1d" (configurable offsets in days) and
 * "overdue". Pure: which reminder of a task is due at an instant, given those already sent.
 */

export const DEFAULT_REMINDER_OFFSETS_DAYS = [7, 1] as const;
const DAY_MS = 24 * 3600_000;

export type ReminderKind = `before-${number}d` | 'overdue';

export const beforeKind = (days: number): ReminderKind => `before-${days}d`;

/** When a "before" reminder falls due: `days` days before the deadline. */
export const reminderDueAt = (deadlineAt: string, days: number): Date =>
  new Date(new Date(deadlineAt).getTime() - days * DAY_MS);

/**
 * The reminder to send now for one open task, or null. After the deadline only "overdue" is due; before it,
 * only the most urgent "before" reminder whose time has come (a plan published 12 hours before a deadline
 * sends the 1-day reminder, not also the 7-day one). Each kind is sent once: `sent` holds those already sent
 * for this deadline.
 */
export function dueReminder(
  deadlineAt: string,
  offsetsDays: readonly number[],
  at: Date,
  sent: ReadonlySet<string>,
): ReminderKind | null {
  const deadline = new Date(deadlineAt).getTime();
  if (at.getTime() >= deadline) return sent.has('overdue') ? null : 'overdue';
  const due = offsetsDays.filter((d) => reminderDueAt(deadlineAt, d).getTime() <= at.getTime());
  if (!due.length) return null;
  const kind = beforeKind(Math.min(...due));
  return sent.has(kind) ? null : kind;
}

/** Parses "7,1" into [7, 1] (positive whole days, largest first, no duplicates). Throws on anything else. */
export function parseOffsets(text: string): number[] {
  const parts = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const days = parts.map(Number);
  if (!days.length || days.some((d) => !Number.isInteger(d) || d <= 0 || d > 365)) {
    throw new Error(
      `REMINDER_OFFSETS_DAYS must be whole days between 1 and 365 separated by commas, got "${text}"`,
    );
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

/** "còn 7 ngày", "còn 1 ngày", "đã quá hạn": the words of a reminder's subject. */
export function reminderWords(kind: ReminderKind): string {
  if (kind === 'overdue') return 'đã quá hạn';
  return `còn ${kind.slice('before-'.length, -1)} ngày`;
}
