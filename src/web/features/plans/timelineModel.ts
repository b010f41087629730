import { vnWallClockToInstant } from '../../../domain/time';
import type { TMilestone, TTask } from '../../../shared/plans';

export type MilestoneState = 'done' | 'overdue' | 'open' | 'passed' | 'upcoming';

/** Where an instant falls on the year's axis (0 = 1 January 00:00, 1 = next 1 January, Vietnam time). */
export function yearAxis(year: number) {
  const start = vnWallClockToInstant(`${String(year)}-01-01`).getTime();
  const end = vnWallClockToInstant(`${String(year + 1)}-01-01`).getTime();
  const frac = (instant: string | number) =>
    ((typeof instant === 'number' ? instant : new Date(instant).getTime()) - start) / (end - start);
  const quarterStart = (q: number) =>
    frac(vnWallClockToInstant(`${String(year)}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`).getTime());
  return { frac, quarterStart, quarterEnd: (q: number) => (q === 4 ? 1 : quarterStart(q + 1)) };
}

/**
 * A milestone's state for the viewer: from the tasks they can see (their unit's, or every unit's on the
 * board) — overdue if any is, done if all are; without tasks, whether its deadline has passed.
 */
export function milestoneState(m: TMilestone, tasks: readonly TTask[], now: string): MilestoneState {
  const mine = tasks.filter((t) => t.milestoneId === m.id);
  if (mine.some((t) => t.state === 'overdue')) return 'overdue';
  if (mine.length > 0 && mine.every((t) => t.state === 'done')) return 'done';
  if (mine.length > 0) return 'open';
  if (m.deadlineAt && new Date(m.deadlineAt).getTime() <= new Date(now).getTime()) return 'passed';
  return 'upcoming';
}

export const stateColor: Record<MilestoneState, string> = {
  done: 'green',
  overdue: 'red',
  open: 'blue',
  passed: 'default',
  upcoming: 'geekblue',
};
