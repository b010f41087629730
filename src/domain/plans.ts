/**
 * The year's plan (Kế hoạch): milestones by quarter, their deadlines and the warnings that catch real
 * mistakes before publishing. Pure: instants are Date/ISO strings, Vietnam time via ./time.
 */
import { instantToVn, vnWallClockToInstant } from './time';

/** Who carries out a milestone. `council` is outside the bloc: the head follows it up. */
export const responsibleParties = ['head', 'deputy', 'members', 'council'] as const;
export type ResponsibleParty = (typeof responsibleParties)[number];

/** What completes a milestone's task. */
export const deliverables = [
  'report-mid-year',
  'report-year-end',
  'score-sheets',
  'registration',
  'covenant-signature',
  'event',
  'manual',
] as const;
export type Deliverable = (typeof deliverables)[number];

/** Deliverables that complete on their own when they arrive; the others are checked off by the head. */
export const automaticDeliverables: readonly Deliverable[] = [
  'report-mid-year',
  'report-year-end',
  'score-sheets',
  'registration',
  'covenant-signature',
];

export const deliverableLabels: Record<Deliverable, string> = {
  'report-mid-year': 'Báo cáo sơ kết 6 tháng',
  'report-year-end': 'Báo cáo tổng kết năm',
  'score-sheets': 'Bảng chấm điểm (tự chấm và chấm chéo)',
  registration: 'Đăng ký danh hiệu thi đua',
  'covenant-signature': 'Ký kết giao ước thi đua',
  event: 'Sự kiện',
  manual: 'Trưởng khối xác nhận hoàn thành',
};

export const partyLabels: Record<ResponsibleParty, string> = {
  head: 'Trưởng khối',
  deputy: 'Phó trưởng khối',
  members: 'Các đơn vị trong Khối',
  council: 'Hội đồng TĐKT thành phố',
};

export const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export interface MilestoneLike {
  id: string;
  quarter: number;
  deadlineAt: string | null;
}

export type PlanWarningCode = 'deadline-outside-year' | 'deadline-outside-quarter' | 'deadline-before-issue';

export interface PlanWarning {
  /** `${code}:${milestoneId}`: what the secretariat acknowledges when publishing. */
  id: string;
  code: PlanWarningCode;
  milestoneId: string;
  message: string;
}

/** "07/6/2023": the day always two digits, the month with a leading zero only for 1 and 2 (Decree 30). */
export function formatPlanDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${String(d).padStart(2, '0')}/${m <= 2 ? String(m).padStart(2, '0') : m}/${y}`;
}

/** True when an instant is 00:00 in Vietnam, i.e. it stands for "trước ngày D". */
export function isStartOfVnDay(instant: Date | string): boolean {
  const d = new Date(instant);
  return instantToVn(d).time === '00:00' && d.getUTCSeconds() === 0 && d.getUTCMilliseconds() === 0;
}

/**
 * The deadline in plan wording: "trước ngày 08/12/2024" for 00:00 on D, otherwise "trước 17:00 ngày
 * 07/12/2024". This is what `{deadline}` in a milestone's text becomes.
 */
export function deadlinePhrase(instant: Date | string): string {
  const { date, time } = instantToVn(instant);
  return isStartOfVnDay(instant)
    ? `trước ngày ${formatPlanDate(date)}`
    : `trước ${time} ngày ${formatPlanDate(date)}`;
}

/**
 * "Trước ngày 08/12/2024 (hạn cuối: hết ngày 07/12/2024, giờ Việt Nam)", or "Trước 17:00 ngày 07/12/2024
 * (giờ Việt Nam)": shown wherever a deadline is. A bare "08/12/2024 00:00" reads as "during the 8th".
 */
export function deadlineText(instant: Date | string): string {
  const phrase = deadlinePhrase(instant);
  const head = `${phrase[0]!.toUpperCase()}${phrase.slice(1)}`;
  if (!isStartOfVnDay(instant)) return `${head} (giờ Việt Nam)`;
  return `${head} (hạn cuối: hết ngày ${formatPlanDate(lastDayOf(instant))}, giờ Việt Nam)`;
}

/** The last Vietnam day that is on time for a deadline at 00:00: "2024-12-07" for "trước ngày 08/12/2024". */
export function lastDayOf(instant: Date | string): string {
  return instantToVn(new Date(new Date(instant).getTime() - 1)).date;
}

/** Replaces `{deadline}` in a milestone's text with its deadline phrase (or drops it when there is none). */
export function milestoneSentence(text: string, deadlineAt: string | null): string {
  const phrase = deadlineAt ? deadlinePhrase(deadlineAt) : '';
  return text.replace(/\s*\{deadline\}/g, phrase ? ` ${phrase}` : '');
}

/**
 * The Vietnam date and quarter in which a deadline falls. A deadline at 00:00 on D means "by the end of
 * D−1", so the last instant that is still on time decides: "trước ngày 01/4/2024" belongs to Q1 2024.
 */
export function deadlinePeriod(instant: Date | string): { year: number; quarter: number; date: string } {
  const { date } = instantToVn(new Date(new Date(instant).getTime() - 1));
  const [y, m] = date.split('-').map(Number) as [number, number];
  return { year: y, quarter: Math.floor((m - 1) / 3) + 1, date };
}

/**
 * Mistakes worth a second look before publishing: a deadline outside the plan's year, outside its
 * milestone's quarter (checked only when the year is right), or before the plan's issue date.
 */
export function planWarnings(plan: {
  year: number;
  issueDate: string | null;
  milestones: readonly MilestoneLike[];
}): PlanWarning[] {
  const out: PlanWarning[] = [];
  const issueStart = plan.issueDate ? vnWallClockToInstant(plan.issueDate).getTime() : null;
  const add = (code: PlanWarningCode, m: MilestoneLike, message: string) =>
    out.push({ id: `${code}:${m.id}`, code, milestoneId: m.id, message });
  for (const m of plan.milestones) {
    if (!m.deadlineAt) continue;
    const p = deadlinePeriod(m.deadlineAt);
    const phrase = deadlinePhrase(m.deadlineAt);
    const q = `Quý ${ROMAN[m.quarter - 1] ?? m.quarter}/${plan.year}`;
    if (p.year !== plan.year) {
      add('deadline-outside-year', m, `${q}: hạn "${phrase}" không thuộc năm ${plan.year} của kế hoạch.`);
    } else if (p.quarter !== m.quarter) {
      add(
        'deadline-outside-quarter',
        m,
        `${q}: hạn "${phrase}" nằm ngoài quý (thuộc Quý ${ROMAN[p.quarter - 1]}/${p.year}).`,
      );
    }
    if (issueStart !== null && new Date(m.deadlineAt).getTime() <= issueStart) {
      add(
        'deadline-before-issue',
        m,
        `${q}: hạn "${phrase}" đã qua trước ngày ban hành kế hoạch ${formatPlanDate(plan.issueDate!)}.`,
      );
    }
  }
  return out;
}

/** The same wall-clock time one year later in Vietnam (29 February becomes 28 February). */
export function shiftOneYear(instant: string): string {
  const vn = new Date(new Date(instant).getTime() + 7 * 3600_000);
  const y = vn.getUTCFullYear() + 1;
  const m = vn.getUTCMonth();
  const d = Math.min(vn.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate());
  const shifted = Date.UTC(
    y,
    m,
    d,
    vn.getUTCHours(),
    vn.getUTCMinutes(),
    vn.getUTCSeconds(),
    vn.getUTCMilliseconds(),
  );
  return new Date(shifted - 7 * 3600_000).toISOString();
}

/** "3 ngày 4 giờ", "5 giờ", "dưới 1 giờ": how long something is overdue. */
export function durationText(ms: number): string {
  const hours = Math.floor(ms / 3600_000);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return rest === 0 ? 'dưới 1 giờ' : `${rest} giờ`;
  return rest === 0 ? `${days} ngày` : `${days} ngày ${rest} giờ`;
}

export type TaskState = 'done' | 'open' | 'overdue';

/** A task's state at `at`, and by how long it is (or was, when done late) past its deadline. */
export function taskState(
  task: { deadlineAt: string | null; completedAt: string | null },
  at: Date,
): { state: TaskState; lateByMs: number | null } {
  const deadline = task.deadlineAt ? new Date(task.deadlineAt).getTime() : null;
  if (task.completedAt) {
    const done = new Date(task.completedAt).getTime();
    return { state: 'done', lateByMs: deadline !== null && done >= deadline ? done - deadline : null };
  }
  if (deadline !== null && at.getTime() >= deadline) {
    return { state: 'overdue', lateByMs: at.getTime() - deadline };
  }
  return { state: 'open', lateByMs: null };
}
