import { describe, expect, it } from 'vitest';
import { inPeriod, periodRange, unitReportStatus, unitsIn } from './bloc-reports';

const deadline = '2024-07-04T17:00:00.000Z'; // 00:00 on 05/7/2024, Vietnam time
const open = { status: 'open' as const, deadlineAt: deadline };
const report = (id: string, uploadedAt: string, late: boolean) => ({ id, uploadedAt, late });

describe('the periods of the bloc reports', () => {
  it('mid-year is 1/1–30/6 and year-end the whole year, in Vietnam time', () => {
    const mid = periodRange(2024, 'mid-year');
    expect(mid.from.toISOString()).toBe('2023-12-31T17:00:00.000Z');
    expect(mid.to.toISOString()).toBe('2024-06-30T17:00:00.000Z');
    expect(inPeriod('2024-06-30T16:59:59.999Z', mid)).toBe(true); // 23:59:59 on 30/6 in Hà Nội
    expect(inPeriod('2024-06-30T17:00:00.000Z', mid)).toBe(false); // 00:00 on 1/7
    expect(inPeriod('2023-12-31T16:59:59.999Z', mid)).toBe(false);
    const year = periodRange(2024, 'year-end');
    expect(inPeriod('2024-12-31T16:59:59.999Z', year)).toBe(true);
    expect(inPeriod('2024-12-31T17:00:00.000Z', year)).toBe(false);
  });
});

describe("a unit's standing for a report", () => {
  const before = new Date('2024-07-01T00:00:00Z');
  const after = new Date('2024-07-10T00:00:00Z');

  it('is on time or late by its first upload; the file is its newest one', () => {
    const s = unitReportStatus(
      [{ status: 'done', deadlineAt: deadline }],
      [report('b', '2024-07-06T00:00:00Z', true), report('a', '2024-07-01T00:00:00Z', false)],
      after,
    );
    expect(s).toEqual({
      state: 'on-time',
      sentAt: '2024-07-01T00:00:00Z',
      latestReportId: 'b',
      uploads: 2,
      deadlineAt: deadline,
    });
    expect(unitReportStatus([open], [report('c', '2024-07-06T00:00:00Z', true)], after)?.state).toBe('late');
  });

  it('without a file: confirmed by the head, missing once due, not due before', () => {
    expect(unitReportStatus([{ status: 'done', deadlineAt: deadline }], [], after)?.state).toBe('confirmed');
    expect(unitReportStatus([open], [], after)?.state).toBe('missing');
    expect(unitReportStatus([open], [], new Date(deadline))?.state).toBe('missing'); // the deadline's instant is late
    expect(unitReportStatus([open], [], before)?.state).toBe('not-due');
    expect(unitReportStatus([{ status: 'open', deadlineAt: null }], [], after)?.state).toBe('not-due');
  });

  it('takes the earliest deadline of several tasks, ignores cancelled ones, and skips units never asked', () => {
    const s = unitReportStatus(
      [
        open,
        { status: 'open', deadlineAt: '2024-06-01T00:00:00Z' },
        { status: 'cancelled', deadlineAt: null },
      ],
      [],
      before,
    );
    expect(s).toMatchObject({ state: 'missing', deadlineAt: '2024-06-01T00:00:00Z' });
    expect(unitReportStatus([{ status: 'cancelled', deadlineAt: deadline }], [], after)).toBeNull();
    expect(unitReportStatus([], [], after)).toBeNull();
  });

  it('names the units in a state, in order', () => {
    const rows = [
      { unitName: 'Sở Tài chính', status: unitReportStatus([open], [], after)! },
      {
        unitName: 'Cục Thuế',
        status: unitReportStatus([open], [report('x', '2024-07-06T00:00:00Z', true)], after)!,
      },
      { unitName: 'Kho bạc', status: unitReportStatus([open], [], after)! },
    ];
    expect(unitsIn(rows, 'missing')).toEqual(['Sở Tài chính', 'Kho bạc']);
    expect(unitsIn(rows, 'late')).toEqual(['Cục Thuế']);
  });
});
