/**
 * Exact points. Users enter points like "8,5" (step 0.5 or 0.25); we store integer hundredths (850).
 * Averages are exact fractions of hundredths; rounding happens once, for display (half-up, 2 decimals,
 * Vietnamese decimal comma).
 */

/** An exact rational number of hundredths: num / den, den > 0. */
export interface Fraction {
  num: number;
  den: number;
}

export const fraction = (num: number, den = 1): Fraction => {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0) {
    throw new RangeError(`invalid fraction ${num}/${den}`);
  }
  return { num, den };
};

/** -1, 0 or 1 as a < b, a = b, a > b, compared exactly by cross-multiplication (BigInt, no overflow). */
export function compareFractions(a: Fraction, b: Fraction): -1 | 0 | 1 {
  const l = BigInt(a.num) * BigInt(b.den);
  const r = BigInt(b.num) * BigInt(a.den);
  return l < r ? -1 : l > r ? 1 : 0;
}

/** Rounds a fraction of hundredths to whole hundredths, half away from zero ("half-up" as people mean it). */
export function roundHundredths(f: Fraction): number {
  const sign = f.num < 0 ? -1 : 1;
  const n = BigInt(Math.abs(f.num));
  const d = BigInt(f.den);
  return sign * Number((2n * n + d) / (2n * d));
}

/** "85,50" for 8550 hundredths; with decimals = 2 always. */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const abs = Math.abs(hundredths);
  const whole = Math.floor(abs / 100);
  const cents = String(abs % 100).padStart(2, '0');
  return `${sign}${whole},${cents}`;
}

/** Display of an exact value: rounded half-up to 2 decimals, decimal comma. */
export const formatPoints = (f: Fraction): string => formatHundredths(roundHundredths(f));

/** "8,5" or "8.5" → 850; null when the text is not a number with at most 2 decimals. */
export function parsePoints(text: string): number | null {
  const m = /^\s*(-?)(\d{1,6})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const value = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' ? -value : value;
}

/** "8,5" style display of a stored value without trailing zeros, for inputs. */
export function hundredthsToInput(hundredths: number): string {
  return formatHundredths(hundredths).replace(/,?0+$/, '').replace(/,$/, '') || '0';
}
