import {
  sheetTotals,
  validateScores,
  type CriterionNode,
  type SheetTotals,
} from '../../../../domain/criteria';
import { hundredthsToInput, parsePoints } from '../../../../domain/points';

/** What the officer typed in one sheet: leaf id → text as typed ("8,5", "8.5", ""). */
export type SheetTexts = Record<string, string>;
export type ScoreMap = Record<string, number | null>;

export interface SheetView {
  /**
   * The scores that can be saved now: every readable cell that breaks no rule (hundredths; null = not
   * scored). An invalid cell counts as empty here, in the totals and on the server; its text stays on
   * screen (and in this browser) until it is fixed.
   */
  scores: ScoreMap;
  /** Node id → message: unreadable text, or a validateScores issue (the server's own rules). */
  errors: Record<string, string>;
  /** Leaf ids whose typed text is not part of `scores` (shown in red, kept locally). */
  invalidCells: string[];
  totals: SheetTotals;
}

/** The typed texts of a stored draft. */
export function textsOf(scores: Record<string, number | null>): SheetTexts {
  const out: SheetTexts = {};
  for (const [id, v] of Object.entries(scores)) if (v !== null) out[id] = hundredthsToInput(v);
  return out;
}

/**
 * Parses and checks one sheet with the same domain functions the server uses. Cells are taken greedily,
 * those unchanged since the last save first (they were valid together), then the others in sheet order;
 * a cell is left out when it is unreadable or when taking it would break a rule (its range, its step,
 * its parent's maximum). So the valid cells are always savable, whatever else is wrong on the sheet.
 */
export function viewSheet(
  tree: readonly CriterionNode[],
  leafIds: readonly string[],
  texts: SheetTexts,
  saved: Readonly<ScoreMap>,
  unreadable: (criterionId: string) => string,
): SheetView {
  const scores: ScoreMap = {};
  const errors: Record<string, string> = {};
  const typed = new Map<string, number>();
  for (const id of leafIds) {
    scores[id] = null;
    const text = (texts[id] ?? '').trim();
    if (!text) continue;
    const v = parsePoints(text);
    if (v === null) errors[id] = unreadable(id);
    else typed.set(id, v);
  }
  const unchanged = [...typed.keys()].filter((id) => saved[id] === typed.get(id));
  const changed = [...typed.keys()].filter((id) => saved[id] !== typed.get(id));
  for (const id of [...unchanged, ...changed]) {
    scores[id] = typed.get(id)!;
    const issues = validateScores(tree, scores, { complete: false });
    if (issues.length === 0) continue;
    scores[id] = null;
    errors[id] = (issues.find((i) => i.criterionId === id) ?? issues[0]!).message;
  }
  const invalidCells = leafIds.filter((id) => (texts[id] ?? '').trim() !== '' && scores[id] === null);
  return { scores, errors, invalidCells, totals: sheetTotals(tree, scores) };
}

/** Whether two score maps hold the same scores (a missing key and null both mean "not scored"). */
export function sameScores(a: Readonly<ScoreMap>, b: Readonly<ScoreMap>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if ((a[k] ?? null) !== (b[k] ?? null)) return false;
  return true;
}
