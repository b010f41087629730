import { describe, expect, it } from 'vitest';
import { dueReminder, parseOffsets, reminderWords } from './reminders';
import { beforeDay } from './time';

const deadline = beforeDay('2024-12-08').toISOString(); // 2024-12-07T17:00Z
const at = (s: string) => new Date(s);
const none = new Set<string>();

describe('reminders', () => {
  it('is silent until 7 days before, then sends the 7-day reminder once', () => {
    expect(dueReminder(deadline, [7, 1], at('2024-11-30T16:59:59.999Z'), none)).toBeNull();
    expect(dueReminder(deadline, [7, 1], at('2024-11-30T17:00:00Z'), none)).toBe('before-7d');
    expect(dueReminder(deadline, [7, 1], at('2024-12-02T00:00:00Z'), new Set(['before-7d']))).toBeNull();
  });

  it('sends the 1-day reminder at 00:00 on the 7th (Vietnam), once', () => {
    const sent = new Set(['before-7d']);
    expect(dueReminder(deadline, [7, 1], at('2024-12-06T16:59:59Z'), sent)).toBeNull();
    expect(dueReminder(deadline, [7, 1], at('2024-12-06T17:00:00Z'), sent)).toBe('before-1d');
    expect(
      dueReminder(deadline, [7, 1], at('2024-12-07T16:59:59.999Z'), new Set(['before-7d', 'before-1d'])),
    ).toBeNull();
  });

  it('sends only the most urgent reminder when several fall due together', () => {
    expect(dueReminder(deadline, [7, 1], at('2024-12-07T05:00:00Z'), none)).toBe('before-1d');
    // The 7-day reminder never follows a 1-day one.
    expect(dueReminder(deadline, [7, 1], at('2024-12-07T06:00:00Z'), new Set(['before-1d']))).toBeNull();
  });

  it('sends "overdue" once from 00:00 on the deadline day, and nothing "before" after it', () => {
    expect(dueReminder(deadline, [7, 1], at('2024-12-07T17:00:00Z'), none)).toBe('overdue');
    expect(
      dueReminder(deadline, [7, 1], at('2024-12-07T17:00:00Z'), new Set(['before-7d', 'before-1d'])),
    ).toBe('overdue');
    expect(dueReminder(deadline, [7, 1], at('2025-01-01T00:00:00Z'), new Set(['overdue']))).toBeNull();
  });

  it('sends each kind exactly once over a walk through time', () => {
    const sent = new Set<string>();
    const order: string[] = [];
    for (
      let t = new Date('2024-11-20T00:00:00Z').getTime();
      t < new Date('2024-12-20T00:00:00Z').getTime();
      t += 15 * 60_000
    ) {
      const kind = dueReminder(deadline, [14, 7, 3, 1], new Date(t), sent);
      if (kind) {
        expect(sent.has(kind)).toBe(false);
        sent.add(kind);
        order.push(kind);
      }
    }
    expect(order).toEqual(['before-14d', 'before-7d', 'before-3d', 'before-1d', 'overdue']);
  });

  it('parses REMINDER_OFFSETS_DAYS', () => {
    expect(parseOffsets('7,1')).toEqual([7, 1]);
    expect(parseOffsets(' 1, 7 ,7')).toEqual([7, 1]);
    expect(() => parseOffsets('7,x')).toThrow(/REMINDER_OFFSETS_DAYS/);
    expect(() => parseOffsets('0')).toThrow();
    expect(reminderWords('before-7d')).toBe('còn 7 ngày');
    expect(reminderWords('overdue')).toBe('đã quá hạn');
  });
});
