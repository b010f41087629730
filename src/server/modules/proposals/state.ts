import { APPROVE } from '../../../domain/ballots';
import {
  lineStanding,
  lineVote,
  type AwardQuestion,
  type LineStanding,
  type LineVote,
  type ProposalStatus,
} from '../../../domain/proposals';
import type { TBallotTally } from '../../../shared/ballots';
import type { Executor, ProposalTable } from '../../db/schema';
import { createProposalRepository, type LineRow } from './repository';

export interface ProposalState {
  yearId: string;
  /** The stored row, or null while the proposal is a draft nobody has sent. */
  row: ProposalTable | null;
  status: ProposalStatus;
  lines: (LineRow & { vote: LineVote; standing: LineStanding })[];
}

/** Only the published outcome of each question is read from the tally (never its papers). */
function outcomeOf(resultJson: string | null, questionId: string): string | null {
  if (!resultJson) return null;
  const t = JSON.parse(resultJson) as Pick<TBallotTally, 'questions'>;
  return t.questions.find((q) => q.questionId === questionId)?.outcome ?? null;
}

/** The year's proposal: its status, and every nomination line with where it stands (kept, voted on). */
export async function loadProposalState(db: Executor, yearId: string): Promise<ProposalState> {
  const repo = createProposalRepository(db);
  const row = (await repo.find(yearId)) ?? null;
  const questions: AwardQuestion[] = (await repo.awardQuestions(yearId)).map((q) => ({
    subjectUnitId: q.subjectUnitId,
    awardCode: q.awardCode,
    ballotStatus: q.status,
    outcome: outcomeOf(q.resultJson, q.id),
    closedAt: q.closedAt,
  }));
  const lines = (await repo.lines(yearId)).map((l) => {
    const vote = lineVote(l, questions, APPROVE);
    return { ...l, vote, standing: lineStanding(l.included === 1, vote) };
  });
  return { yearId, row, status: row?.status ?? 'drafted', lines };
}

/** The lines the proposal carries to the Council. */
export const proposedLines = (s: ProposalState) => s.lines.filter((l) => l.standing === 'proposed');
