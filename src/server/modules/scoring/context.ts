import { roundCan, type RoundCan, type Subject } from '../../../domain/access';
import type { CriterionNode } from '../../../domain/criteria';
import type { Actor } from '../../context';
import type { Executor } from '../../db/schema';
import { notFound } from '../../errors';
import { createCriteriaRepository } from '../criteria/repository';
import { roundFacts, yearAccess, type YearAccess } from '../../access';
import { createScoringRepository, type Round } from './repository';

export interface RoundContext {
  round: Round;
  access: YearAccess;
  members: { id: string; name: string }[];
  names: Map<string, string>;
  tree: CriterionNode[];
  /** The caller, and what the caller may do in this round. */
  subject: Subject;
  can: RoundCan;
}

/** A round with its year access for the actor, its members (the N of the round) and its locked criteria. */
export async function loadRound(db: Executor, roundId: string, actor: Actor): Promise<RoundContext> {
  const repo = createScoringRepository(db);
  const round = await repo.findRound(roundId);
  if (!round) throw notFound('đợt chấm điểm');
  const [access, members, tree] = [
    await yearAccess(db, round.yearId, actor),
    await repo.members(roundId),
    await roundTree(db, round.criteriaSetId),
  ];
  const subject = access.subject;
  return {
    round,
    access,
    members,
    names: new Map(members.map((m) => [m.id, m.name])),
    tree,
    subject,
    can: roundCan(
      subject,
      roundFacts(
        round,
        access,
        members.map((m) => m.id),
      ),
    ),
  };
}

/** The locked criteria tree of a round's set (parsed once per process by the criteria repository). */
export async function roundTree(db: Executor, setId: string): Promise<CriterionNode[]> {
  const tree = await createCriteriaRepository(db).lockedTree(setId);
  if (!tree) throw notFound('bảng tiêu chí của đợt chấm');
  return tree;
}
