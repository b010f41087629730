import { draftNominations } from '../../../domain/nominations';
import type { TNominationLine, TNominations } from '../../../shared/nominations';
import { allow, yearAccess, type YearAccess } from '../../access';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { awardOutcomes } from '../ballots/outcomes';
import { effectiveCatalogue } from '../registrations/catalogue';
import { nominationFacts, type NominationFacts } from './facts';
import { createNominationRepository } from './repository';
import { nominationWhy } from './rules-service';

type LineRow = Awaited<ReturnType<ReturnType<typeof createNominationRepository>['lines']>>[number];

const presentLine = (l: LineRow, ballot: TNominationLine['ballot']): TNominationLine => ({
  id: l.id,
  unitId: l.unitId,
  unitName: l.unitName,
  awardCode: l.awardCode,
  awardName: l.awardName,
  rank: l.rank,
  scoreText: l.scoreText,
  origin: l.origin,
  included: l.included,
  reason: l.reason,
  changeReason: l.changeReason,
  changedByName: l.changedByName,
  changedAt: l.changedAt,
  ballot,
});

/**
 * The units without an included line and why: the rules' reasons for this ranking, and the head's reason
 * when the head took the unit's line out.
 */
function notProposed(facts: NominationFacts, lines: LineRow[]): TNominations['notProposed'] {
  const draft = draftNominations(facts);
  const included = new Set(lines.filter((l) => l.included).map((l) => l.unitId));
  return facts.ranking
    .filter((u) => !included.has(u.unitId))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.unitName.localeCompare(b.unitName, 'vi'))
    .map((u) => {
      const removed = lines
        .filter((l) => l.unitId === u.unitId && !l.included)
        .map((l) => `${l.awardName}: Trưởng khối bỏ khỏi danh sách — ${l.changeReason ?? ''}`);
      const ruled = draft.notProposed.find((n) => n.unitId === u.unitId)?.reasons ?? [];
      return {
        unitId: u.unitId,
        unitName: u.unitName,
        rank: u.rank,
        scoreText: u.scoreText,
        reasons:
          removed.length || ruled.length
            ? [...removed, ...ruled]
            : ['Chưa lập lại danh sách theo quy tắc mới.'],
      };
    });
}

/** The rules' awards, then the catalogue's other awards given to units. */
async function addableAwards(db: Executor, access: YearAccess, facts: NominationFacts) {
  const catalogue = (await effectiveCatalogue(db, access.year)).entries.filter((e) => e.recipient === 'unit');
  const awards = facts.rules.map((r) => ({ awardCode: r.awardCode, awardName: r.awardName }));
  for (const e of catalogue) {
    if (!awards.some((a) => a.awardCode === e.code)) awards.push({ awardCode: e.code, awardName: e.name });
  }
  return awards;
}

/** Builds the answer for a caller whose access was checked. */
export async function presentNominations(
  db: Executor,
  access: YearAccess,
  ctx: Ctx,
  known?: NominationFacts,
): Promise<TNominations> {
  const repo = createNominationRepository(db);
  const facts = known ?? (await nominationFacts(db, access, ctx.actor));
  const lines = await repo.lines(access.yearId);
  const outcomes = await awardOutcomes(db, access.yearId);
  const proposalStatus = await repo.proposalStatus(access.yearId);
  const open = proposalStatus === null || proposalStatus === 'drafted';
  const nominate = access.can.nominate;
  return {
    yearId: access.yearId,
    year: access.year,
    round: facts.round,
    proposalStatus,
    lines: lines.map((l) => presentLine(l, outcomes.get(`${l.unitId}|${l.awardCode}`) ?? null)),
    notProposed: notProposed(facts, lines),
    awards: await addableAwards(db, access, facts),
    units: facts.ranking
      .map((u) => ({ id: u.unitId, name: u.unitName }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    can: {
      draft: nominate && open && facts.round !== null,
      change: nominate && open && facts.round !== null,
      createBallot: nominate && lines.some((l) => l.included),
    },
  };
}

/** The lines with their reasons and changes, the units not proposed: every member unit and the board. */
export async function getNominations(db: Executor, yearId: string, ctx: Ctx): Promise<TNominations> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.readNominations, nominationWhy.read);
  return presentNominations(db, access, ctx);
}
