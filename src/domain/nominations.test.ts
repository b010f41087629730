import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPoints, fraction } from './points';
import { draftNominations, hardRuleProblem, type AwardRule, type RankedUnit } from './nominations';

const unit = (
  id: string,
  rank: number | null,
  hundredths: number | null,
  over: Partial<RankedUnit> = {},
) => ({
  unitId: id,
  unitName: `Đơn vị ${id}`,
  rank,
  score: hundredths === null ? null : fraction(hundredths),
  scoreText: hundredths === null ? null : formatPoints(fraction(hundredths)),
  missingSheets: 0,
  lateSheets: 0,
  ...over,
});
const flag: AwardRule = {
  awardCode: 'co-thi-dua',
  awardName: 'Cờ thi đua',
  places: 1,
  requiresRegistration: true,
  minScore: null,
};
const merit: AwardRule = {
  awardCode: 'bang-khen',
  awardName: 'Bằng khen',
  places: 2,
  requiresRegistration: true,
  minScore: 90,
};
const reg = (entries: Record<string, string[]>) =>
  new Map(Object.entries(entries).map(([k, v]) => [k, new Set(v)]));

describe('drafting nominations', () => {
  const ranking = [
    unit('a', 1, 9650),
    unit('b', 2, 9500),
    unit('c', 3, 9300),
    unit('d', 4, 8900),
    unit('e', 5, 8800),
  ];
  it('gives the flag to the first registered unit and the certificates to the next, with reasons', () => {
    const r = draftNominations({
      ranking,
      registered: reg({ 'co-thi-dua': ['a', 'b'], 'bang-khen': ['a', 'b', 'c', 'd'] }),
      rules: [flag, merit],
    });
    expect(r.lines.map((l) => [l.unitId, l.awardCode])).toEqual([
      ['a', 'co-thi-dua'],
      ['b', 'bang-khen'],
      ['c', 'bang-khen'],
    ]);
    expect(r.lines[0]!.reason).toBe('Xếp hạng 1/5, 96,50 điểm; đã đăng ký Cờ thi đua');
    expect(r.lines[1]!.reason).toBe(
      'Xếp hạng 2/5, 95,00 điểm; đã đăng ký Bằng khen; đạt điểm tối thiểu 90,00',
    );
    const d = r.notProposed.find((n) => n.unitId === 'd')!;
    expect(d.reasons).toContain('Bằng khen: dưới điểm tối thiểu 90,00.');
    const e = r.notProposed.find((n) => n.unitId === 'e')!;
    expect(e.reasons).toContain('Cờ thi đua: chưa đăng ký (hoặc đăng ký chưa được Trưởng khối nhận).');
  });
  it('never proposes a unit with a missing or late sheet, even the first ranked', () => {
    const r = draftNominations({
      ranking: [
        unit('a', 1, 9650, { lateSheets: 1 }),
        unit('b', 2, 9500, { missingSheets: 2 }),
        unit('c', 3, 9300),
      ],
      registered: reg({ 'co-thi-dua': ['a', 'b', 'c'] }),
      rules: [flag],
    });
    expect(r.lines.map((l) => l.unitId)).toEqual(['c']);
    expect(r.notProposed.find((n) => n.unitId === 'a')!.reasons[0]).toBe(
      'Không đủ điều kiện đề nghị: nộp muộn 1 bảng chấm điểm.',
    );
    expect(r.notProposed.find((n) => n.unitId === 'b')!.reasons[0]).toBe(
      'Không đủ điều kiện đề nghị: thiếu 2 bảng chấm điểm.',
    );
  });
  it('takes tied units together when places allow, and names them for the head when not', () => {
    const tied = [unit('a', 1, 9500), unit('b', 1, 9500), unit('c', 3, 9300)];
    const two = draftNominations({
      ranking: tied,
      registered: reg({ 'co-thi-dua': ['a', 'b', 'c'] }),
      rules: [{ ...flag, places: 2 }],
    });
    expect(two.lines.map((l) => l.unitId)).toEqual(['a', 'b']);
    expect(two.lines[0]!.reason).toContain('đồng hạng với Đơn vị b');
    const one = draftNominations({
      ranking: tied,
      registered: reg({ 'co-thi-dua': ['a', 'b', 'c'] }),
      rules: [flag],
    });
    // The lower-ranked unit does not pass the tied pair.
    expect(one.lines).toEqual([]);
    expect(one.notProposed.find((n) => n.unitId === 'a')!.reasons[0]).toContain(
      'đồng hạng 1 (Đơn vị a, Đơn vị b) nhưng chỉ còn 1 suất',
    );
  });
  it('refuses a head line below the minimum score or with a flawed sheet', () => {
    expect(hardRuleProblem(unit('a', 1, 8999), merit)).toBe('Bằng khen: dưới điểm tối thiểu 90,00.');
    expect(hardRuleProblem(unit('a', 1, 9000), merit)).toBeNull();
    expect(hardRuleProblem(unit('a', null, null), null)).toContain('chưa có điểm');
  });
});

const arbInput = fc
  .array(
    fc.record({
      hundredths: fc.option(fc.integer({ min: 5000, max: 10000 }), { nil: null }),
      missing: fc.nat(2),
      late: fc.nat(1),
      regs: fc.subarray(['co-thi-dua', 'bang-khen', 'ldxs']),
    }),
    { minLength: 1, maxLength: 9 },
  )
  .chain((units) =>
    fc.record({
      units: fc.constant(units),
      rules: fc.array(
        fc.record({
          awardCode: fc.constantFrom('co-thi-dua', 'bang-khen', 'ldxs'),
          places: fc.integer({ min: 1, max: 4 }),
          requiresRegistration: fc.boolean(),
          minScore: fc.option(fc.integer({ min: 60, max: 95 }), { nil: null }),
        }),
        { maxLength: 3 },
      ),
      order: fc.shuffledSubarray(
        units.map((_, i) => i),
        { minLength: units.length },
      ),
    }),
  )
  .map(({ units, rules, order }) => {
    const scored = units.map((u, i) => ({ ...u, id: `u${i}` }));
    const ranked = scored.filter((u) => u.hundredths !== null).sort((a, b) => b.hundredths! - a.hundredths!);
    const ranking = scored.map((u) =>
      unit(
        u.id,
        u.hundredths === null ? null : 1 + ranked.findIndex((r) => r.hundredths === u.hundredths),
        u.hundredths,
        {
          missingSheets: u.missing,
          lateSheets: u.late,
        },
      ),
    );
    const registered = new Map<string, Set<string>>();
    for (const u of scored) {
      for (const c of u.regs) (registered.get(c) ?? registered.set(c, new Set()).get(c)!).add(u.id);
    }
    return {
      ranking,
      shuffled: order.map((i) => ranking[i]!),
      registered,
      rules: rules.map((r) => ({ ...r, awardName: r.awardCode })),
    };
  });

describe('drafting nominations, for any ranking and rules', () => {
  it('never proposes an ineligible unit', () => {
    fc.assert(
      fc.property(arbInput, ({ ranking, registered, rules }) => {
        const { lines } = draftNominations({ ranking, registered, rules });
        for (const l of lines) {
          const u = ranking.find((x) => x.unitId === l.unitId)!;
          const rule = rules[l.position]!;
          expect(hardRuleProblem(u, rule)).toBeNull();
          if (rule.requiresRegistration) expect(registered.get(rule.awardCode)?.has(u.unitId)).toBe(true);
        }
      }),
    );
  });
  it('gives at most `places` lines per rule and one award per unit', () => {
    fc.assert(
      fc.property(arbInput, ({ ranking, registered, rules }) => {
        const { lines, notProposed } = draftNominations({ ranking, registered, rules });
        rules.forEach((r, i) =>
          expect(lines.filter((l) => l.position === i).length).toBeLessThanOrEqual(r.places),
        );
        expect(new Set(lines.map((l) => l.unitId)).size).toBe(lines.length);
        expect(lines.length + notProposed.length).toBe(ranking.length);
      }),
    );
  });
  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(arbInput, ({ ranking, shuffled, registered, rules }) => {
        expect(draftNominations({ ranking: shuffled, registered, rules })).toEqual(
          draftNominations({ ranking, registered, rules }),
        );
      }),
    );
  });
  it('never lets a lower rank in while a better eligible unit of the rule is left out', () => {
    fc.assert(
      fc.property(arbInput, ({ ranking, registered, rules }) => {
        const { lines } = draftNominations({ ranking, registered, rules });
        const taken = new Set(lines.map((l) => l.unitId));
        rules.forEach((rule, i) => {
          const mine = lines.filter((l) => l.position === i);
          if (!mine.length) return;
          const worst = Math.max(...mine.map((l) => l.rank!));
          for (const u of ranking) {
            const ok =
              !taken.has(u.unitId) &&
              hardRuleProblem(u, rule) === null &&
              (!rule.requiresRegistration || registered.get(rule.awardCode)?.has(u.unitId));
            if (ok) expect(u.rank!).toBeGreaterThanOrEqual(worst);
          }
        });
      }),
    );
  });
});
