/**
 * Secret ballots at the year-end conference, as pure rules: who may do what, when a ballot is open, how
 * the papers are counted, whether the quorum is reached and a question passes, and the election's
 * default candidates. No I/O: the server stores who has voted apart from what was voted (docs/security.md).
 */
import { headPublicAct, isUnitUser, prepares, type Subject } from './access';

export type BallotKind = 'approval' | 'election';
export type BallotStatus = 'draft' | 'open' | 'closed';
/** A share of the electorate: more than half, at least two thirds, at least three quarters, everyone. */
export type Share = 'more-than-half' | 'two-thirds' | 'three-quarters' | 'all';
export const shares: readonly Share[] = ['more-than-half', 'two-thirds', 'three-quarters', 'all'];
export type Seat = 'head' | 'deputy';
export const APPROVE = 'yes';
export const REJECT = 'no';

/** Whether `count` of `base` reaches the share (integers only: no rounding at the edges). */
export function reaches(share: Share, count: number, base: number): boolean {
  if (base <= 0) return false;
  switch (share) {
    case 'more-than-half':
      return 2 * count > base;
    case 'two-thirds':
      return 3 * count >= 2 * base;
    case 'three-quarters':
      return 4 * count >= 3 * base;
    case 'all':
      return count >= base;
  }
}

export interface QuestionDef {
  id: string;
  /** 'yes'/'no' for an approval question; the candidate unit ids for a seat. */
  options: readonly string[];
  seat: Seat | null;
}

export interface QuestionResult {
  questionId: string;
  /** Votes per option, in the question's option order. */
  counts: { option: string; votes: number }[];
  /** The option that carried: 'yes'/'no' for approvals (null without quorum), the elected unit for a seat. */
  outcome: string | null;
}

export interface Tally {
  electorate: number;
  voted: number;
  quorumReached: boolean;
  questions: QuestionResult[];
}

/**
 * Counts the papers. Both the quorum and the pass threshold are shares of the whole electorate (not of the
 * papers cast), so abstaining never helps a question pass. An approval question passes with its 'yes'
 * votes reaching the threshold; otherwise it is refused. A seat goes to the candidate with the most votes
 * when those reach the threshold and no other candidate has as many; the deputy's seat never goes to the
 * unit elected head (the next candidate that reaches the threshold takes it). Without quorum nothing carries.
 */
export function tally(
  questions: readonly QuestionDef[],
  papers: readonly Record<string, string>[],
  electorate: number,
  quorum: Share,
  threshold: Share,
): Tally {
  const voted = papers.length;
  const quorumReached = reaches(quorum, voted, electorate);
  let headElected: string | null = null;
  const results = [...questions]
    .sort((a, b) => (a.seat === 'head' ? -1 : b.seat === 'head' ? 1 : 0))
    .map((q): QuestionResult => {
      const counts = q.options.map((option) => ({
        option,
        votes: papers.filter((p) => p[q.id] === option).length,
      }));
      if (!quorumReached) return { questionId: q.id, counts, outcome: null };
      if (q.seat === null) {
        const yes = counts.find((c) => c.option === APPROVE)?.votes ?? 0;
        return { questionId: q.id, counts, outcome: reaches(threshold, yes, electorate) ? APPROVE : REJECT };
      }
      const ranked = counts
        .filter((c) => c.option !== headElected && reaches(threshold, c.votes, electorate))
        .sort((a, b) => b.votes - a.votes);
      const top = ranked[0];
      const winner = top && (ranked[1]?.votes ?? -1) < top.votes ? top.option : null;
      if (q.seat === 'head') headElected = winner;
      return { questionId: q.id, counts, outcome: winner };
    });
  const order = new Map(questions.map((q, i) => [q.id, i]));
  results.sort((a, b) => order.get(a.questionId)! - order.get(b.questionId)!);
  return { electorate, voted, quorumReached, questions: results };
}

/** A paper answers every question once, with one of its options. Returns the errors by question id. */
export function checkPaper(
  questions: readonly QuestionDef[],
  paper: Record<string, string>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const q of questions) {
    const c = paper[q.id];
    if (c === undefined) errors[q.id] = 'chưa chọn';
    else if (!q.options.includes(c)) errors[q.id] = 'lựa chọn không có trong phiếu';
  }
  for (const id of Object.keys(paper)) {
    if (!questions.some((q) => q.id === id)) errors[id] = 'không có câu hỏi này';
  }
  return errors;
}

/** The status people see: an open ballot is closed once its time is over. */
export function effectiveStatus(b: { status: BallotStatus; closesAt: string }, at: Date): BallotStatus {
  return b.status === 'open' && at.getTime() >= Date.parse(b.closesAt) ? 'closed' : b.status;
}

/** Votes are accepted while the ballot is open and between its opening and closing times. */
export const withinWindow = (b: { opensAt: string; closesAt: string }, at: Date): boolean =>
  at.getTime() >= Date.parse(b.opensAt) && at.getTime() < Date.parse(b.closesAt);

/**
 * The bloc's rotation rule for the default candidates of an election: every member unit that has not been
 * head in the last `recent` years (this year included), ordered by unit code. When that leaves nobody,
 * every member is a candidate.
 */
export function defaultCandidates(
  members: readonly { id: string; code: string }[],
  recentHeads: readonly (string | null)[],
): string[] {
  const sorted = [...members].sort((a, b) => a.code.localeCompare(b.code));
  const eligible = sorted.filter((m) => !recentHeads.includes(m.id));
  return (eligible.length ? eligible : sorted).map((m) => m.id);
}
export const ROTATION_YEARS = 2;

export interface BallotFacts {
  status: BallotStatus;
  electorate: readonly string[];
  /** The user the unit's leader delegated the vote to, if any (for the caller's unit). */
  delegateUserId: string | null;
  /** Whether the caller's unit has voted. */
  myUnitVoted: boolean;
  withinWindow: boolean;
}

export interface BallotCan {
  /** Draft, edit and delete a ballot before it opens: the head unit's people. */
  edit: boolean;
  /** Open and close it: speaks for the head unit in public (its leader). */
  open: boolean;
  close: boolean;
  /** Cast the caller's unit's vote: its leader, or the officer the leader delegated it to (once per unit). */
  vote: boolean;
  /** Delegate the unit's vote to one of its officers: the unit's leader, before the unit has voted. */
  delegate: boolean;
  /** The tally: after close, to every reader of the year. */
  tally: boolean;
}

export function ballotCan(s: Subject, userId: string, b: BallotFacts): BallotCan {
  const inElectorate = isUnitUser(s) && s.unitId !== null && b.electorate.includes(s.unitId);
  // The leader keeps the vote after delegating it; the unit still has one vote.
  const mayCast = s.role === 'leader' || (b.delegateUserId !== null && b.delegateUserId === userId);
  const open = b.status === 'open';
  return {
    edit: b.status === 'draft' && prepares(s),
    open: b.status === 'draft' && headPublicAct(s) === 'direct',
    close: open && headPublicAct(s) === 'direct',
    vote: open && b.withinWindow && inElectorate && mayCast && !b.myUnitVoted,
    delegate: b.status !== 'closed' && inElectorate && s.role === 'leader' && !b.myUnitVoted,
    tally: b.status === 'closed',
  };
}
