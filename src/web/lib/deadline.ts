import { useCallback } from 'react';
import { deadlinePeriod, isStartOfVnDay, lastDayOf, ROMAN, type PlanWarning } from '../../domain/plans';
import { instantToVn } from '../../domain/time';
import { useT, type TFunction } from '../i18n/context';

/** "I" … "IV". */
export const roman = (quarter: number): string =>
  (ROMAN as readonly string[])[quarter - 1] ?? String(quarter);

/** "08/12/2024" from "2024-12-08". */
export const dayText = (date: string): string => date.split('-').reverse().join('/');

/** The deadline in words: "Trước ngày 08/12/2024" or "Trước 17:00 ngày 07/12/2024". */
export function deadlineShort(t: TFunction, instant: string): string {
  const { date, time } = instantToVn(instant);
  return isStartOfVnDay(instant)
    ? t('deadline.beforeDay', { date: dayText(date) })
    : t('deadline.beforeTime', { date: dayText(date), time });
}

/**
 * The exact instant behind it, never as a bare "08/12/2024 00:00" (which reads as "during the 8th"):
 * "hạn cuối: hết ngày 07/12/2024, giờ Việt Nam", or "hạn: 17:00 ngày 07/12/2024, giờ Việt Nam".
 */
export function deadlineExact(t: TFunction, instant: string): string {
  if (isStartOfVnDay(instant)) return t('deadline.lastDay', { date: dayText(lastDayOf(instant)) });
  const { date, time } = instantToVn(instant);
  return t('deadline.exact', { date: dayText(date), time });
}

/** "3 ngày 4 giờ": how long something is (or was) past its deadline. */
export function durationLabel(t: TFunction, ms: number): string {
  const hours = Math.floor(ms / 3600_000);
  const days = Math.floor(hours / 24);
  const rest = hours % 24;
  if (days === 0) return rest === 0 ? t('duration.underHour') : t('duration.hours', { hours: rest });
  return rest === 0 ? t('duration.days', { days }) : t('duration.daysHours', { days, hours: rest });
}

/** A plan warning in the UI language (the server's message is Vietnamese only). */
export function warningLabel(
  t: TFunction,
  w: PlanWarning,
  m: { quarter: number; deadlineAt: string | null } | undefined,
  year: number,
  issueDate: string | null,
): string {
  if (!m?.deadlineAt) return w.message;
  const params = {
    quarter: `${roman(m.quarter)}/${String(year)}`,
    deadline: deadlineShort(t, m.deadlineAt),
    year,
  };
  switch (w.code) {
    case 'deadline-outside-year':
      return t('warning.outsideYear', params);
    case 'deadline-outside-quarter': {
      const p = deadlinePeriod(m.deadlineAt);
      return t('warning.outsideQuarter', { ...params, actual: `${roman(p.quarter)}/${String(p.year)}` });
    }
    case 'deadline-before-issue':
      return t('warning.beforeIssue', { ...params, issue: issueDate ? dayText(issueDate) : '' });
  }
}

/** The deadline helpers bound to the current language. */
export function useDeadline() {
  const t = useT();
  return {
    short: useCallback((instant: string) => deadlineShort(t, instant), [t]),
    exact: useCallback((instant: string) => deadlineExact(t, instant), [t]),
    duration: useCallback((ms: number) => durationLabel(t, ms), [t]),
  };
}
