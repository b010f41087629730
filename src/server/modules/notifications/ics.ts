import ical, { escape, ICalCalendarMethod, ICalEventStatus, ICalEventTransparency } from 'ical-generator';

/**
 * iCalendar (RFC 5545) through ical-generator: UTC times, TEXT escaped, lines folded at 75 octets without
 * splitting a UTF-8 character, CRLF line endings.
 */
export interface CalendarEvent {
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  /** Grows each time the event changes (RFC 5545 §3.8.7.4), so that subscribed calendars take the change. */
  sequence: number;
  /** Still listed so that calendars that kept the event show it cancelled. */
  cancelled?: boolean;
}

/** The whole calendar as text with CRLF line endings. */
export function buildCalendar(o: { name: string; stamp: Date; events: readonly CalendarEvent[] }): string {
  const calendar = ical({
    // ical-generator writes NAME and X-WR-CALNAME as given: escaped here (TEXT, RFC 5545 §3.3.11).
    name: escape(o.name, false),
    prodId: '//ThiDua//Ke hoach thi dua//VI',
    method: ICalCalendarMethod.PUBLISH,
    scale: 'GREGORIAN',
    x: [['X-WR-TIMEZONE', 'Asia/Ho_Chi_Minh']],
  });
  for (const e of o.events) {
    calendar.createEvent({
      id: e.uid,
      stamp: o.stamp,
      start: e.start,
      end: e.end,
      summary: e.summary,
      description: e.description ?? null,
      location: e.location ?? null,
      sequence: e.sequence,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  // ical-generator ends the last line without CRLF; RFC 5545 ends every content line with one.
  return calendar.toString() + '\r\n';
}
