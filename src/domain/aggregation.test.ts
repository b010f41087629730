import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateRound, type SheetSummary, type TieBreaker } from './aggregation';
import { compareFractions, fraction } from './points';

const MAX = 10_000; // 100 points per sheet, bonus and deductions up to 5 each
const sheet = (
  scorerId: string,
  scoredId: string,
  total: number,
  bonus = 0,
  deduction = 0,
): SheetSummary => ({
  scorerId,
  scoredId,
  total,
  bonus,
  deduction,
  byNode: [total - bonus + deduction, bonus, deduction],
});

/** A bloc of n units with every sheet submitted, totals in hundredths. */
const fullRound = (minN = 3, maxN = 30) =>
  fc.integer({ min: minN, max: maxN }).chain((n) =>
    fc
      .array(
        fc.tuple(
          fc.integer({ min: 0, max: 9000 }),
          fc.integer({ min: 0, max: 500 }),
          fc.integer({ min: 0, max: 500 }),
        ),
        { minLength: n * n, maxLength: n * n },
      )
      .map((cells) => {
        const unitIds = Array.from({ length: n }, (_, i) => `u${String(i).padStart(2, '0')}`);
        const sheets = cells.map(([normal, bonus, deduction], k) =>
          sheet(unitIds[Math.floor(k / n)]!, unitIds[k % n]!, normal + bonus - deduction, bonus, deduction),
        );
        return { unitIds, sheets };
      }),
  );

const shuffled = <T>(xs: readonly T[], seed: number): T[] => {
  const out = [...xs];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
};

const breakers: TieBreaker[] = ['more-bonus', 'fewer-deductions'];

describe('aggregateRound', () => {
  it('equals the seed formula for N = 7: (self + 6 peers) / 7', () => {
    fc.assert(
      fc.property(fullRound(7, 7), ({ unitIds, sheets }) => {
        const r = aggregateRound({ unitIds, sheets, policy: 'wait-all', nodeIds: ['I', 'B', 'D'] });
        for (const u of r.units) {
          const self = sheets.find((s) => s.scorerId === u.unitId && s.scoredId === u.unitId)!.total;
          const peers = sheets
            .filter((s) => s.scoredId === u.unitId && s.scorerId !== u.unitId)
            .map((s) => s.total);
          expect(peers).toHaveLength(6);
          expect(compareFractions(u.score!, fraction(self + peers.reduce((a, b) => a + b, 0), 7))).toBe(0);
          expect(u.selfTotal).toBe(self);
          const received = sheets.filter((s) => s.scoredId === u.unitId);
          expect(u.criterionSums).toEqual(
            [0, 1, 2].map((i) => received.reduce((acc, s) => acc + s.byNode[i]!, 0)),
          );
        }
      }),
    );
  });

  it('divides by N for every N from 3 to 30, and stays within the sheet bounds', () => {
    fc.assert(
      fc.property(fullRound(), ({ unitIds, sheets }) => {
        const r = aggregateRound({ unitIds, sheets, policy: 'wait-all' });
        expect(r.complete && r.ranked).toBe(true);
        for (const u of r.units) {
          expect(u.score!.den).toBe(unitIds.length);
          expect(u.sheetCount).toBe(unitIds.length);
          expect(compareFractions(u.score!, fraction(-500))).toBeGreaterThanOrEqual(0);
          expect(compareFractions(u.score!, fraction(MAX))).toBeLessThanOrEqual(0);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('does not depend on the order of units or sheets', () => {
    fc.assert(
      fc.property(fullRound(3, 12), fc.integer({ min: 1, max: 1e6 }), ({ unitIds, sheets }, seed) => {
        const a = aggregateRound({ unitIds, sheets, policy: 'wait-all', tieBreakers: breakers });
        const b = aggregateRound({
          unitIds: shuffled(unitIds, seed),
          sheets: shuffled(sheets, seed + 1),
          policy: 'wait-all',
          tieBreakers: breakers,
        });
        expect(b).toEqual(a);
      }),
    );
  });

  it('ranks by exact fractions: equal rank exactly when the scores are equal and no tie-breaker applies', () => {
    fc.assert(
      fc.property(fullRound(3, 10), ({ unitIds, sheets }) => {
        const r = aggregateRound({ unitIds, sheets, policy: 'wait-all' });
        for (const a of r.units) {
          for (const b of r.units) {
            const cmp = compareFractions(a.score!, b.score!);
            if (cmp === 0) expect(a.rank).toBe(b.rank);
            if (cmp > 0) expect(a.rank!).toBeLessThan(b.rank!);
          }
        }
        // Competition ranking: a rank r means exactly r − 1 units scored strictly more.
        for (const u of r.units) {
          expect(u.rank).toBe(1 + r.units.filter((o) => compareFractions(o.score!, u.score!) > 0).length);
        }
      }),
    );
  });

  it('detects exact ties that floating point gets wrong, and lets a tie-breaker decide them', () => {
    // A: 1/3 + 1/3 + 1/3 style sums; both units average 1000/3 hundredths exactly.
    const unitIds = ['a', 'b', 'c'];
    const sheets = [
      sheet('a', 'a', 334, 10),
      sheet('b', 'a', 333),
      sheet('c', 'a', 333),
      sheet('a', 'b', 300),
      sheet('b', 'b', 400, 0, 20),
      sheet('c', 'b', 300),
      sheet('a', 'c', 100),
      sheet('b', 'c', 100),
      sheet('c', 'c', 100),
    ];
    const plain = aggregateRound({ unitIds, sheets, policy: 'wait-all' });
    expect(plain.units.map((u) => [u.unitId, u.rank, u.decidedBy])).toEqual([
      ['a', 1, null],
      ['b', 1, null],
      ['c', 3, null],
    ]);
    expect(plain.units[0]!.tiedWith).toEqual(['b']);
    const broken = aggregateRound({
      unitIds,
      sheets,
      policy: 'wait-all',
      tieBreakers: ['fewer-deductions', 'more-bonus'],
    });
    expect(broken.units.map((u) => [u.unitId, u.rank, u.decidedBy])).toEqual([
      ['a', 1, 'fewer-deductions'],
      ['b', 2, 'fewer-deductions'],
      ['c', 3, null],
    ]);
  });

  it('waits for every sheet, or averages the received ones, as the round says', () => {
    const unitIds = ['a', 'b', 'c'];
    const sheets = [
      sheet('a', 'a', 900),
      sheet('b', 'a', 800),
      sheet('c', 'a', 700),
      sheet('a', 'b', 600),
      sheet('b', 'b', 900),
      sheet('c', 'c', 500),
    ];
    const wait = aggregateRound({ unitIds, sheets, policy: 'wait-all' });
    expect(wait).toMatchObject({ complete: false, ranked: false, expectedSheets: 9, receivedSheets: 6 });
    expect(wait.units.every((u) => u.rank === null)).toBe(true);
    const received = aggregateRound({ unitIds, sheets, policy: 'mean-of-received' });
    expect(received.ranked).toBe(true);
    const b = received.units.find((u) => u.unitId === 'b')!;
    expect(b).toMatchObject({ score: { num: 1500, den: 2 }, missingScorerIds: ['c'], rank: 2 });
    expect(received.units.map((u) => u.unitId)).toEqual(['a', 'b', 'c']);
  });

  it('ignores sheets from or about units outside the round', () => {
    const r = aggregateRound({
      unitIds: ['a', 'b', 'c'],
      sheets: [sheet('x', 'a', 10_000), sheet('a', 'x', 1)],
      policy: 'mean-of-received',
    });
    expect(r.receivedSheets).toBe(0);
    expect(r.units.every((u) => u.score === null && u.rank === null)).toBe(true);
  });
});
