/**
 * The bloc's own reports (mid-year and year-end) as pure rules: the period each covers in Vietnam time,
 * which units sent their report for it and when, which were late and which never sent one.
 */
import type { Deliverable } from './plans';
import { vnWallClockToInstant } from './time';

export const blocReportPeriods = ['mid-year', 'year-end'] as const;
export type BlocReportPeriod = (typeof blocReportPeriods)[number];

/** The units' report a period collects (the plan's deliverable). */
export const periodDeliverable: Record<BlocReportPeriod, Deliverable> = {
  'mid-year': 'report-mid-year',
  'year-end': 'report-year-end',
};

/** An interval of instants, `to` excluded. */
export interface Period {
  from: Date;
  to: Date;
}

/** Mid-year: 1/1–30/6 of the year; year-end: the whole year; both in Vietnam time. */
export function periodRange(year: number, period: BlocReportPeriod): Period {
  return {
    from: vnWallClockToInstant(`${year}-01-01`),
    to:
      period === 'mid-year'
        ? vnWallClockToInstant(`${year}-07-01`)
        : vnWallClockToInstant(`${year + 1}-01-01`),
  };
}

/** Whether an instant falls within a period. */
export const inPeriod = (instant: string | Date, p: Period): boolean => {
  const t = new Date(instant).getTime();
  return t >= p.from.getTime() && t < p.to.getTime();
};

/**
 * How a unit stands with its report: sent on time, sent late, checked off by the head without a file,
 * missing (its deadline has passed), not due yet.
 */
export type UnitReportState = 'on-time' | 'late' | 'confirmed' | 'missing' | 'not-due';

export const unitReportStateLabels: Record<UnitReportState, string> = {
  'on-time': 'Đã gửi đúng hạn',
  late: 'Gửi muộn',
  confirmed: 'Trưởng khối xác nhận hoàn thành, không có tệp',
  missing: 'Chưa gửi (quá hạn)',
  'not-due': 'Chưa gửi (chưa đến hạn)',
};

export interface ReportTaskFacts {
  status: 'open' | 'done' | 'cancelled';
  deadlineAt: string | null;
}
export interface UploadedReportFacts {
  id: string;
  uploadedAt: string;
  late: boolean;
}

export interface UnitReportStatus {
  state: UnitReportState;
  /** When the unit first sent its report (what decides lateness). */
  sentAt: string | null;
  /** The newest file the unit sent: the one the head reads. */
  latestReportId: string | null;
  /** How many files the unit sent for this report. */
  uploads: number;
  deadlineAt: string | null;
}

/**
 * A unit's standing for one report, from its live tasks for that report and the files it uploaded. The
 * first upload decides when it was sent and whether late (a later file replaces the content, not the date).
 * Null when the unit was neither asked for the report nor sent one.
 */
export function unitReportStatus(
  tasks: readonly ReportTaskFacts[],
  reports: readonly UploadedReportFacts[],
  at: Date,
): UnitReportStatus | null {
  const live = tasks.filter((t) => t.status !== 'cancelled');
  if (!live.length && !reports.length) return null;
  const deadlines = live.flatMap((t) => (t.deadlineAt ? [t.deadlineAt] : []));
  const deadlineAt = deadlines.length
    ? deadlines.reduce((a, b) => (Date.parse(a) <= Date.parse(b) ? a : b))
    : null;
  const sorted = [...reports].sort((a, b) => Date.parse(a.uploadedAt) - Date.parse(b.uploadedAt));
  const first = sorted[0];
  const base = { deadlineAt, uploads: sorted.length };
  if (first) {
    return {
      ...base,
      state: first.late ? 'late' : 'on-time',
      sentAt: first.uploadedAt,
      latestReportId: sorted.at(-1)!.id,
    };
  }
  const overdue = deadlineAt !== null && at.getTime() >= Date.parse(deadlineAt);
  const state = live.some((t) => t.status === 'done') ? 'confirmed' : overdue ? 'missing' : 'not-due';
  return { ...base, state, sentAt: null, latestReportId: null };
}

/** The names of the units in a given state, in the order given. */
export const unitsIn = (
  rows: readonly { unitName: string; status: UnitReportStatus }[],
  state: UnitReportState,
): string[] => rows.filter((r) => r.status.state === state).map((r) => r.unitName);
