import { aggregateRound, type RoundResults, type TieBreaker } from '../../../domain/aggregation';
import { flatten, type CriterionNode } from '../../../domain/criteria';
import type { Executor } from '../../db/schema';
import { createScoringRepository, toSheetSummary } from './repository';

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

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
      await repo.membersOfRounds(ids),
      await repo.submittedSheetsOfRounds(ids),
    ];
    const membersBy = groupBy(members, (m) => m.roundId);
    const sheetsBy = groupBy(sheets, (s) => s.roundId);
    const nodeIdsBySet = new Map<string, string[]>();
    for (const r of rounds) {
      let nodeIds = nodeIdsBySet.get(r.setId);
      if (!nodeIds) {
        nodeIds = flatten(JSON.parse(r.treeJson) as CriterionNode[]).map((n) => n.id);
        nodeIdsBySet.set(r.setId, nodeIds);
      }
      const summaries = (sheetsBy.get(r.id) ?? []).map(toSheetSummary);
      out.set(
        r.id,
        aggregateRound({
          unitIds: (membersBy.get(r.id) ?? []).map((m) => m.unitId),
          sheets: summaries,
          policy: r.missingPolicy,
          tieBreakers: JSON.parse(r.tieBreakersJson) as TieBreaker[],
          nodeIds,
        }),
      );
    }
  }
  return out;
}
