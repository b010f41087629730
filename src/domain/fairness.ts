/**
 * Advisory fairness analysis of a round — clearly separate from the official formula. It shows whether
 * a unit's own sheets changed the ranking, flags self-inflation, harsh scoring of rivals and reciprocal
 * favours, and ranks the units by alternative methods to see whether the top of the ranking is stable.
 * Totals are integer hundredths. Rankings compare exact fractions (except the rater-normalised one, a
 * floating-point z-score); a scorer's mean deviation is rounded to whole hundredths.
 */
import { compareFractions, fraction, type Fraction } from './points';

export interface TotalCell {
  scorerId: string;
  scoredId: string;
  total: number;
}

export type AltMethod = 'official' | 'without-self' | 'median' | 'trimmed-mean' | 'rater-normalized';
export const altMethods: AltMethod[] = [
  'official',
  'without-self',
  'median',
  'trimmed-mean',
  'rater-normalized',
];

export interface FairnessReport {
  /** Rank of every unit under each method (competition ranking; null when it cannot be computed). */
  rankings: Record<AltMethod, Record<string, number | null>>;
  /** Units ranked first under the official method that keep first place under every other method. */
  stableLeaders: string[];
  /** Units whose own sheets, if left out, would change the official order. */
  sheetsThatChangeResult: string[];
  /** Self total above the highest peer total the unit received, by how much. */
  selfInflation: { unitId: string; self: number; maxPeer: number; excess: number }[];
  /** Scorers whose peer totals are below the other peers' consensus by at least the threshold on average. */
  harshScorers: { scorerId: string; meanDeviation: number }[];
  /** Pairs that each scored the other above the consensus by at least the threshold. */
  reciprocalPairs: { a: string; b: string; aToB: Fraction; bToA: Fraction }[];
  /** The threshold used for harsh and reciprocal scoring, in hundredths. */
  threshold: number;
}

type Score = { num: number; den: number } | null;

function competitionRanks(
  ids: readonly string[],
  score: (id: string) => Score,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const id of ids) {
    const s = score(id);
    out[id] =
      s === null
        ? null
        : 1 +
          ids.filter((o) => {
            const t = score(o);
            return t !== null && compareFractions(t, s) > 0;
          }).length;
  }
  return out;
}

const mean = (xs: number[]): Score =>
  xs.length
    ? fraction(
        xs.reduce((a, b) => a + b, 0),
        xs.length,
      )
    : null;

function median(xs: number[]): Score {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? fraction(s[mid]!) : fraction(s[mid - 1]! + s[mid]!, 2);
}

/** Mean without the single lowest and highest total (when at least three remain). */
function trimmedMean(xs: number[]): Score {
  if (xs.length < 3) return mean(xs);
  const s = [...xs].sort((a, b) => a - b);
  return mean(s.slice(1, -1));
}

/** The analysis of one round. `threshold` is in hundredths (default 3 points). */
export function analyseFairness(
  unitIds: readonly string[],
  cells: readonly TotalCell[],
  threshold = 300,
): FairnessReport {
  const ids = [...unitIds].sort();
  const members = new Set(ids);
  const valid = cells.filter((c) => members.has(c.scorerId) && members.has(c.scoredId));
  const given = new Map(valid.map((c) => [`${c.scorerId}>${c.scoredId}`, c.total]));
  const received = (u: string, exclude: (scorer: string) => boolean = () => false) =>
    valid.filter((c) => c.scoredId === u && !exclude(c.scorerId)).map((c) => c.total);

  // Per-rater normalisation: each scorer's peer totals as z-scores (floating point; advisory only).
  const z = new Map<string, number>();
  for (const r of ids) {
    const mine = valid.filter((c) => c.scorerId === r && c.scoredId !== r);
    const m = mine.reduce((a, c) => a + c.total, 0) / (mine.length || 1);
    const sd = Math.sqrt(mine.reduce((a, c) => a + (c.total - m) ** 2, 0) / (mine.length || 1)) || 1;
    for (const c of mine) z.set(`${r}>${c.scoredId}`, (c.total - m) / sd);
  }
  const zScore = (u: string): Score => {
    const xs = ids.filter((r) => r !== u && z.has(`${r}>${u}`)).map((r) => z.get(`${r}>${u}`)!);
    // Scaled to integers so that ranks compare exactly at 1e-6 resolution.
    return xs.length ? fraction(Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 1e6)) : null;
  };

  const rankings: FairnessReport['rankings'] = {
    official: competitionRanks(ids, (u) => mean(received(u))),
    'without-self': competitionRanks(ids, (u) => mean(received(u, (s) => s === u))),
    median: competitionRanks(ids, (u) => median(received(u))),
    'trimmed-mean': competitionRanks(ids, (u) => trimmedMean(received(u))),
    'rater-normalized': competitionRanks(ids, zScore),
  };
  const stableLeaders = ids.filter((u) => altMethods.every((m) => rankings[m][u] === 1));

  const officialOrder = JSON.stringify(rankings.official);
  const sheetsThatChangeResult = ids.filter(
    (w) => JSON.stringify(competitionRanks(ids, (u) => mean(received(u, (s) => s === w)))) !== officialOrder,
  );

  const selfInflation = ids.flatMap((u) => {
    const self = given.get(`${u}>${u}`);
    const peers = received(u, (s) => s === u);
    if (self === undefined || !peers.length) return [];
    const maxPeer = Math.max(...peers);
    return self > maxPeer ? [{ unitId: u, self, maxPeer, excess: self - maxPeer }] : [];
  });

  /** How far scorer r's total for u is from the mean of the other peers' totals for u. */
  const deviation = (r: string, u: string): Fraction | null => {
    const mine = given.get(`${r}>${u}`);
    const others = received(u, (s) => s === u || s === r);
    if (mine === undefined || !others.length) return null;
    return fraction(mine * others.length - others.reduce((a, b) => a + b, 0), others.length);
  };
  const harshScorers = ids.flatMap((r) => {
    const devs = ids
      .filter((u) => u !== r)
      .map((u) => deviation(r, u))
      .filter((d): d is Fraction => d !== null);
    if (!devs.length) return [];
    const meanDeviation = Math.round(devs.reduce((a, d) => a + d.num / d.den, 0) / devs.length);
    return meanDeviation <= -threshold ? [{ scorerId: r, meanDeviation }] : [];
  });
  const reciprocalPairs = ids.flatMap((a, i) =>
    ids.slice(i + 1).flatMap((b) => {
      const aToB = deviation(a, b);
      const bToA = deviation(b, a);
      const high = (d: Fraction | null): d is Fraction =>
        d !== null && compareFractions(d, fraction(threshold)) >= 0;
      return high(aToB) && high(bToA) ? [{ a, b, aToB, bToA }] : [];
    }),
  );
  return {
    rankings,
    stableLeaders,
    sheetsThatChangeResult,
    selfInflation,
    harshScorers,
    reciprocalPairs,
    threshold,
  };
}
