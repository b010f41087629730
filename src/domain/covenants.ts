/**
 * The bloc's covenant (giao ước thi đua): the head drafts it, members comment within a window, the head
 * publishes the final text and every unit's leader signs it. Pure: what is signed is the canonical
 * serialisation of the published text, so that a signature names exactly one text.
 *
 * Rule on changes: once a unit has signed, the text cannot change (publishing again or editing the draft
 * is refused); before the first signature the head may publish a corrected text, and a leader who signs
 * must name the hash of the text they read, so nobody signs a text they did not see (docs/covenant.md).
 */
import { instantToVn, vnWallClockToInstant } from './time';

export interface CovenantText {
  title: string;
  body: string;
  commitments: readonly string[];
}

/** One way to write a text: Unicode NFC, "\n" line ends, no trailing spaces on lines, trimmed. */
export const normalizeText = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();

/**
 * The exact bytes a signature covers: a JSON array [title, body, commitments] of normalised strings (an
 * array, so that no key order can differ). Two texts that read the same serialise the same.
 */
export const canonicalCovenant = (c: CovenantText): string =>
  JSON.stringify([normalizeText(c.title), normalizeText(c.body), c.commitments.map(normalizeText)]);

/** The first characters of a hash, as printed in the signing record. */
export const hashPrefix = (hash: string): string => hash.slice(0, 12);

export interface CommentWindow {
  opensAt: string;
  closesAt: string;
}

/** The comment window from the first to the last day (both included), in Vietnam time. */
export function commentWindow(from: string, until: string): CommentWindow {
  const opensAt = vnWallClockToInstant(from);
  const lastDay = vnWallClockToInstant(until);
  if (lastDay < opensAt) throw new RangeError('the window ends before it opens');
  const closesAt = new Date(lastDay.getTime() + 24 * 3600_000);
  return { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() };
}

/** The window's days in Vietnam time (the inverse of commentWindow). */
export function windowDays(w: CommentWindow): { from: string; until: string } {
  return {
    from: instantToVn(w.opensAt).date,
    until: instantToVn(new Date(new Date(w.closesAt).getTime() - 1)).date,
  };
}

export type WindowState = 'unset' | 'not-yet' | 'open' | 'closed';

/** Where `now` stands against the window: comments are taken from its opening until its close. */
export function windowState(w: CommentWindow | null, now: Date): WindowState {
  if (!w) return 'unset';
  if (now < new Date(w.opensAt)) return 'not-yet';
  return now < new Date(w.closesAt) ? 'open' : 'closed';
}

/** The text may change (draft edits, a new publication) only while nobody has signed. */
export const textMayChange = (signatureCount: number): boolean => signatureCount === 0;

/** Every unit of the year has signed. */
export const allSigned = (memberUnitIds: readonly string[], signedUnitIds: readonly string[]): boolean =>
  memberUnitIds.length > 0 && memberUnitIds.every((u) => signedUnitIds.includes(u));
