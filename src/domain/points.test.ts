import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareFractions,
  formatHundredths,
  formatPoints,
  fraction,
  hundredthsToInput,
  parsePoints,
  roundHundredths,
} from './points';

describe('points', () => {
  it('parses Vietnamese and English decimals into hundredths', () => {
    expect(parsePoints('8,5')).toBe(850);
    expect(parsePoints('8.25')).toBe(825);
    expect(parsePoints(' 10 ')).toBe(1000);
    expect(parsePoints('0,05')).toBe(5);
    expect(parsePoints('8,555')).toBeNull();
    expect(parsePoints('tám')).toBeNull();
    expect(parsePoints('')).toBeNull();
  });

  it('rounds half-up only for display, with a decimal comma', () => {
    expect(formatPoints(fraction(8555, 100))).toBe('0,86'); // 85.55 hundredths → 0.8555 points
    expect(formatPoints(fraction(17, 2))).toBe('0,09'); // 8.5 hundredths rounds up
    expect(formatPoints(fraction(-17, 2))).toBe('-0,09');
    expect(formatPoints(fraction(60100, 7))).toBe('85,86'); // 858.571… hundredths
    expect(formatHundredths(8550)).toBe('85,50');
    expect(hundredthsToInput(850)).toBe('8,5');
    expect(hundredthsToInput(800)).toBe('8');
    expect(hundredthsToInput(0)).toBe('0');
  });

  it('compares exactly where floating point would not', () => {
    // 0.1 + 0.2 vs 0.3 in thirds: 1/3 + ... values that floats misorder or equate.
    expect(compareFractions(fraction(1, 3), fraction(2, 6))).toBe(0);
    expect(compareFractions(fraction(10_000_000_000_001, 10_000_000_000_000), fraction(1, 1))).toBe(1);
  });

  it('round-trips every value a user can type', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (h) => parsePoints(hundredthsToInput(h)) === h),
    );
  });

  it('rounds within half a hundredth, half away from zero', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 60 }),
        (num, den) => {
          const r = roundHundredths(fraction(num, den));
          const diff2 = Math.abs(2 * (r * den - num)); // 2·|r − num/den|·den
          return diff2 <= den && (diff2 < den || Math.abs(r) * den > Math.abs(num));
        },
      ),
    );
  });
});
