import { describe, expect, it } from 'vitest';
import { yearCan, type Subject } from './access';
import {
  DEFAULT_CATALOGUE,
  choiceProblems,
  decidable,
  headView,
  mayChangeNow,
  registeredUnits,
  registrationWindow,
} from './registrations';

const at = new Date('2025-03-10T03:00:00Z');

describe('the registration window', () => {
  it('is not open before the plan gives the unit a registration task', () => {
    expect(registrationWindow([], at)).toEqual({ state: 'not-open', deadlineAt: null });
  });
  it('stays open without a deadline, and closes at the earliest deadline', () => {
    expect(registrationWindow([{ deadlineAt: null }], at).state).toBe('open');
    const tasks = [{ deadlineAt: '2025-03-31T17:00:00.000Z' }, { deadlineAt: '2025-03-09T17:00:00.000Z' }];
    expect(registrationWindow(tasks, at)).toEqual({
      state: 'closed',
      deadlineAt: '2025-03-09T17:00:00.000Z',
    });
    expect(registrationWindow(tasks.slice(0, 1), at).state).toBe('open');
  });
  it('closes exactly at the deadline instant', () => {
    const d = '2025-03-10T03:00:00.000Z';
    expect(registrationWindow([{ deadlineAt: d }], new Date(Date.parse(d) - 1)).state).toBe('open');
    expect(registrationWindow([{ deadlineAt: d }], new Date(d)).state).toBe('closed');
  });
});

describe('what a unit may do with its registration', () => {
  it('changes a draft or a returned one while open, a returned one after the deadline, nothing sent', () => {
    expect(mayChangeNow('open', null)).toBe(true);
    expect(mayChangeNow('open', 'draft')).toBe(true);
    expect(mayChangeNow('open', 'returned')).toBe(true);
    expect(mayChangeNow('open', 'submitted')).toBe(false);
    expect(mayChangeNow('open', 'accepted')).toBe(false);
    expect(mayChangeNow('closed', 'draft')).toBe(false);
    expect(mayChangeNow('closed', 'returned')).toBe(true);
    expect(mayChangeNow('not-open', null)).toBe(false);
  });
  it('shows the head a draft as not registered, and lets it decide only what was sent', () => {
    expect(headView(null)).toBe('none');
    expect(headView('draft')).toBe('none');
    expect(headView('returned')).toBe('returned');
    expect(decidable('submitted')).toBe(true);
    expect(decidable('returned')).toBe(false);
    expect(decidable('accepted')).toBe(false);
  });
  it('is sent by the leader; the officer only drafts', () => {
    const s = (role: Subject['role'], yearRole: Subject['yearRole']): Subject => ({
      role,
      unitId: 'U',
      yearRole,
    });
    expect(yearCan(s('leader', 'member')).submitRegistration).toBe(true);
    expect(yearCan(s('officer', 'member')).submitRegistration).toBe(false);
    expect(yearCan(s('officer', 'member')).ownTasks).toBe(true);
    expect(yearCan(s('leader', null)).submitRegistration).toBe(false);
    expect(yearCan({ role: 'board', unitId: null, yearRole: null }).submitRegistration).toBe(false);
  });
});

describe("a unit's choice from the catalogue", () => {
  it('accepts catalogue codes, refuses unknown ones, duplicates and a person award without a name', () => {
    expect(choiceProblems([{ code: 'co-thi-dua' }, { code: 'bang-khen' }], DEFAULT_CATALOGUE)).toEqual([]);
    const problems = choiceProblems(
      [
        { code: 'co-thi-dua' },
        { code: 'huan-chuong' },
        { code: 'co-thi-dua' },
        { code: 'cstd-thanh-pho', nominee: ' ' },
        { code: 'cstd-thanh-pho', nominee: 'Nguyễn Văn A' },
        { code: 'cstd-thanh-pho', nominee: 'Trần Thị B' },
      ],
      DEFAULT_CATALOGUE,
    );
    expect(problems.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(problems[0]!.message).toMatch(/huan-chuong.*không có trong danh mục/);
    expect(problems[2]!.message).toMatch(/họ tên/);
  });
});

describe('what the year-end review reads', () => {
  it('counts only accepted registrations for the award code', () => {
    const regs = [
      { unitId: 'A', status: 'accepted' as const, codes: ['co-thi-dua', 'bang-khen'] },
      { unitId: 'B', status: 'submitted' as const, codes: ['co-thi-dua'] },
      { unitId: 'C', status: 'accepted' as const, codes: ['bang-khen'] },
      { unitId: 'D', status: 'returned' as const, codes: ['co-thi-dua'] },
    ];
    expect(registeredUnits(regs, 'co-thi-dua')).toEqual(['A']);
    expect(registeredUnits(regs, 'bang-khen')).toEqual(['A', 'C']);
    expect(registeredUnits(regs, 'tap-the-ldxs')).toEqual([]);
  });
});
