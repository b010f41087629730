import { describe, expect, it } from 'vitest';
import { calendarChanged, matchesSearch, unitsCompletedByMinutes } from './events';

const base = {
  title: 'Hội nghị sơ kết',
  startsAt: '2025-07-10T08:00:00+07:00',
  endsAt: '2025-07-10T11:30:00+07:00',
  location: 'Hội trường A',
  agenda: '1. Khai mạc',
};

describe('events', () => {
  it('changes the calendar only when something it shows changes', () => {
    expect(calendarChanged(base, { ...base })).toBe(false);
    expect(calendarChanged(base, { ...base, startsAt: '2025-07-10T01:00:00.000Z' })).toBe(false);
    expect(calendarChanged(base, { ...base, startsAt: '2025-07-10T09:00:00+07:00' })).toBe(true);
    expect(calendarChanged(base, { ...base, location: 'Hội trường B' })).toBe(true);
    expect(calendarChanged(base, { ...base, title: 'Hội nghị sơ kết 6 tháng' })).toBe(true);
  });

  it('completes the task of the host and of every participant, once each', () => {
    expect(unitsCompletedByMinutes({ hostUnitId: 'h', unitIds: ['a', 'h', 'b'] })).toEqual(['h', 'a', 'b']);
    expect(unitsCompletedByMinutes({ hostUnitId: 'h', unitIds: [] })).toEqual(['h']);
  });

  it('searches with or without accents, every word', () => {
    const fields = ['Mô hình "Dân vận khéo" trong cải cách hành chính', 'Cải cách hành chính', 'Sở Tư pháp'];
    expect(matchesSearch(fields, 'dân vận')).toBe(true);
    expect(matchesSearch(fields, 'DAN VAN kheo')).toBe(true);
    expect(matchesSearch(fields, 'tu phap')).toBe(true);
    expect(matchesSearch(fields, 'dan van y te')).toBe(false);
    expect(matchesSearch(fields, '   ')).toBe(true);
  });
});
