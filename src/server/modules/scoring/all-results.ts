import { aggregateRound, type RoundResults } from '../../../domain/aggregation';
import { flatten } from '../../../domain/criteria';
import type { Executor } from '../../db/schema';
import { createScoringRepository } from './repository';

/**
 * Results of many rounds at once (every bloc of a city or of the country): three queries in all, then
 * the same pure aggregation as one round's results page. Round ids are processed in chunks.
 */
export async function computeRoundsResults(
  db: Executor,
  roundIds: readonly string[],
  chunk = 500,
): Promise<Map<string, RoundResults>> {
  const repo = createScoringRepository(db);
  const out = new Map<string, RoundResults>();
  for (let i = 0; i < roundIds.length; i += chunk) {
    const ids = roundIds.slice(i, i + chunk);
    const [rounds, members, sheets] = [
      await repo.roundsWithTrees(ids),
      await repo.memberIdsOfRounds(ids),
      await repo.submittedSheetsOfRounds(ids),
    ];
    for (const r of rounds) {
      out.set(
        r.id,
        aggregateRound({
          unitIds: members.get(r.id) ?? [],
          sheets: sheets.get(r.id) ?? [],
          policy: r.missingPolicy,
          tieBreakers: r.tieBreakers,
          nodeIds: flatten(r.tree).map((n) => n.id),
        }),
      );
    }
  }
  return out;
}
