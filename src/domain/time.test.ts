import { describe, expect, it } from 'vitest';
import { beforeDay, formatVnDateTime, instantToVn, vnWallClockToInstant } from './time';

describe('Vietnam time', () => {
  it('puts "trước ngày 08/12/2024" at 00:00 on 8 December in Vietnam, 17:00 UTC the day before', () => {
    expect(beforeDay('2024-12-08').toISOString()).toBe('2024-12-07T17:00:00.000Z');
    expect(formatVnDateTime(beforeDay('2024-12-08'))).toBe('08/12/2024 00:00');
  });
  it('shows 23:59:59 on the 7th as the 7th, and 00:00 on the 8th as the 8th', () => {
    expect(instantToVn(new Date('2024-12-07T16:59:59Z'))).toEqual({ date: '2024-12-07', time: '23:59' });
    expect(instantToVn(new Date('2024-12-07T17:00:00Z'))).toEqual({ date: '2024-12-08', time: '00:00' });
  });
  it('refuses impossible dates', () => {
    expect(() => vnWallClockToInstant('2024-02-30')).toThrow();
    expect(() => vnWallClockToInstant('2024-12-08', '24:00')).toThrow();
  });
});
