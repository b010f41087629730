import { describe, expect, it } from 'vitest';
import { APPROVE } from './ballots';
import {
  allDecided,
  decisionRefusal,
  lineStanding,
  lineVote,
  sendRefusal,
  type AwardQuestion,
} from './proposals';

const q = (over: Partial<AwardQuestion>): AwardQuestion => ({
  subjectUnitId: 'U',
  awardCode: 'co-thi-dua',
  ballotStatus: 'closed',
  outcome: APPROVE,
  closedAt: '2024-12-20T03:00:00Z',
  ...over,
});
const line = { unitId: 'U', awardCode: 'co-thi-dua' };

describe('the lines a proposal carries', () => {
  it('reads the latest closed ballot about the unit and award; an open one keeps the line pending', () => {
    expect(lineVote(line, [], APPROVE)).toBe('none');
    expect(lineVote(line, [q({ awardCode: 'bang-khen' }), q({ subjectUnitId: 'V' })], APPROVE)).toBe('none');
    expect(lineVote(line, [q({})], APPROVE)).toBe('passed');
    expect(lineVote(line, [q({ outcome: 'no' })], APPROVE)).toBe('failed');
    expect(lineVote(line, [q({ outcome: null })], APPROVE)).toBe('failed');
    expect(lineVote(line, [q({ ballotStatus: 'open', outcome: null, closedAt: null })], APPROVE)).toBe(
      'pending',
    );
    const revote = [q({ outcome: 'no' }), q({ closedAt: '2024-12-21T03:00:00Z' })];
    expect(lineVote(line, revote, APPROVE)).toBe('passed');
    expect(lineVote(line, [...revote].reverse(), APPROVE)).toBe('passed');
  });

  it('proposes a kept line whose vote passed or was not needed', () => {
    expect(lineStanding(true, 'none')).toBe('proposed');
    expect(lineStanding(true, 'passed')).toBe('proposed');
    expect(lineStanding(true, 'failed')).toBe('vote-failed');
    expect(lineStanding(true, 'pending')).toBe('vote-pending');
    expect(lineStanding(false, 'passed')).toBe('excluded');
  });
});

describe('drafted → sent → decided', () => {
  it('sends once, with something to propose and no ballot pending', () => {
    expect(sendRefusal('drafted', ['proposed', 'excluded'])).toBeNull();
    expect(sendRefusal('drafted', ['excluded'])).toMatch(/chưa có đơn vị nào/);
    expect(sendRefusal('drafted', ['proposed', 'vote-pending'])).toMatch(/chưa kết thúc/);
    expect(sendRefusal('sent', ['proposed'])).toMatch(/đã được gửi/);
  });

  it('records decisions only on proposed lines of a sent proposal; decided once every proposed line has one', () => {
    expect(decisionRefusal('sent', 'proposed')).toBeNull();
    expect(decisionRefusal('drafted', 'proposed')).toMatch(/chưa được gửi/);
    expect(decisionRefusal('decided', 'proposed')).toMatch(/không sửa được/);
    expect(decisionRefusal('sent', 'vote-failed')).toMatch(/không có trong tờ trình/);
    const l = (standing: 'proposed' | 'excluded', decided: boolean) => ({ standing, decided });
    expect(allDecided([l('proposed', true), l('excluded', false)])).toBe(true);
    expect(allDecided([l('proposed', true), l('proposed', false)])).toBe(false);
    expect(allDecided([l('excluded', false)])).toBe(false);
  });
});
