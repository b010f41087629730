import {
  sheetTotals,
  validateScores,
  type CriterionNode,
  type SheetTotals,
} from '../../../../domain/criteria';
import { hundredthsToInput, parsePoints } from '../../../../domain/points';

/** What the officer typed in one sheet: leaf id → text as typed ("8,5", "8.5", ""). */
export type SheetTexts = Record<string, string>;

export interface SheetView {
  /** Scores as the server stores them (hundredths; null = not scored). */
  scores: Record<string, number | null>;
  /** Node id → message: unreadable text, or a validateScores issue (the server's own rules). */
  errors: Record<string, string>;
  totals: SheetTotals;
  /** Whether the draft may be saved: every cell readable and no rule broken. */
  valid: boolean;
}

/** The typed texts of a stored draft. */
export function textsOf(scores: Record<string, number | null>): SheetTexts {
  const out: SheetTexts = {};
  for (const [id, v] of Object.entries(scores)) if (v !== null) out[id] = hundredthsToInput(v);
  return out;
}

/**
 * Parses and checks one sheet with the same domain functions the server uses (`validateScores` with
 * complete: false while typing, `sheetTotals` for the live totals).
 */
export function viewSheet(
  tree: readonly CriterionNode[],
  leafIds: readonly string[],
  texts: SheetTexts,
  unreadable: (criterionId: string) => string,
): SheetView {
  const scores: Record<string, number | null> = {};
  const errors: Record<string, string> = {};
  for (const id of leafIds) {
    const text = (texts[id] ?? '').trim();
    if (!text) {
      scores[id] = null;
      continue;
    }
    const v = parsePoints(text);
    if (v === null) errors[id] = unreadable(id);
    scores[id] = v;
  }
  for (const issue of validateScores(tree, scores, { complete: false })) {
    errors[issue.criterionId] ??= issue.message;
  }
  return { scores, errors, totals: sheetTotals(tree, scores), valid: Object.keys(errors).length === 0 };
}
