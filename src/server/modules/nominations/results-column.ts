import type { Executor } from '../../db/schema';
import { createNominationRepository } from './repository';

/**
 * The results' "Đề nghị khen thưởng" column: each unit's included award names, when lines were drafted
 * from the round (null when none were). No access check: the results' reader was checked by the caller.
 */
export async function nominationColumn(
  db: Executor,
  roundId: string,
): Promise<Record<string, string[]> | null> {
  const lines = await createNominationRepository(db).linesOfRound(roundId);
  if (!lines.length) return null;
  const out: Record<string, string[]> = {};
  for (const l of lines) if (l.included) (out[l.unitId] ??= []).push(l.awardName);
  return out;
}
