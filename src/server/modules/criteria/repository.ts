import type { Selectable } from 'kysely';
import { grandMax, leaves, type CriterionNode } from '../../../domain/criteria';
import type { TCriteriaSet } from '../../../shared/criteria';
import type { CriteriaSetTable, Executor } from '../../db/schema';

export const presentSet = (s: Selectable<CriteriaSetTable>): TCriteriaSet => {
  const tree = JSON.parse(s.treeJson) as CriterionNode[];
  return {
    id: s.id,
    yearId: s.yearId,
    version: s.version,
    status: s.status,
    name: s.name,
    isSample: Boolean(s.isSample),
    tree,
    grandMax: grandMax(tree),
    leafCount: leaves(tree).length,
    updatedAt: s.updatedAt,
    lockedAt: s.lockedAt,
  };
};

/** Criteria sets: one row per version of a bloc-year's set, the tree as JSON. */
export function createCriteriaRepository(db: Executor) {
  return {
    findSet: (id: string) =>
      db.selectFrom('criteriaSets').selectAll().where('id', '=', id).executeTakeFirst(),
    /** The newest version of a year's set. */
    findCurrent: (yearId: string) =>
      db
        .selectFrom('criteriaSets')
        .selectAll()
        .where('yearId', '=', yearId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst(),
    /** The newest set of the same bloc in an earlier year (to start a new year from). */
    findPreviousYearSet: (blocId: string, year: number) =>
      db
        .selectFrom('criteriaSets as s')
        .innerJoin('years as y', 'y.id', 's.yearId')
        .selectAll('s')
        .where('y.blocId', '=', blocId)
        .where('y.year', '<', year)
        .orderBy('y.year', 'desc')
        .orderBy('s.version', 'desc')
        .limit(1)
        .executeTakeFirst(),
    insertSet: (row: CriteriaSetTable) => db.insertInto('criteriaSets').values(row).execute(),
    updateSet: (id: string, patch: Partial<CriteriaSetTable>) =>
      db.updateTable('criteriaSets').set(patch).where('id', '=', id).execute(),
  };
}
