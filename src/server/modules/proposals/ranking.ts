import { formatPoints } from '../../../domain/points';
import type { Executor } from '../../db/schema';
import type { RankingRow } from '../../documents/minutes-docx';
import { computeRoundsResults } from '../scoring/all-results';
import { createProposalRepository } from './repository';

export interface YearRanking {
  roundId: string;
  publishedAt: string | null;
  rows: (RankingRow & { unitId: string })[];
}

/**
 * The final ranking of a year's published year-end round, computed by the scoring module's aggregation
 * (the same numbers as the results page): unit, score and rank only. Null before publication.
 */
export async function publishedRanking(db: Executor, yearId: string): Promise<YearRanking | null> {
  const repo = createProposalRepository(db);
  const round = await repo.publishedYearEndRound(yearId);
  if (!round) return null;
  const results = (await computeRoundsResults(db, [round.id])).get(round.id);
  if (!results) return null;
  const names = await repo.unitNames(results.units.map((u) => u.unitId));
  return {
    roundId: round.id,
    publishedAt: round.publishedAt,
    rows: results.units.map((u) => ({
      unitId: u.unitId,
      unitName: names.get(u.unitId) ?? '',
      scoreText: u.score ? formatPoints(u.score) : null,
      rank: results.ranked ? u.rank : null,
    })),
  };
}
