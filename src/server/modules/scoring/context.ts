import type { Selectable } from 'kysely';
import { roundCan, type RoundCan, type Subject } from '../../../domain/access';
import type { CriterionNode } from '../../../domain/criteria';
import type { Actor } from '../../context';
import type { Executor, RoundTable } from '../../db/schema';
import { notFound } from '../../errors';
import { createCriteriaRepository } from '../criteria/repository';
import { roundFacts, yearAccess, type YearAccess } from '../../access';
import { createScoringRepository } from './repository';

export interface RoundContext {
  round: Selectable<RoundTable>;
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
  const [access, members, set] = [
    await yearAccess(db, round.yearId, actor),
    await repo.members(roundId),
    await createCriteriaRepository(db).findSet(round.criteriaSetId),
  ];
  if (!set) throw notFound('bảng tiêu chí của đợt chấm');
  const subject = access.subject;
  return {
    round,
    access,
    members,
    names: new Map(members.map((m) => [m.id, m.name])),
    tree: lockedTree(set.id, set.treeJson),
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

/** The locked criteria tree of a set, parsed once per process. */
export async function roundTree(db: Executor, setId: string): Promise<CriterionNode[]> {
  const cached = trees.get(setId);
  if (cached) return cached;
  const set = await createCriteriaRepository(db).findSet(setId);
  if (!set) throw notFound('bảng tiêu chí của đợt chấm');
  return lockedTree(set.id, set.treeJson);
}

// A round's criteria set is locked, so its parsed tree never changes: parse it once per process.
const trees = new Map<string, CriterionNode[]>();
function lockedTree(setId: string, json: string): CriterionNode[] {
  let tree = trees.get(setId);
  if (!tree) {
    if (trees.size >= 5000) trees.clear();
    tree = JSON.parse(json) as CriterionNode[];
    trees.set(setId, tree);
  }
  return tree;
}
