/**
 * A round's results: each unit's official score per the plan's formula generalized to N units —
 * (self total + the N−1 peers' totals) / N — with the round's missing-sheet policy, exact ranking,
 * ties that share a rank unless a tie-breaker separates them, and per-criterion means.
 */
import { compareFractions, fraction, type Fraction } from './points';

export type MissingSheetPolicy = 'wait-all' | 'mean-of-received';
export const tieBreakers = ['more-bonus', 'fewer-deductions', 'higher-peer-mean'] as const;
export type TieBreaker = (typeof tieBreakers)[number];

/** One submitted sheet, reduced to what aggregation needs (from `sheetTotals`). */
export interface SheetSummary {
  scorerId: string;
  scoredId: string;
  total: number;
  bonus: number;
  deduction: number;
  /** Every node's score in the order of `nodeIds` (see `orderedNodeScores`). */
  byNode: readonly number[];
}

export interface UnitResult {
  unitId: string;
  /** Total of the unit's own sheet, or null when it did not submit one. */
  selfTotal: number | null;
  /** Totals that each other scorer gave this unit. */
  peerTotals: Record<string, number>;
  sheetCount: number;
  missingScorerIds: string[];
  /** The official score as an exact fraction of hundredths; null when there is nothing to average. */
  score: Fraction | null;
  peerMean: Fraction | null;
  bonusMean: Fraction | null;
  deductionMean: Fraction | null;
  /** Sum of each criteria node's score over the received sheets, aligned to `nodeIds`; mean = sum / sheetCount. */
  criterionSums: number[];
  rank: number | null;
  /** Units with exactly the same score. */
  tiedWith: string[];
  /** The tie-breaker that ordered this unit within its tie, or null when none did (a shared rank). */
  decidedBy: TieBreaker | null;
}

export interface RoundResults {
  policy: MissingSheetPolicy;
  expectedSheets: number;
  receivedSheets: number;
  complete: boolean;
  /** False under 'wait-all' while sheets are missing: no ranking is published then. */
  ranked: boolean;
  tieBreakers: TieBreaker[];
  /** In rank order (unranked units last, by id). */
  units: UnitResult[];
}

const mean = (sum: number, n: number): Fraction | null => (n === 0 ? null : fraction(sum, n));

/** Computes every unit's result. Pure and independent of the order of units and sheets. */
export function aggregateRound(input: {
  unitIds: readonly string[];
  sheets: readonly SheetSummary[];
  policy: MissingSheetPolicy;
  tieBreakers?: readonly TieBreaker[];
  /** The criteria node ids that `byNode` arrays are aligned to. */
  nodeIds?: readonly string[];
}): RoundResults {
  const members = new Set(input.unitIds);
  const sheets = input.sheets.filter((s) => members.has(s.scorerId) && members.has(s.scoredId));
  const n = members.size;
  const nodeIds = input.nodeIds ?? [];
  const byScored = new Map<string, SheetSummary[]>();
  for (const s of sheets) {
    const list = byScored.get(s.scoredId);
    if (list) list.push(s);
    else byScored.set(s.scoredId, [s]);
  }
  const memberList = [...members];
  const units = memberList
    .sort()
    .map((unitId) => unitResult(unitId, memberList, byScored.get(unitId) ?? [], nodeIds));
  const complete = sheets.length === n * n;
  const ranked = complete || input.policy === 'mean-of-received';
  const order = [...(input.tieBreakers ?? [])];
  if (ranked) rank(units, order);
  return {
    policy: input.policy,
    expectedSheets: n * n,
    receivedSheets: sheets.length,
    complete,
    ranked,
    tieBreakers: order,
    units: ranked ? sortByRank(units) : units,
  };
}

function unitResult(
  unitId: string,
  members: string[],
  received: SheetSummary[],
  nodeIds: readonly string[],
): UnitResult {
  const self = received.find((s) => s.scorerId === unitId);
  const peers = received.filter((s) => s.scorerId !== unitId);
  const sum = (f: (s: SheetSummary) => number, list = received) => list.reduce((a, s) => a + f(s), 0);
  const criterionSums = new Array<number>(nodeIds.length).fill(0);
  for (const s of received) {
    for (let i = 0; i < nodeIds.length; i++) criterionSums[i] = criterionSums[i]! + (s.byNode[i] ?? 0);
  }
  const scorers = new Set(received.map((s) => s.scorerId));
  return {
    unitId,
    selfTotal: self?.total ?? null,
    peerTotals: Object.fromEntries(peers.map((s) => [s.scorerId, s.total])),
    sheetCount: received.length,
    missingScorerIds: members.filter((m) => !scorers.has(m)).sort(),
    score: mean(
      sum((s) => s.total),
      received.length,
    ),
    peerMean: mean(
      sum((s) => s.total, peers),
      peers.length,
    ),
    bonusMean: mean(
      sum((s) => s.bonus),
      received.length,
    ),
    deductionMean: mean(
      sum((s) => s.deduction),
      received.length,
    ),
    criterionSums,
    rank: null,
    tiedWith: [],
    decidedBy: null,
  };
}

/** Compares two fractions where null (no value) is worst. Higher is better: returns < 0 when a is better. */
function better(a: Fraction | null, b: Fraction | null, higherIsBetter: boolean): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  const c = compareFractions(a, b);
  return higherIsBetter ? -c : c;
}

const breakerValue: Record<TieBreaker, (u: UnitResult) => Fraction | null> = {
  'more-bonus': (u) => u.bonusMean,
  'fewer-deductions': (u) => u.deductionMean,
  'higher-peer-mean': (u) => u.peerMean,
};
const higherIsBetter: Record<TieBreaker, boolean> = {
  'more-bonus': true,
  'fewer-deductions': false,
  'higher-peer-mean': true,
};

/** The first tie-breaker that orders a and b, with its comparison, or null when they stay tied. */
function decide(
  a: UnitResult,
  b: UnitResult,
  order: readonly TieBreaker[],
): { by: TieBreaker; cmp: number } | null {
  for (const by of order) {
    const cmp = better(breakerValue[by](a), breakerValue[by](b), higherIsBetter[by]);
    if (cmp !== 0) return { by, cmp };
  }
  return null;
}

/** Competition ranking (1, 2, 2, 4) by exact score, then by the tie-breakers in order. */
function rank(units: UnitResult[], order: readonly TieBreaker[]): void {
  const scored = units.filter((u) => u.score !== null);
  scored.sort(
    (a, b) =>
      better(a.score, b.score, true) || (decide(a, b, order)?.cmp ?? 0) || (a.unitId < b.unitId ? -1 : 1),
  );
  scored.forEach((u, i) => {
    u.tiedWith = scored
      .filter((o) => o !== u && compareFractions(o.score!, u.score!) === 0)
      .map((o) => o.unitId);
    const prev = scored[i - 1];
    const next = scored[i + 1];
    const sameAsPrev = prev !== undefined && compareFractions(prev.score!, u.score!) === 0;
    const sameAsNext = next !== undefined && compareFractions(next.score!, u.score!) === 0;
    const fromPrev = sameAsPrev ? decide(prev, u, order) : null;
    u.rank = sameAsPrev && fromPrev === null ? prev.rank : i + 1;
    u.decidedBy = fromPrev?.by ?? (!sameAsPrev && sameAsNext ? (decide(u, next, order)?.by ?? null) : null);
  });
}

function sortByRank(units: UnitResult[]): UnitResult[] {
  return [...units].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.unitId < b.unitId ? -1 : 1),
  );
}
