import type { TApprovalAction } from '../../../shared/approvals';
import { z } from '../../../shared/zod';
import { jsonColumn } from '../../db/json';
import type { ApprovalTable, Executor } from '../../db/schema';
import { parsePlanContent } from '../plans/repository';

/** What each action carries: what the approver's decision will do. */
const payloadParsers = {
  'plan.publish': jsonColumn(
    z.object({ revision: z.number().int(), acknowledgedWarnings: z.array(z.string()) }),
  ),
  'round.reopen': jsonColumn(z.object({ unitId: z.string(), reason: z.string(), untilAt: z.string() })),
  'round.close': jsonColumn(z.object({})),
  'round.publish': jsonColumn(z.object({})),
} satisfies Record<TApprovalAction, unknown>;
export type ApprovalPayload<A extends TApprovalAction> = ReturnType<(typeof payloadParsers)[A]>;

interface NamedRow extends ApprovalTable {
  requestedByName: string;
  decidedByName: string | null;
  unitName: string | null;
  roundTitle: string | null;
  planJson: string | null;
}

/** A request with its payload parsed (typed by its action) and the names people read beside it. */
export type Approval = {
  [A in TApprovalAction]: Omit<NamedRow, 'action' | 'payloadJson' | 'planJson'> & {
    action: A;
    payload: ApprovalPayload<A>;
    /** The plan's document number, when the request is about a plan. */
    planDocNumber: string | null;
  };
}[TApprovalAction];

const toApproval = ({ payloadJson, planJson, ...rest }: NamedRow): Approval =>
  ({
    ...rest,
    payload: payloadParsers[rest.action](payloadJson),
    planDocNumber: planJson === null ? null : parsePlanContent(planJson).docNumber,
  }) as Approval;

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
    insert: ({ payload, ...rest }: Omit<ApprovalTable, 'payloadJson'> & { payload: object }) =>
      db
        .insertInto('approvals')
        .values({ ...rest, payloadJson: JSON.stringify(payload) })
        .execute(),
    find: async (id: string) => {
      const row = await withNames().where('a.id', '=', id).executeTakeFirst();
      return row && toApproval(row);
    },
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
    listOfYear: async (yearId: string, pendingOnly: boolean) => {
      let q = withNames().where('a.yearId', '=', yearId);
      if (pendingOnly) q = q.where('a.status', '=', 'pending');
      return (await q.orderBy('a.requestedAt', 'desc').limit(200).execute()).map(toApproval);
    },
    /** Pending requests of the given years (the caller's), newest first. */
    pendingOfYears: async (yearIds: readonly string[]) =>
      yearIds.length
        ? (
            await withNames()
              .where('a.yearId', 'in', yearIds)
              .where('a.status', '=', 'pending')
              .orderBy('a.requestedAt', 'desc')
              .execute()
          ).map(toApproval)
        : [],
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
