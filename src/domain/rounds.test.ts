import { describe, expect, it } from 'vitest';
import { sheetWindow } from './rounds';
import { beforeDay } from './time';

const deadlineAt = beforeDay('2024-12-08').toISOString();
const at = (iso: string) => new Date(iso);

describe('sheetWindow', () => {
  it('accepts until the last millisecond before the deadline instant', () => {
    const round = { status: 'open' as const, deadlineAt, latePolicy: 'refuse' as const };
    expect(sheetWindow(round, at('2024-12-07T16:59:59.999Z'), null)).toEqual({
      accepting: true,
      late: false,
      reopened: false,
    });
    expect(sheetWindow(round, at('2024-12-07T17:00:00.000Z'), null)).toEqual({
      accepting: false,
      reason: 'deadline-passed',
    });
  });
  it('accepts late submissions marked late when the round says so, until it is closed', () => {
    const round = { status: 'open' as const, deadlineAt, latePolicy: 'accept-late' as const };
    expect(sheetWindow(round, at('2024-12-07T17:00:00.000Z'), null)).toEqual({
      accepting: true,
      late: true,
      reopened: false,
    });
    expect(sheetWindow({ ...round, status: 'closed' }, at('2024-12-07T17:00:00.000Z'), null)).toEqual({
      accepting: false,
      reason: 'closed',
    });
  });
  it('lets a reopened unit write until its own limit, never after publication', () => {
    const round = { status: 'closed' as const, deadlineAt, latePolicy: 'refuse' as const };
    const until = '2024-12-10T10:00:00.000Z';
    expect(sheetWindow(round, at('2024-12-09T00:00:00Z'), until)).toEqual({
      accepting: true,
      late: false,
      reopened: true,
    });
    expect(sheetWindow(round, at('2024-12-10T10:00:00Z'), until)).toEqual({
      accepting: false,
      reason: 'closed',
    });
    expect(sheetWindow({ ...round, status: 'published' }, at('2024-12-09T00:00:00Z'), until)).toEqual({
      accepting: false,
      reason: 'published',
    });
  });
});
