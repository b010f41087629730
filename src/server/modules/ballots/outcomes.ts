import { APPROVE, REJECT } from '../../../domain/ballots';
import type { Executor } from '../../db/schema';
import { createBallotRepository } from './repository';

/** A published approval question's count and outcome, for the nomination it asks about. */
export interface AwardOutcome {
  ballotId: string;
  title: string;
  approve: number;
  reject: number;
  /** The winning option ('yes' / 'no'), or null when the quorum or threshold was not reached. */
  outcome: string | null;
}

/**
 * The published outcome of each (unit, award code) asked in a year's closed approval ballots, read from
 * the tally the ballot published at close (the latest ballot wins). Keyed `unitId|awardCode`. No access
 * check: the caller's service checks its reader; a published tally is public to the members anyway.
 */
export async function awardOutcomes(db: Executor, yearId: string): Promise<Map<string, AwardOutcome>> {
  const out = new Map<string, AwardOutcome>();
  for (const q of await createBallotRepository(db).closedAwardQuestions(yearId)) {
    const key = `${q.subjectUnitId}|${q.awardCode}`;
    if (out.has(key) || !q.result) continue;
    const counted = q.result.questions.find((x) => x.questionId === q.id);
    if (!counted) continue;
    const votes = (o: string) => counted.counts.find((c) => c.option === o)?.votes ?? 0;
    out.set(key, {
      ballotId: q.ballotId,
      title: q.title,
      approve: votes(APPROVE),
      reject: votes(REJECT),
      outcome: counted.outcome,
    });
  }
  return out;
}
