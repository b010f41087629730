import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Subject } from './access';
import { ballotCan, checkPaper, defaultCandidates, reaches, tally, type QuestionDef } from './ballots';

const yesNo: QuestionDef = { id: 'q1', options: ['yes', 'no'], seat: null };
const papers = (yes: number, no: number) => [
  ...Array.from({ length: yes }, () => ({ q1: 'yes' })),
  ...Array.from({ length: no }, () => ({ q1: 'no' })),
];

describe('reaches', () => {
  it('two thirds at the edges (integers, no rounding)', () => {
    expect(reaches('two-thirds', 4, 6)).toBe(true);
    expect(reaches('two-thirds', 3, 6)).toBe(false);
    expect(reaches('two-thirds', 5, 7)).toBe(true); // 5/7 = 0.714
    expect(reaches('two-thirds', 4, 7)).toBe(false); // 4/7 = 0.571
    expect(reaches('two-thirds', 2, 3)).toBe(true);
    expect(reaches('more-than-half', 3, 6)).toBe(false);
    expect(reaches('more-than-half', 4, 7)).toBe(true);
    expect(reaches('all', 6, 7)).toBe(false);
    expect(reaches('more-than-half', 0, 0)).toBe(false);
  });
  it('matches the rational definition for every count and base', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.nat(500), (base, raw) => {
        const count = raw % (base + 1);
        expect(reaches('two-thirds', count, base)).toBe(count / base >= 2 / 3 - 1e-12);
        expect(reaches('more-than-half', count, base)).toBe(count / base > 0.5);
        expect(reaches('three-quarters', count, base)).toBe(count / base >= 0.75 - 1e-12);
      }),
    );
  });
  it('is monotone: one more vote never loses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('more-than-half', 'two-thirds', 'three-quarters', 'all' as const),
        fc.integer({ min: 1, max: 200 }),
        fc.nat(199),
        (share, base, c) => {
          if (c < base && reaches(share, c, base)) expect(reaches(share, c + 1, base)).toBe(true);
        },
      ),
    );
  });
});

describe('tally', () => {
  it('counts every paper once and the counts add up to the papers', () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(20), fc.nat(10), (yes, no, absent) => {
        const t = tally([yesNo], papers(yes, no), yes + no + absent, 'more-than-half', 'two-thirds');
        const c = t.questions[0]!.counts;
        expect(c.find((x) => x.option === 'yes')!.votes).toBe(yes);
        expect(c.reduce((s, x) => s + x.votes, 0)).toBe(yes + no);
        expect(t.voted).toBe(yes + no);
      }),
    );
  });
  it('the threshold is a share of the electorate: 4 of 7 yes is not two thirds, 5 of 7 is', () => {
    expect(tally([yesNo], papers(4, 3), 7, 'more-than-half', 'two-thirds').questions[0]!.outcome).toBe('no');
    expect(tally([yesNo], papers(5, 0), 7, 'more-than-half', 'two-thirds').questions[0]!.outcome).toBe('yes');
    // 4 yes out of 4 papers, 6 electors: 4/6 is two thirds.
    expect(tally([yesNo], papers(4, 0), 6, 'more-than-half', 'two-thirds').questions[0]!.outcome).toBe('yes');
    expect(tally([yesNo], papers(3, 0), 5, 'more-than-half', 'two-thirds').questions[0]!.outcome).toBe('no');
  });
  it('without quorum nothing carries', () => {
    const t = tally([yesNo], papers(3, 0), 7, 'more-than-half', 'more-than-half');
    expect(t.quorumReached).toBe(false);
    expect(t.questions[0]!.outcome).toBeNull();
    expect(t.questions[0]!.counts[0]!.votes).toBe(3);
  });
  it('elects the head, and the deputy among the others; a tie elects nobody', () => {
    const seats: QuestionDef[] = [
      { id: 'd', options: ['A', 'B', 'C'], seat: 'deputy' },
      { id: 'h', options: ['A', 'B', 'C'], seat: 'head' },
    ];
    const p = [
      { h: 'A', d: 'A' },
      { h: 'A', d: 'A' },
      { h: 'A', d: 'B' },
      { h: 'B', d: 'B' },
      { h: 'A', d: 'B' },
    ];
    const t = tally(seats, p, 5, 'more-than-half', 'more-than-half');
    expect(t.questions.map((q) => [q.questionId, q.outcome])).toEqual([
      ['d', 'B'],
      ['h', 'A'],
    ]);
    const tie = tally(
      seats,
      [
        { h: 'A', d: 'B' },
        { h: 'B', d: 'C' },
      ],
      2,
      'all',
      'more-than-half',
    );
    expect(tie.questions.find((q) => q.questionId === 'h')!.outcome).toBeNull();
  });
});

describe('checkPaper', () => {
  it('requires one valid answer per question', () => {
    expect(checkPaper([yesNo], { q1: 'yes' })).toEqual({});
    expect(Object.keys(checkPaper([yesNo], {}))).toEqual(['q1']);
    expect(Object.keys(checkPaper([yesNo], { q1: 'maybe', q9: 'yes' }))).toEqual(['q1', 'q9']);
  });
});

describe('defaultCandidates', () => {
  it('leaves out recent heads and orders by code', () => {
    const m = [
      { id: 'u3', code: 'c' },
      { id: 'u1', code: 'a' },
      { id: 'u2', code: 'b' },
    ];
    expect(defaultCandidates(m, ['u1', null])).toEqual(['u2', 'u3']);
    expect(defaultCandidates(m, ['u1', 'u2', 'u3'])).toEqual(['u1', 'u2', 'u3']);
  });
});

describe('ballotCan', () => {
  const facts = {
    status: 'open' as const,
    electorate: ['u1', 'h'],
    delegateUserId: null,
    myUnitVoted: false,
    withinWindow: true,
  };
  const s = (role: Subject['role'], unitId: string | null, yearRole: Subject['yearRole']): Subject => ({
    role,
    unitId,
    yearRole,
  });
  it('the leader votes once; the officer only when delegated; the head leader closes; nobody else', () => {
    expect(ballotCan(s('leader', 'u1', 'member'), 'x', facts).vote).toBe(true);
    expect(ballotCan(s('leader', 'u1', 'member'), 'x', { ...facts, myUnitVoted: true }).vote).toBe(false);
    expect(ballotCan(s('leader', 'u1', 'member'), 'x', { ...facts, withinWindow: false }).vote).toBe(false);
    expect(ballotCan(s('officer', 'u1', 'member'), 'o', facts).vote).toBe(false);
    expect(ballotCan(s('officer', 'u1', 'member'), 'o', { ...facts, delegateUserId: 'o' }).vote).toBe(true);
    expect(ballotCan(s('admin', null, null), 'a', facts).vote).toBe(false);
    expect(ballotCan(s('leader', 'h', 'head'), 'l', facts).close).toBe(true);
    expect(ballotCan(s('officer', 'h', 'head'), 'o', facts).close).toBe(false);
    expect(ballotCan(s('board', null, null), 'b', facts).close).toBe(false);
  });
});
