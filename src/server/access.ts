/**
 * The one place services ask who may do what. The rules are pure (domain/access.ts); this module loads
 * what they read — the caller's unit's role in a bloc-year, a round's facts — and refuses with a
 * Vietnamese 403. Services call it first, before any other work; routes never check access.
 */
import {
  accountCan,
  yearCan,
  type AccountCan,
  type RoundFacts,
  type Subject,
  type YearCan,
} from '../domain/access';
import { unitRoleInYear, type UnitYearRole } from '../domain/org';
import type { Actor } from './context';
import type { Executor } from './db/schema';
import type { Round } from './modules/scoring/repository';
import { forbidden, notFound } from './errors';
import { createOrgRepository } from './modules/org/repository';

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
  /** The caller seen from this year, and what the caller may do in it. */
  subject: Subject;
  can: YearCan;
}

/** Throws FORBIDDEN (403, with a Vietnamese reason) unless the rule holds. */
export function allow(ok: boolean, why?: string): void {
  if (!ok) throw forbidden(why);
}

/** The caller seen from a bloc-year, for the pure rules of domain/access. */
export function subjectOf(actor: Actor, access: Pick<YearAccess, 'myRole'>): Subject {
  return { role: actor.role, unitId: actor.unitId, yearRole: access.myRole };
}

/** What an account may do anywhere (administration, the board's reading, deciding approvals). */
export const accountAccess = (actor: Actor): AccountCan => accountCan(actor);

/** Loads a bloc-year with the caller's role and permissions in it: the basis of every year rule. */
export async function yearAccess(db: Executor, yearId: string, actor: Actor): Promise<YearAccess> {
  const repo = createOrgRepository(db);
  const year = await repo.findYear(yearId);
  if (!year) throw notFound('năm thi đua');
  const memberUnitIds = (await repo.members(yearId)).map((m) => m.id);
  const roles = { memberUnitIds, headUnitId: year.headUnitId, deputyUnitId: year.deputyUnitId };
  const myRole =
    actor.role === 'officer' || actor.role === 'leader' ? unitRoleInYear(roles, actor.unitId) : null;
  const subject: Subject = { role: actor.role, unitId: actor.unitId, yearRole: myRole };
  return {
    yearId,
    blocId: year.blocId,
    blocName: year.blocName,
    year: year.year,
    ...roles,
    myRole,
    subject,
    can: yearCan(subject),
  };
}

/** The facts about a round that the access rules read. */
export const roundFacts = (
  round: Pick<Round, 'status' | 'resultsShownAt' | 'officerMaySubmit'>,
  access: Pick<YearAccess, 'headUnitId'>,
  memberUnitIds: readonly string[],
): RoundFacts => ({
  status: round.status,
  memberUnitIds,
  headUnitId: access.headUnitId,
  resultsShownAt: round.resultsShownAt,
  officerMaySubmit: round.officerMaySubmit,
});

/** The reasons people read when refused. */
export const why = {
  onlyHead: 'Chỉ Trưởng khối của năm này được thực hiện thao tác này.',
  onlyAdmin: 'Chỉ quản trị hệ thống được thực hiện thao tác này.',
  readYear: 'Bạn không thuộc Khối trong năm này.',
} as const;
