/**
 * Why a unit's rank is what it is, for the "Ghi chú" column of the results (screen, .xlsx, .docx): a tie
 * that a tie-breaker decided or that shares a rank, two units that show the same rounded score but rank
 * differently (the exact comparison), and missing sheets. Pure; the words are formatted by the caller
 * (Vietnamese here for documents, the UI language on screen).
 */
import type { TieBreaker } from './aggregation';
import { compareFractions, roundHundredths, type Fraction } from './points';

export interface RankedUnit {
  unitId: string;
  score: Fraction | null;
  rank: number | null;
  tiedWith: string[];
  decidedBy: TieBreaker | null;
  missingScorerIds: string[];
}

export type RankNotePart =
  | { kind: 'tie-decided'; units: string[]; by: TieBreaker }
  | { kind: 'tie-shared'; units: string[] }
  /** Same score when rounded to 2 decimals, different exact scores: `exact` vs each other's. */
  | { kind: 'rounded-same'; exact: string; others: { unitId: string; exact: string }[] }
  | { kind: 'missing'; units: string[] };

export const tieBreakerLabels: Record<TieBreaker, string> = {
  'more-bonus': 'Nhiều điểm thưởng hơn',
  'fewer-deductions': 'Ít điểm trừ hơn',
  'higher-peer-mean': 'Điểm chấm chéo bình quân cao hơn',
};

/** An exact score with enough decimals to show a difference the 2-decimal display hides: "85,4286". */
export function exactText(f: Fraction, decimals = 4): string {
  const scale = 10n ** BigInt(decimals);
  const num = BigInt(f.num) * scale;
  const den = BigInt(f.den) * 100n;
  const neg = num < 0n;
  const abs = neg ? -num : num;
  const q = (2n * abs + den) / (2n * den);
  const whole = q / scale;
  const frac = (q % scale).toString().padStart(decimals, '0');
  return `${neg ? '-' : ''}${whole.toString()},${frac}`;
}

/** The parts of one unit's note, given every unit of the round. */
export function rankNoteParts(u: RankedUnit, all: readonly RankedUnit[]): RankNotePart[] {
  const parts: RankNotePart[] = [];
  if (u.tiedWith.length) {
    parts.push(
      u.decidedBy
        ? { kind: 'tie-decided', units: u.tiedWith, by: u.decidedBy }
        : { kind: 'tie-shared', units: u.tiedWith },
    );
  }
  if (u.score) {
    const shown = roundHundredths(u.score);
    const others = all.filter(
      (o) =>
        o.unitId !== u.unitId &&
        o.score &&
        roundHundredths(o.score) === shown &&
        compareFractions(o.score, u.score!) !== 0,
    );
    if (others.length) {
      parts.push({
        kind: 'rounded-same',
        exact: exactText(u.score),
        others: others.map((o) => ({ unitId: o.unitId, exact: exactText(o.score!) })),
      });
    }
  }
  if (u.missingScorerIds.length) parts.push({ kind: 'missing', units: u.missingScorerIds });
  return parts;
}

/** The note in Vietnamese, for documents. */
export function rankNoteText(parts: readonly RankNotePart[], nameOf: (unitId: string) => string): string {
  const list = (ids: readonly string[]) => ids.map(nameOf).join(', ');
  return parts
    .map((p) => {
      switch (p.kind) {
        case 'tie-decided':
          return `Bằng điểm với ${list(p.units)}; thứ tự theo tiêu chí phụ: ${tieBreakerLabels[p.by].toLowerCase()}`;
        case 'tie-shared':
          return `Đồng hạng với ${list(p.units)} (bằng điểm chính xác)`;
        case 'rounded-same':
          return `Điểm chính xác ${p.exact}; ${p.others.map((o) => `${nameOf(o.unitId)}: ${o.exact}`).join('; ')} (cùng làm tròn thành một số)`;
        case 'missing':
          return `Thiếu bảng điểm của ${list(p.units)}`;
      }
    })
    .join('. ');
}
