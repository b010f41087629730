/**
 * Nominations (đề nghị khen thưởng): from the published year-end ranking, the accepted registrations and
 * the year's award rules, the lines the app drafts for the head, each with its reason, and why the other
 * units are not proposed. Pure.
 *
 * Hard rules, whatever the year's rules say: a unit with a missing or late sheet (as a scorer) in the
 * round, without an official score, or below a rule's minimum score is never proposed — not by a rule and
 * not by the head. A unit gets at most one award from the rules: the rules are read in order and the first
 * that takes it wins.
 *
 * Ties on the boundary: units sharing a rank are taken together when the rule's places left allow it.
 * When they do not, none of them is taken and the rule stops there (a lower-ranked unit never passes a
 * tied pair); the tied units are named in the not-proposed list for the head, who decides by adding a
 * line with a written reason.
 */
import { compareFractions, formatHundredths, fraction, type Fraction } from './points';

/** One unit of the published ranking, as the nominations read it. */
export interface RankedUnit {
  unitId: string;
  unitName: string;
  /** Shared by tied units; null when the unit has no official score. */
  rank: number | null;
  score: Fraction | null;
  scoreText: string | null;
  /** Sheets the unit should have written as a scorer and did not submit. */
  missingSheets: number;
  /** Sheets the unit submitted after the deadline. */
  lateSheets: number;
}

/** One of the year's award rules, in order. */
export interface AwardRule {
  awardCode: string;
  awardName: string;
  places: number;
  requiresRegistration: boolean;
  /** The lowest official score, in points (e.g. 90.5), or null. */
  minScore: number | null;
}

export interface DraftLine {
  unitId: string;
  awardCode: string;
  awardName: string;
  /** The rule's position: lines sort by rule, then rank. */
  position: number;
  rank: number | null;
  scoreText: string | null;
  reason: string;
}

export interface NotProposed {
  unitId: string;
  unitName: string;
  rank: number | null;
  scoreText: string | null;
  reasons: string[];
}

export interface DraftResult {
  lines: DraftLine[];
  notProposed: NotProposed[];
}

/** The minimum score as shown: "90,50". */
export const minScoreText = (minScore: number): string => formatHundredths(Math.round(minScore * 100));

/** Why a unit can never be proposed in this round (missing or late sheets, no score); null when it can. */
export function sheetProblem(u: RankedUnit): string | null {
  const parts: string[] = [];
  if (u.missingSheets > 0) parts.push(`thiếu ${u.missingSheets} bảng chấm điểm`);
  if (u.lateSheets > 0) parts.push(`nộp muộn ${u.lateSheets} bảng chấm điểm`);
  if (parts.length) return `Không đủ điều kiện đề nghị: ${parts.join(', ')}.`;
  if (u.score === null || u.rank === null) return 'Không đủ điều kiện đề nghị: chưa có điểm xếp hạng.';
  return null;
}

/** Why a unit may not have this award whatever anyone decides (the hard rules); null when it may. */
export function hardRuleProblem(u: RankedUnit, rule: Pick<AwardRule, 'awardName' | 'minScore'> | null) {
  const sheets = sheetProblem(u);
  if (sheets) return sheets;
  if (
    rule &&
    rule.minScore !== null &&
    compareFractions(u.score!, fraction(Math.round(rule.minScore * 100))) < 0
  ) {
    return `${rule.awardName}: dưới điểm tối thiểu ${minScoreText(rule.minScore)}.`;
  }
  return null;
}

const byRank = (a: RankedUnit, b: RankedUnit) =>
  (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0);

/** Groups units that share a rank, in rank order. */
function rankGroups(units: RankedUnit[]): RankedUnit[][] {
  const groups: RankedUnit[][] = [];
  for (const u of units) {
    const last = groups.at(-1);
    if (last && last[0]!.rank === u.rank) last.push(u);
    else groups.push([u]);
  }
  return groups;
}

function lineReason(u: RankedUnit, rule: AwardRule, total: number, group: RankedUnit[]): string {
  const parts = [`Xếp hạng ${u.rank}/${total}, ${u.scoreText ?? ''} điểm`];
  if (rule.requiresRegistration) parts.push(`đã đăng ký ${rule.awardName}`);
  if (rule.minScore !== null) parts.push(`đạt điểm tối thiểu ${minScoreText(rule.minScore)}`);
  const others = group.filter((g) => g.unitId !== u.unitId).map((g) => g.unitName);
  if (others.length) parts.push(`đồng hạng với ${others.join(', ')}`);
  return parts.join('; ');
}

/**
 * Drafts the nomination lines: each rule in order gives its award to the next eligible units by rank, up
 * to its places. `registered` maps an award code to the units whose registration for it was accepted.
 */
export function draftNominations(input: {
  ranking: readonly RankedUnit[];
  registered: ReadonlyMap<string, ReadonlySet<string>>;
  rules: readonly AwardRule[];
}): DraftResult {
  const units = [...input.ranking].sort(byRank);
  const total = units.length;
  const awarded = new Map<string, string>();
  const reasons = new Map<string, string[]>(units.map((u) => [u.unitId, []]));
  const note = (id: string, text: string) => reasons.get(id)!.push(text);
  const lines: DraftLine[] = [];
  for (const u of units) {
    const p = sheetProblem(u);
    if (p) note(u.unitId, p);
  }
  input.rules.forEach((rule, position) => {
    const eligible = units.filter((u) => {
      if (awarded.has(u.unitId) || sheetProblem(u)) return false;
      if (rule.requiresRegistration && !input.registered.get(rule.awardCode)?.has(u.unitId)) {
        note(u.unitId, `${rule.awardName}: chưa đăng ký (hoặc đăng ký chưa được Trưởng khối nhận).`);
        return false;
      }
      const p = hardRuleProblem(u, rule);
      if (p) note(u.unitId, p);
      return !p;
    });
    let left = rule.places;
    for (const group of rankGroups(eligible)) {
      if (left === 0) {
        for (const u of group) note(u.unitId, `${rule.awardName}: đã đủ ${rule.places} suất.`);
        continue;
      }
      if (group.length > left) {
        const names = group.map((g) => g.unitName).join(', ');
        for (const u of group) {
          note(
            u.unitId,
            `${rule.awardName}: đồng hạng ${u.rank} (${names}) nhưng chỉ còn ${left} suất — Trưởng khối quyết định và ghi lý do.`,
          );
        }
        left = 0;
        continue;
      }
      for (const u of group) {
        awarded.set(u.unitId, rule.awardCode);
        lines.push({
          unitId: u.unitId,
          awardCode: rule.awardCode,
          awardName: rule.awardName,
          position,
          rank: u.rank,
          scoreText: u.scoreText,
          reason: lineReason(u, rule, total, group),
        });
      }
      left -= group.length;
    }
  });
  const notProposed = units
    .filter((u) => !awarded.has(u.unitId))
    .map((u) => ({
      unitId: u.unitId,
      unitName: u.unitName,
      rank: u.rank,
      scoreText: u.scoreText,
      reasons: reasons.get(u.unitId)!.length
        ? reasons.get(u.unitId)!
        : ['Năm nay không có quy tắc khen thưởng nào áp dụng cho đơn vị.'],
    }));
  return { lines, notProposed };
}
