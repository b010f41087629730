/**
 * Balanced line breaks for the centred header lines (the issuing body): Word fills a line greedily and may
 * leave one word alone on the last line ("…KINH / TẾ"); offices break such a name into lines of about
 * equal length instead. Widths are estimated with the Times New Roman Bold advance widths (1/1000 em).
 */

/** Advance widths of Times New Roman Bold capitals and the signs a body's name uses (as Tinos Bold has them). */
const WIDTH: Record<string, number> = {
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  ' ': 250, '-': 333, '.': 250, ',': 250, '(': 333, ')': 333, '&': 833, '/': 278, '…': 1000,
}; // prettier-ignore
const DIGIT = 500;
const LOWER = 500;

/** The horn of Ư/ư widens the letter (Ơ/ơ keep the width of O/o). */
const HORN: Record<string, number> = { U: 74, u: 44 };

/** The width of `text` in thousandths of an em; Vietnamese marks add no width but the horn of Ư. */
export function textWidth(text: string): number {
  let w = 0;
  let base = '';
  for (const ch of text.normalize('NFD')) {
    if (/[\u0300-\u036f]/.test(ch)) {
      if (ch === '\u031b') w += HORN[base] ?? 0;
      continue;
    }
    base = ch === 'Đ' ? 'D' : ch === 'đ' ? 'd' : ch;
    w +=
      WIDTH[base] ??
      (/[0-9]/.test(base) ? DIGIT : /[a-z]/.test(base) ? LOWER : (WIDTH[base.toUpperCase()] ?? LOWER));
  }
  return w;
}

/**
 * Splits `text` into as few lines as fit `maxWidth` (same unit as textWidth), choosing the breaks that make
 * the longest line shortest, so that no line is left with a lone word when a fairer split exists.
 */
export function balanceLines(text: string, maxWidth: number): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length <= 1) return words;
  const space = textWidth(' ');
  const widths = words.map(textWidth);
  const span = (i: number, j: number) => widths.slice(i, j).reduce((s, w) => s + w, 0) + space * (j - i - 1);
  const memo = new Map<string, Split | null>();
  for (let lines = 1; lines <= words.length; lines++) {
    const best = split(words.length, lines, span, memo);
    if (best && best.longest <= maxWidth) return best.breaks.map(([i, j]) => words.slice(i, j).join(' '));
  }
  return words;
}

interface Split {
  longest: number;
  breaks: [number, number][];
}

/** The split of the first `n` words into `lines` lines whose longest line is shortest (small n: plain DP). */
function split(
  n: number,
  lines: number,
  span: (i: number, j: number) => number,
  memo: Map<string, Split | null>,
): Split | null {
  if (lines === 1) return { longest: span(0, n), breaks: [[0, n]] };
  const key = `${n}:${lines}`;
  if (memo.has(key)) return memo.get(key) ?? null;
  let best: Split | null = null;
  for (let k = lines - 1; k < n; k++) {
    const head = split(k, lines - 1, span, memo);
    if (!head) continue;
    const longest = Math.max(head.longest, span(k, n));
    if (!best || longest < best.longest) best = { longest, breaks: [...head.breaks, [k, n]] };
  }
  memo.set(key, best);
  return best;
}
