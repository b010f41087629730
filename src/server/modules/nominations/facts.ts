import type { RankedUnit } from '../../../domain/nominations';
import type { AwardRule } from '../../../domain/nominations';
import type { Actor } from '../../context';
import type { Executor } from '../../db/schema';
import type { YearAccess } from '../../access';
import { unitsRegisteredFor } from '../registrations/review-service';
import { loadRound } from '../scoring/context';
import { computeResults } from '../scoring/results-service';
import { effectiveRules } from './rules-service';
import { createNominationRepository } from './repository';

/** What the nominations are drafted from: the published year-end round's ranking, registrations, rules. */
export interface NominationFacts {
  round: { id: string; title: string } | null;
  ranking: RankedUnit[];
  registered: Map<string, Set<string>>;
  rules: AwardRule[];
}

/**
 * Loads the facts of a year. The ranking comes from the scoring module's own computation of the round's
 * results (no copy of the arithmetic); missing and late sheets are counted per scorer unit.
 */
export async function nominationFacts(
  db: Executor,
  access: YearAccess,
  actor: Actor,
): Promise<NominationFacts> {
  const repo = createNominationRepository(db);
  const { rules } = await effectiveRules(db, access);
  const registered = new Map<string, Set<string>>();
  for (const r of rules) {
    if (!registered.has(r.awardCode)) {
      registered.set(r.awardCode, new Set(await unitsRegisteredFor(db, access.yearId, r.awardCode)));
    }
  }
  const round = (await repo.publishedYearEndRound(access.yearId)) ?? null;
  if (!round) return { round, ranking: [], registered, rules };
  const results = await computeResults(db, await loadRound(db, round.id, actor));
  const flaws = await repo.scorerFlaws(round.id);
  const ranking = results.units.map((u) => ({
    unitId: u.unitId,
    unitName: u.unitName,
    rank: u.rank,
    score: u.score,
    scoreText: u.scoreText,
    missingSheets: flaws.get(u.unitId)?.missing ?? 0,
    lateSheets: flaws.get(u.unitId)?.late ?? 0,
  }));
  return { round, ranking, registered, rules };
}
