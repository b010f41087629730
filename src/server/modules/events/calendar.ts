import { eventKindLabels, type EventKind } from '../../../domain/events';
import type { Executor } from '../../db/schema';
import type { CalendarEvent } from '../notifications/ics';
import { createEventRepository } from './repository';

/**
 * The events a unit hosts or takes part in, for its .ics feed: one VEVENT each, kept (STATUS:CANCELLED)
 * after a cancellation, with the SEQUENCE that each change raised, so subscribed calendars update it.
 */
export async function unitEventsForCalendar(db: Executor, unitId: string): Promise<CalendarEvent[]> {
  return (await createEventRepository(db).eventsOfUnit(unitId)).map((e) => ({
    uid: `event-${e.id}@thidua`,
    start: new Date(e.startsAt),
    end: new Date(e.endsAt),
    summary: `${e.status === 'cancelled' ? 'ĐÃ HỦY – ' : ''}${e.title}`,
    description: [eventKindLabels[e.kind as EventKind], e.agenda].filter(Boolean).join('\n'),
    location: e.location,
    sequence: e.sequence,
    cancelled: e.status === 'cancelled',
  }));
}
