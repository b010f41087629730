import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseFairness, type TotalCell } from './fairness';

/** totals[scorer][scored] in points, for readability; stored as hundredths. */
const cellsOf = (ids: string[], totals: number[][]): TotalCell[] =>
  ids.flatMap((scorer, i) =>
    ids.map((scored, j) => ({ scorerId: scorer, scoredId: scored, total: Math.round(totals[i]![j]! * 100) })),
  );

describe('analyseFairness', () => {
  const ids = ['a', 'b', 'c', 'd'];

  it('finds that a self-inflated sheet decided first place, and who is stable', () => {
    // a rates itself 100 while peers give it 84; b is the peers' favourite.
    const r = analyseFairness(
      ids,
      cellsOf(ids, [
        [100, 80, 80, 80],
        [84, 88, 80, 80],
        [84, 88, 80, 80],
        [84, 88, 80, 80],
      ]),
    );
    expect(r.rankings.official).toEqual({ a: 1, b: 2, c: 3, d: 3 });
    expect(r.rankings['without-self'].b).toBe(1);
    expect(r.sheetsThatChangeResult).toContain('a');
    expect(r.selfInflation).toEqual([{ unitId: 'a', self: 10000, maxPeer: 8400, excess: 1600 }]);
    expect(r.stableLeaders).toEqual([]);
  });

  it('flags a scorer who marks every rival down, and a pair that favour each other', () => {
    const r = analyseFairness(
      ids,
      cellsOf(ids, [
        [90, 70, 70, 70], // a is harsh on everybody
        [85, 90, 80, 95], // b favours d
        [85, 85, 90, 85],
        [85, 95, 80, 90], // d favours b
      ]),
    );
    expect(r.harshScorers.map((h) => h.scorerId)).toEqual(['a']);
    expect(r.harshScorers[0]!.meanDeviation).toBeLessThanOrEqual(-300);
    expect(r.reciprocalPairs.map((p) => [p.a, p.b])).toEqual([['b', 'd']]);
  });

  it('calls a leader stable when every method agrees, and changes nothing when all sheets agree', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 5000, max: 10000 }), { minLength: 3, maxLength: 12 }),
        (levels) => {
          const us = levels.map((_, i) => `u${String(i).padStart(2, '0')}`);
          // Every scorer gives unit i the same total: no bias, no self-inflation, identical rankings.
          const cells = us.flatMap((s) =>
            us.map((t, j) => ({ scorerId: s, scoredId: t, total: levels[j]! })),
          );
          const r = analyseFairness(us, cells);
          expect(r.selfInflation).toEqual([]);
          expect(r.harshScorers).toEqual([]);
          expect(r.reciprocalPairs).toEqual([]);
          expect(r.sheetsThatChangeResult).toEqual([]);
          for (const m of ['without-self', 'median', 'trimmed-mean'] as const) {
            expect(r.rankings[m]).toEqual(r.rankings.official);
          }
          const top = Math.max(...levels);
          expect(r.stableLeaders).toEqual(us.filter((_, j) => levels[j] === top));
        },
      ),
    );
  });
});
