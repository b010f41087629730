import type { ApprovalTable, Executor } from '../../db/schema';

/** Approval requests, with the names people read beside them. */
export function createApprovalRepository(db: Executor) {
  const withNames = () =>
    db
      .selectFrom('approvals as a')
      .innerJoin('users as r', 'r.id', 'a.requestedBy')
      .leftJoin('users as d', 'd.id', 'a.decidedBy')
      .leftJoin('units as u', 'u.id', 'a.unitId')
      .leftJoin('rounds as o', 'o.id', 'a.targetId')
      .leftJoin('plans as p', 'p.id', 'a.targetId')
      .selectAll('a')
      .select([
        'r.fullName as requestedByName',
        'd.fullName as decidedByName',
        'u.name as unitName',
        'o.title as roundTitle',
        'p.contentJson as planJson',
      ]);
  return {
    insert: (row: ApprovalTable) => db.insertInto('approvals').values(row).execute(),
    find: (id: string) => withNames().where('a.id', '=', id).executeTakeFirst(),
    /** A pending request for the same thing (one at a time). */
    findPending: (action: ApprovalTable['action'], targetId: string, unitId: string | null) => {
      let q = db
        .selectFrom('approvals')
        .select('id')
        .where('action', '=', action)
        .where('targetId', '=', targetId)
        .where('status', '=', 'pending');
      q = unitId === null ? q.where('unitId', 'is', null) : q.where('unitId', '=', unitId);
      return q.executeTakeFirst();
    },
    listOfYear: (yearId: string, pendingOnly: boolean) => {
      let q = withNames().where('a.yearId', '=', yearId);
      if (pendingOnly) q = q.where('a.status', '=', 'pending');
      return q.orderBy('a.requestedAt', 'desc').limit(200).execute();
    },
    /** Pending requests of the given years (the caller's), newest first. */
    pendingOfYears: (yearIds: readonly string[]) =>
      yearIds.length
        ? withNames()
            .where('a.yearId', 'in', yearIds)
            .where('a.status', '=', 'pending')
            .orderBy('a.requestedAt', 'desc')
            .execute()
        : Promise.resolve([]),
    /** Decides a request once: false when it was decided (or withdrawn) meanwhile. */
    decide: async (
      id: string,
      patch: Pick<ApprovalTable, 'status' | 'decidedBy' | 'decidedAt' | 'decisionNote'>,
    ) => {
      const r = await db
        .updateTable('approvals')
        .set(patch)
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
  };
}

export type ApprovalRow = NonNullable<
  Awaited<ReturnType<ReturnType<typeof createApprovalRepository>['find']>>
>;
