import type { Selectable } from 'kysely';
import { grandMax, leaves, type CriterionNode } from '../../../domain/criteria';
import { ZCriterionNodeSchema, type TCriteriaSet } from '../../../shared/criteria';
import { z } from '../../../shared/zod';
import { jsonColumn } from '../../db/json';
import type { CriteriaSetTable, Executor } from '../../db/schema';

/** A criteria set as the modules use it: the tree parsed and checked, flags as booleans. */
export type CriteriaSet = Omit<Selectable<CriteriaSetTable>, 'treeJson' | 'isSample'> & {
  tree: CriterionNode[];
  isSample: boolean;
};

const parseTree = jsonColumn(z.array(ZCriterionNodeSchema));

// A set that is no longer a draft never changes (rounds score against it): parse its tree once per process.
const lockedTrees = new Map<string, CriterionNode[]>();
/** A set's tree, parsed and checked (a locked set's once per process). */
export function treeOf(row: Pick<CriteriaSetTable, 'id' | 'status' | 'treeJson'>): CriterionNode[] {
  if (row.status === 'draft') return parseTree(row.treeJson);
  let tree = lockedTrees.get(row.id);
  if (!tree) {
    if (lockedTrees.size >= 5000) lockedTrees.clear();
    tree = parseTree(row.treeJson);
    lockedTrees.set(row.id, tree);
  }
  return tree;
}

const toSet = ({ treeJson, isSample, ...rest }: Selectable<CriteriaSetTable>): CriteriaSet => ({
  ...rest,
  tree: treeOf({ id: rest.id, status: rest.status, treeJson }),
  isSample: isSample === 1,
});

const toRow = ({ tree, isSample, ...rest }: CriteriaSet): CriteriaSetTable => ({
  ...rest,
  treeJson: JSON.stringify(tree),
  isSample: isSample ? 1 : 0,
});

export const presentSet = (s: CriteriaSet): TCriteriaSet => ({
  id: s.id,
  yearId: s.yearId,
  version: s.version,
  status: s.status,
  name: s.name,
  isSample: s.isSample,
  tree: s.tree,
  grandMax: grandMax(s.tree),
  leafCount: leaves(s.tree).length,
  updatedAt: s.updatedAt,
  lockedAt: s.lockedAt,
});

/** Criteria sets: one row per version of a bloc-year's set, the tree as JSON (parsed here, once). */
export function createCriteriaRepository(db: Executor) {
  return {
    findSet: async (id: string) => {
      const row = await db.selectFrom('criteriaSets').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toSet(row);
    },
    /** The tree of a locked set (a round's): from the process cache when it was read before. */
    lockedTree: async (id: string): Promise<CriterionNode[] | undefined> =>
      lockedTrees.get(id) ??
      (await db
        .selectFrom('criteriaSets')
        .select(['id', 'status', 'treeJson'])
        .where('id', '=', id)
        .executeTakeFirst()
        .then((row) => row && treeOf(row))),
    /** The newest version of a year's set. */
    findCurrent: async (yearId: string) => {
      const row = await db
        .selectFrom('criteriaSets')
        .selectAll()
        .where('yearId', '=', yearId)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toSet(row);
    },
    /** The newest set of the same bloc in an earlier year (to start a new year from). */
    findPreviousYearSet: async (blocId: string, year: number) => {
      const row = await db
        .selectFrom('criteriaSets as s')
        .innerJoin('years as y', 'y.id', 's.yearId')
        .selectAll('s')
        .where('y.blocId', '=', blocId)
        .where('y.year', '<', year)
        .orderBy('y.year', 'desc')
        .orderBy('s.version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return row && toSet(row);
    },
    insertSet: (set: CriteriaSet) => db.insertInto('criteriaSets').values(toRow(set)).execute(),
    updateSet: (
      id: string,
      patch: Partial<Pick<CriteriaSet, 'name' | 'tree' | 'updatedAt' | 'status' | 'lockedAt'>>,
    ) => {
      const { tree, ...rest } = patch;
      return db
        .updateTable('criteriaSets')
        .set(tree ? { ...rest, treeJson: JSON.stringify(tree) } : rest)
        .where('id', '=', id)
        .execute();
    },
  };
}
