/**
 * The proposal to the city's Council (Tờ trình đề nghị khen thưởng): which nomination lines it carries, and
 * how it moves drafted → sent → decided. Pure.
 */

export type ProposalStatus = 'drafted' | 'sent' | 'decided';

/** What the conference's secret ballot said about a line: no ballot asked about it, pending, passed or not. */
export type LineVote = 'none' | 'pending' | 'passed' | 'failed';

/** Where a nomination line stands in the proposal. */
export type LineStanding = 'proposed' | 'excluded' | 'vote-pending' | 'vote-failed';

/** A ballot question about one nominee and award, as the ballots module stores and publishes it. */
export interface AwardQuestion {
  subjectUnitId: string | null;
  awardCode: string | null;
  /** The ballot's status, and the question's published outcome once closed ('yes', 'no', or null). */
  ballotStatus: 'draft' | 'open' | 'closed';
  outcome: string | null;
  /** When the ballot closed (the latest closed ballot about a line decides). */
  closedAt: string | null;
}

/**
 * The vote about a line: the latest closed ballot that asked about the unit and award decides ('yes'
 * passes; 'no' or no quorum fails); a ballot still in draft or open keeps it pending; none: no vote needed.
 */
export function lineVote(
  line: { unitId: string; awardCode: string },
  questions: readonly AwardQuestion[],
  approve: string,
): LineVote {
  const mine = questions.filter((q) => q.subjectUnitId === line.unitId && q.awardCode === line.awardCode);
  const closed = mine
    .filter((q) => q.ballotStatus === 'closed')
    .sort((a, b) => ((a.closedAt ?? '') < (b.closedAt ?? '') ? 1 : -1));
  if (closed[0]) return closed[0].outcome === approve ? 'passed' : 'failed';
  return mine.length ? 'pending' : 'none';
}

/** A line is proposed when the head kept it and its ballot (if any) passed. */
export function lineStanding(included: boolean, vote: LineVote): LineStanding {
  if (!included) return 'excluded';
  if (vote === 'pending') return 'vote-pending';
  if (vote === 'failed') return 'vote-failed';
  return 'proposed';
}

/** Why the proposal cannot be sent now (Vietnamese), or null when it can. */
export function sendRefusal(status: ProposalStatus, standings: readonly LineStanding[]): string | null {
  if (status !== 'drafted') return 'Tờ trình đã được gửi Hội đồng; không ghi nhận gửi lại được.';
  if (standings.includes('vote-pending')) {
    return 'Còn cuộc bỏ phiếu về danh sách đề nghị chưa kết thúc; hãy chờ kết quả trước khi gửi tờ trình.';
  }
  if (!standings.includes('proposed')) return 'Tờ trình chưa có đơn vị nào được đề nghị khen thưởng.';
  return null;
}

/** Why a decision cannot be recorded on a line now (Vietnamese), or null when it can. */
export function decisionRefusal(status: ProposalStatus, standing: LineStanding): string | null {
  if (status === 'drafted') return 'Tờ trình chưa được gửi Hội đồng; chưa ghi nhận quyết định được.';
  if (status === 'decided') return 'Hội đồng đã quyết định mọi dòng của tờ trình; không sửa được nữa.';
  if (standing !== 'proposed') return 'Dòng này không có trong tờ trình gửi Hội đồng.';
  return null;
}

/** The proposal is decided once every proposed line has the Council's decision. */
export const allDecided = (lines: readonly { standing: LineStanding; decided: boolean }[]): boolean => {
  const proposed = lines.filter((l) => l.standing === 'proposed');
  return proposed.length > 0 && proposed.every((l) => l.decided);
};
