import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  deadlinePeriod,
  deadlinePhrase,
  deadlineText,
  durationText,
  formatPlanDate,
  milestoneSentence,
  planWarnings,
  shiftOneYear,
  taskState,
} from './plans';
import { beforeDay, vnWallClockToInstant } from './time';

const iso = (d: Date) => d.toISOString();

describe('plan deadlines in Vietnam time', () => {
  it('stores "trước ngày 08/12/2024" as 17:00 UTC on the 7th and says so in Vietnamese', () => {
    const d = iso(beforeDay('2024-12-08'));
    expect(d).toBe('2024-12-07T17:00:00.000Z');
    expect(deadlinePhrase(d)).toBe('trước ngày 08/12/2024');
    expect(deadlineText(d)).toBe('Trước ngày 08/12/2024 (hạn cuối: hết ngày 07/12/2024, giờ Việt Nam)');
  });

  it('writes a deadline that is not at midnight with its hour', () => {
    const d = iso(vnWallClockToInstant('2024-12-07', '17:00'));
    expect(deadlinePhrase(d)).toBe('trước 17:00 ngày 07/12/2024');
    expect(deadlineText(d)).toBe('Trước 17:00 ngày 07/12/2024 (giờ Việt Nam)');
    // One second past midnight is not "trước ngày".
    expect(deadlinePhrase(iso(vnWallClockToInstant('2024-12-08', '00:00:01')))).toBe(
      'trước 00:00 ngày 08/12/2024',
    );
  });

  it('formats dates as the seed does: 07/6/2023, 08/12/2024, 05/02/2024', () => {
    expect(formatPlanDate('2023-06-07')).toBe('07/6/2023');
    expect(formatPlanDate('2024-12-08')).toBe('08/12/2024');
    expect(formatPlanDate('2024-02-05')).toBe('05/02/2024');
  });

  it('puts the deadline phrase where a milestone text says {deadline}', () => {
    const d = iso(beforeDay('2024-12-08'));
    expect(milestoneSentence('Gửi báo cáo {deadline} để tổng hợp.', d)).toBe(
      'Gửi báo cáo trước ngày 08/12/2024 để tổng hợp.',
    );
    expect(milestoneSentence('Gửi báo cáo {deadline}.', null)).toBe('Gửi báo cáo.');
  });

  it('counts a 00:00 deadline towards the day before: the last on-time instant decides the period', () => {
    // "trước ngày 01/4/2024": on time until 31/3 23:59:59 → Q1.
    expect(deadlinePeriod(beforeDay('2024-04-01'))).toMatchObject({
      year: 2024,
      quarter: 1,
      date: '2024-03-31',
    });
    // 23:59:59 on 31/3 is still Q1; 00:00:01 on 1/4 is Q2.
    expect(deadlinePeriod(vnWallClockToInstant('2024-03-31', '23:59:59'))).toMatchObject({ quarter: 1 });
    expect(deadlinePeriod(vnWallClockToInstant('2024-04-01', '00:00:01'))).toMatchObject({ quarter: 2 });
    // "trước ngày 01/01/2025" closes 2024.
    expect(deadlinePeriod(beforeDay('2025-01-01'))).toMatchObject({ year: 2024, quarter: 4 });
    // 17:00 UTC on 31/12 is already 1 January in Vietnam.
    expect(deadlinePeriod('2024-12-31T17:00:01Z')).toMatchObject({ year: 2025, quarter: 1 });
  });
});

describe('plan warnings', () => {
  const m = (id: string, quarter: number, day: string | null) => ({
    id,
    quarter,
    deadlineAt: day ? iso(beforeDay(day)) : null,
  });

  it('flags the seed\'s own mistake: "trước ngày 07/6/2023" in the 2024 plan issued 20/3/2024', () => {
    const w = planWarnings({
      year: 2024,
      issueDate: '2024-03-20',
      milestones: [m('q2', 2, '2023-06-07'), m('q4', 4, '2024-12-08')],
    });
    expect(w.map((x) => x.id)).toEqual(['deadline-outside-year:q2', 'deadline-before-issue:q2']);
    expect(w[0]!.message).toBe('Quý II/2024: hạn "trước ngày 07/6/2023" không thuộc năm 2024 của kế hoạch.');
    expect(w[1]!.message).toContain('trước ngày ban hành kế hoạch 20/3/2024');
  });

  it('flags a deadline outside its quarter, at the exact boundary', () => {
    expect(planWarnings({ year: 2024, issueDate: null, milestones: [m('a', 1, '2024-04-01')] })).toEqual([]);
    expect(
      planWarnings({ year: 2024, issueDate: null, milestones: [m('a', 1, '2024-04-02')] }).map((x) => x.code),
    ).toEqual(['deadline-outside-quarter']);
    expect(planWarnings({ year: 2024, issueDate: null, milestones: [m('a', 4, '2025-01-01')] })).toEqual([]);
    expect(
      planWarnings({ year: 2024, issueDate: null, milestones: [m('a', 4, '2025-01-02')] }).map((x) => x.code),
    ).toEqual(['deadline-outside-year']);
  });

  it('flags a deadline at or before the start of the issue day, not one after it', () => {
    const at = (day: string) =>
      planWarnings({ year: 2024, issueDate: '2024-03-20', milestones: [m('a', 1, day)] }).map((x) => x.code);
    expect(at('2024-03-20')).toEqual(['deadline-before-issue']);
    expect(at('2024-03-21')).toEqual([]);
  });

  it('ignores milestones without a deadline', () => {
    expect(planWarnings({ year: 2024, issueDate: '2024-03-20', milestones: [m('a', 3, null)] })).toEqual([]);
  });
});

describe('next year', () => {
  it('moves a deadline one year in Vietnam time, keeping 00:00', () => {
    expect(shiftOneYear(iso(beforeDay('2024-12-08')))).toBe(iso(beforeDay('2025-12-08')));
    expect(shiftOneYear(iso(beforeDay('2025-01-01')))).toBe(iso(beforeDay('2026-01-01')));
    expect(shiftOneYear(iso(beforeDay('2024-02-29')))).toBe(iso(beforeDay('2025-02-28')));
  });
  it('keeps the Vietnam wall-clock time for any instant (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }),
        (d) => {
          const vn = (x: string) => new Date(new Date(x).getTime() + 7 * 3600_000).toISOString();
          const before = vn(d.toISOString());
          const after = vn(shiftOneYear(d.toISOString()));
          expect(Number(after.slice(0, 4))).toBe(Number(before.slice(0, 4)) + 1);
          expect(after.slice(11)).toBe(before.slice(11));
        },
      ),
    );
  });
});

describe('task state', () => {
  const deadline = iso(beforeDay('2024-12-08'));
  it('is open until 23:59:59.999 on the 7th and overdue from 00:00 on the 8th', () => {
    expect(
      taskState({ deadlineAt: deadline, completedAt: null }, new Date('2024-12-07T16:59:59.999Z')),
    ).toEqual({ state: 'open', lateByMs: null });
    expect(taskState({ deadlineAt: deadline, completedAt: null }, new Date('2024-12-07T17:00:00Z'))).toEqual({
      state: 'overdue',
      lateByMs: 0,
    });
    expect(
      taskState({ deadlineAt: deadline, completedAt: null }, new Date('2024-12-09T20:00:00Z')).lateByMs,
    ).toBe((2 * 24 + 3) * 3600_000);
  });
  it('records how late a done task was', () => {
    expect(taskState({ deadlineAt: deadline, completedAt: '2024-12-07T16:59:59Z' }, new Date())).toEqual({
      state: 'done',
      lateByMs: null,
    });
    expect(taskState({ deadlineAt: deadline, completedAt: '2024-12-08T17:00:00Z' }, new Date())).toEqual({
      state: 'done',
      lateByMs: 24 * 3600_000,
    });
  });
  it('says durations in days and hours', () => {
    expect(durationText(0)).toBe('dưới 1 giờ');
    expect(durationText(5 * 3600_000)).toBe('5 giờ');
    expect(durationText(24 * 3600_000)).toBe('1 ngày');
    expect(durationText((2 * 24 + 3) * 3600_000 + 59 * 60_000)).toBe('2 ngày 3 giờ');
  });
});
