import type { RoundFacts, Subject } from '../../../domain/access';
import type { Selectable } from 'kysely';
import type { RoundTable } from '../../db/schema';
import { unitRoleInYear, type UnitYearRole } from '../../../domain/org';
import type { Actor } from '../../context';
import type { Executor } from '../../db/schema';
import { notFound } from '../../errors';
import { createOrgRepository } from '../org/repository';

export interface YearAccess {
  yearId: string;
  blocId: string;
  blocName: string;
  year: number;
  memberUnitIds: string[];
  headUnitId: string | null;
  deputyUnitId: string | null;
  /** The caller's unit's role in that year. */
  myRole: UnitYearRole | null;
}

/** Loads a bloc-year with the caller's role in it: the basis of every scoring and criteria policy. */
export async function yearAccess(db: Executor, yearId: string, actor: Actor): Promise<YearAccess> {
  const repo = createOrgRepository(db);
  const year = await repo.findYear(yearId);
  if (!year) throw notFound('năm thi đua');
  const memberUnitIds = (await repo.members(yearId)).map((m) => m.id);
  const roles = { memberUnitIds, headUnitId: year.headUnitId, deputyUnitId: year.deputyUnitId };
  return {
    yearId,
    blocId: year.blocId,
    blocName: year.blocName,
    year: year.year,
    ...roles,
    myRole: actor.role === 'officer' || actor.role === 'leader' ? unitRoleInYear(roles, actor.unitId) : null,
  };
}

/** The caller seen from a bloc-year, for the pure rules of domain/access. */
export function subjectOf(actor: Actor, access: Pick<YearAccess, 'myRole'>): Subject {
  return { role: actor.role, unitId: actor.unitId, yearRole: access.myRole };
}

/** The facts about a round that the access rules read. */
export const roundFacts = (
  round: Selectable<RoundTable>,
  access: YearAccess,
  memberUnitIds: readonly string[],
): RoundFacts => ({
  status: round.status,
  memberUnitIds,
  headUnitId: access.headUnitId,
  resultsShownAt: round.resultsShownAt,
  officerMaySubmit: round.officerMaySubmit === 1,
});

/** Scoring policies: head powers come from the unit's role in the year, never from the account. */
export const scoringPolicies = {
  /** The head unit's officers and leader run the year: criteria, rounds, closing, reopening, publishing. */
  runYear: (y: YearAccess) => y.myRole === 'head',
  /** Progress (who submitted what, never scores): head, deputy (helps chase), board. */
  readProgress: (a: Actor, y: YearAccess) =>
    y.myRole === 'head' || y.myRole === 'deputy' || a.role === 'board',
  /** The criteria set is read by members, the board and admins. */
  readCriteria: (a: Actor, y: YearAccess) => y.myRole !== null || a.role === 'board' || a.role === 'admin',
  /** Published results: every member and the board. */
  readPublished: (a: Actor, y: YearAccess) => y.myRole !== null || a.role === 'board',
};
