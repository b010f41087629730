/**
 * The year's events — conferences, exchanges, study visits — and units' exemplary models, as pure rules:
 * which changes a calendar must see (iCalendar SEQUENCE), who completes a task when the minutes arrive, and
 * the accent-insensitive search over exemplary models.
 */
import { normalizeText } from './text';

export const eventKinds = [
  'covenant-signing',
  'mid-year-conference',
  'year-end-conference',
  'exchange',
  'study-visit',
] as const;
export type EventKind = (typeof eventKinds)[number];

export const eventKindLabels: Record<EventKind, string> = {
  'covenant-signing': 'Hội nghị ký kết giao ước thi đua',
  'mid-year-conference': 'Hội nghị sơ kết 6 tháng',
  'year-end-conference': 'Hội nghị tổng kết năm',
  exchange: 'Giao lưu văn nghệ, thể thao',
  'study-visit': 'Học tập kinh nghiệm',
};

/** What a subscribed calendar shows of an event. */
export interface CalendarFields {
  title: string;
  startsAt: string;
  endsAt: string;
  location: string;
  agenda: string;
}

/**
 * Whether an edit changes what calendars show, so that SEQUENCE must go up (RFC 5545 §3.8.7.4): a
 * calendar keeps its copy when the sequence stays, however the text was re-saved. Instants are compared
 * as instants ("…+07:00" and "…Z" of the same moment are no change).
 */
export function calendarChanged(before: CalendarFields, after: CalendarFields): boolean {
  const instant = (s: string) => new Date(s).getTime();
  return (
    before.title !== after.title ||
    before.location !== after.location ||
    before.agenda !== after.agenda ||
    instant(before.startsAt) !== instant(after.startsAt) ||
    instant(before.endsAt) !== instant(after.endsAt)
  );
}

/**
 * The units whose event task the minutes complete: every participating unit and the host (who organised it
 * even when it does not count itself among the participants), each once.
 */
export function unitsCompletedByMinutes(e: { hostUnitId: string; unitIds: readonly string[] }): string[] {
  return [...new Set([e.hostUnitId, ...e.unitIds])];
}

/** Whether an exemplary model matches a search, accents and case ignored ("dien hinh" finds "Điển hình"). */
export function matchesSearch(fields: readonly string[], query: string): boolean {
  const q = normalizeText(query);
  if (!q) return true;
  const text = normalizeText(fields.join(' '));
  return q.split(' ').every((word) => text.includes(word));
}
