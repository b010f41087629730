import { orderedNodeScores, sheetTotals, type CriterionNode } from '../../../domain/criteria';
import { sheetWindow, windowMessages } from '../../../domain/rounds';
import type { TRound, TSheet } from '../../../shared/scoring';
import type { Round, Scores, Sheet } from './repository';
import { roundFacts, type YearAccess } from '../../access';
import { roundCan, type Subject } from '../../../domain/access';

/** A round as the caller sees it: whether the caller's unit may write now, and what the caller may do. */
export function presentRound(
  r: Round,
  access: YearAccess,
  memberUnitIds: readonly string[],
  subject: Subject,
  reopenedUntil: string | null,
  now: Date,
): TRound {
  const w = sheetWindow(r, now, reopenedUntil);
  return {
    id: r.id,
    yearId: r.yearId,
    blocName: access.blocName,
    year: access.year,
    criteriaSetId: r.criteriaSetId,
    kind: r.kind,
    title: r.title,
    deadlineAt: r.deadlineAt,
    latePolicy: r.latePolicy,
    missingPolicy: r.missingPolicy,
    tieBreakers: r.tieBreakers,
    officerMaySubmit: r.officerMaySubmit,
    status: r.status,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    publishedAt: r.publishedAt,
    resultsShownAt: r.resultsShownAt,
    memberCount: memberUnitIds.length,
    myRole: access.myRole,
    window: w.accepting
      ? { accepting: true, late: w.late, reopened: w.reopened, reason: null }
      : { accepting: false, late: false, reopened: false, reason: windowMessages[w.reason] },
    can: roundCan(subject, roundFacts(r, access, memberUnitIds)),
  };
}

/** Whether a sheet's stored per-node scores (its last submission) are these. */
export const sameByNode = (stored: readonly number[] | null, byNode: readonly number[]): boolean =>
  stored !== null && stored.length === byNode.length && stored.every((n, i) => n === byNode[i]);

/**
 * A sheet with its scores and total; only ever sent to those allowed to read its scores. The scorer unit
 * works on its draft; everybody else reads what was submitted (`submitted`, {} when nothing was).
 */
export function presentSheet(
  s: Sheet,
  names: Map<string, string>,
  tree: CriterionNode[],
  submitted?: Scores,
): TSheet {
  const scores = submitted ?? s.draft;
  const totals = sheetTotals(tree, scores);
  // The stored per-node scores of the last submission tell whether the draft changed since.
  const dirty =
    submitted === undefined &&
    (s.submittedVersion === 0 || !sameByNode(s.byNode, orderedNodeScores(tree, totals.byNode)));
  return presentScoredSheet(s, names, scores, totals.total, dirty);
}

/** A sheet whose scores and total the caller has just computed (a submission: nothing to recompute). */
export function presentScoredSheet(
  s: Sheet,
  names: Map<string, string>,
  scores: Scores,
  total: number,
  dirty: boolean,
): TSheet {
  return {
    id: s.id,
    roundId: s.roundId,
    scorerUnitId: s.scorerUnitId,
    scorerUnitName: names.get(s.scorerUnitId) ?? '',
    scoredUnitId: s.scoredUnitId,
    scoredUnitName: names.get(s.scoredUnitId) ?? '',
    isSelf: s.scorerUnitId === s.scoredUnitId,
    scores,
    revision: s.revision,
    updatedAt: s.updatedAt,
    submittedVersion: s.submittedVersion,
    submittedAt: s.submittedAt,
    late: s.late,
    dirty,
    total,
  };
}
