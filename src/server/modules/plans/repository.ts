import type { Selectable } from 'kysely';
import { ZPlanContentSchema, type TPlanContent } from '../../../shared/plans';
import { z } from '../../../shared/zod';
import { jsonColumn } from '../../db/json';
import type { Executor, PlanTable, PlanVersionTable, ReportTable, TaskTable } from '../../db/schema';

/** A plan's content (the working copy or a published version), parsed and checked. */
export const parsePlanContent = jsonColumn(ZPlanContentSchema);
const parseAcknowledged = jsonColumn(z.array(z.string()));

/** An uploaded report: whether it came after its task's deadline, as a boolean. */
export type Report = Omit<ReportTable, 'late'> & { late: boolean };
/** A plan as the services use it: its working copy parsed, flags as booleans. */
export type Plan = Omit<Selectable<PlanTable>, 'contentJson' | 'dirty'> & {
  content: TPlanContent;
  dirty: boolean;
};
/** A published version: its content and the warnings acknowledged when it was published. */
export type PlanVersion = Omit<PlanVersionTable, 'contentJson' | 'acknowledgedJson'> & {
  content: TPlanContent;
  acknowledgedWarnings: string[];
};

const toPlan = ({ contentJson, dirty, ...rest }: Selectable<PlanTable>): Plan => ({
  ...rest,
  content: parsePlanContent(contentJson),
  dirty: dirty === 1,
});
const toVersion = ({ contentJson, acknowledgedJson, ...rest }: PlanVersionTable): PlanVersion => ({
  ...rest,
  content: parsePlanContent(contentJson),
  acknowledgedWarnings: parseAcknowledged(acknowledgedJson),
});

/** Plans with their published versions, the tasks they create, and uploaded reports. */
export function createPlanRepository(db: Executor) {
  return {
    findPlan: async (id: string) => {
      const row = await db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toPlan(row);
    },
    findPlanOfYear: async (yearId: string) => {
      const row = await db.selectFrom('plans').selectAll().where('yearId', '=', yearId).executeTakeFirst();
      return row && toPlan(row);
    },
    insertPlan: ({ content, dirty, ...rest }: Plan) =>
      db
        .insertInto('plans')
        .values({ ...rest, contentJson: JSON.stringify(content), dirty: dirty ? 1 : 0 })
        .execute(),
    /** Saves only if nobody saved since `revision` (optimistic concurrency). True when saved. */
    savePlan: async (
      id: string,
      revision: number,
      patch: Pick<Plan, 'content' | 'updatedAt' | 'updatedBy'>,
    ) => {
      const r = await db
        .updateTable('plans')
        .set({
          contentJson: JSON.stringify(patch.content),
          updatedAt: patch.updatedAt,
          updatedBy: patch.updatedBy,
          dirty: 1,
          revision: revision + 1,
        })
        .where('id', '=', id)
        .where('revision', '=', revision)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    markPublished: (id: string, version: number) =>
      db.updateTable('plans').set({ publishedVersion: version, dirty: 0 }).where('id', '=', id).execute(),
    insertVersion: ({ content, acknowledgedWarnings, ...rest }: PlanVersion) =>
      db
        .insertInto('planVersions')
        .values({
          ...rest,
          contentJson: JSON.stringify(content),
          acknowledgedJson: JSON.stringify(acknowledgedWarnings),
        })
        .execute(),
    findVersion: async (planId: string, version: number) => {
      const row = await db
        .selectFrom('planVersions')
        .selectAll()
        .where('planId', '=', planId)
        .where('version', '=', version)
        .executeTakeFirst();
      return row && toVersion(row);
    },
    versions: async (planId: string) =>
      (
        await db
          .selectFrom('planVersions as v')
          .leftJoin('users as u', 'u.id', 'v.publishedBy')
          .select(['v.version', 'v.publishedAt', 'v.acknowledgedJson', 'u.fullName as publishedByName'])
          .where('v.planId', '=', planId)
          .orderBy('v.version', 'desc')
          .execute()
      ).map(({ acknowledgedJson, ...v }) => ({
        ...v,
        acknowledgedWarnings: parseAcknowledged(acknowledgedJson),
      })),
    unitName: async (id: string | null) =>
      id
        ? ((await db.selectFrom('units').select('name').where('id', '=', id).executeTakeFirst())?.name ??
          null)
        : null,
    bloc: (blocId: string) =>
      db
        .selectFrom('blocs')
        .select(['name', 'place', 'governingBody'])
        .where('id', '=', blocId)
        .executeTakeFirstOrThrow(),

    tasksOfPlan: (planId: string) =>
      db.selectFrom('tasks').selectAll().where('planId', '=', planId).execute(),
    insertTasks: async (rows: TaskTable[]) => {
      for (let i = 0; i < rows.length; i += 50) {
        await db
          .insertInto('tasks')
          .values(rows.slice(i, i + 50))
          .execute();
      }
    },
    updateTask: (id: string, patch: Partial<TaskTable>) =>
      db.updateTable('tasks').set(patch).where('id', '=', id).execute(),
    findTask: (id: string) => db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst(),
    /** A year's live (not cancelled) tasks with their unit's name, optionally of one unit. */
    liveTasks: (yearId: string, unitId?: string) => {
      let q = db
        .selectFrom('tasks as t')
        .innerJoin('units as u', 'u.id', 't.unitId')
        .selectAll('t')
        .select('u.name as unitName')
        .where('t.yearId', '=', yearId)
        .where('t.status', '!=', 'cancelled');
      if (unitId) q = q.where('t.unitId', '=', unitId);
      return q.orderBy('t.quarter').orderBy('t.deadlineAt').orderBy('t.title').execute();
    },
    /** Open tasks of a unit in a year waiting for one deliverable. */
    openTasksFor: (yearId: string, unitId: string, deliverable: string) =>
      db
        .selectFrom('tasks')
        .selectAll()
        .where('yearId', '=', yearId)
        .where('unitId', '=', unitId)
        .where('deliverable', '=', deliverable)
        .where('status', '=', 'open')
        .execute(),

    /** The year's newest year-end scoring round, where score-sheet tasks are done. */
    yearEndRoundId: async (yearId: string) =>
      (
        await db
          .selectFrom('rounds')
          .select('id')
          .where('yearId', '=', yearId)
          .where('kind', '=', 'year-end')
          .orderBy('openedAt', 'desc')
          .limit(1)
          .executeTakeFirst()
      )?.id ?? null,
    /** The year's newest published year-end round: the results the year-end report gives. */
    publishedYearEndRoundId: async (yearId: string) =>
      (
        await db
          .selectFrom('rounds')
          .select('id')
          .where('yearId', '=', yearId)
          .where('kind', '=', 'year-end')
          .where('status', '=', 'published')
          .orderBy('publishedAt', 'desc')
          .limit(1)
          .executeTakeFirst()
      )?.id ?? null,
    /** Every unit's tasks (cancelled ones too) waiting for one deliverable in a year. */
    tasksFor: (yearId: string, deliverable: string) =>
      db
        .selectFrom('tasks')
        .select(['unitId', 'status', 'deadlineAt'])
        .where('yearId', '=', yearId)
        .where('deliverable', '=', deliverable)
        .execute(),
    /** Every report of one kind uploaded in a year, oldest first. */
    reportsOfKind: async (yearId: string, kind: ReportTable['kind']): Promise<Report[]> =>
      (
        await db
          .selectFrom('reports')
          .selectAll()
          .where('yearId', '=', yearId)
          .where('kind', '=', kind)
          .orderBy('uploadedAt')
          .orderBy('id')
          .execute()
      ).map((row) => ({ ...row, late: row.late === 1 })),
    insertReport: ({ late, ...rest }: Report) =>
      db
        .insertInto('reports')
        .values({ ...rest, late: late ? 1 : 0 })
        .execute(),
    reportFileNames: () => db.selectFrom('reports').select('storedName').execute(),
    findReport: async (id: string): Promise<Report | undefined> => {
      const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
      return row && { ...row, late: row.late === 1 };
    },
  };
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof createPlanRepository>['liveTasks']>>[number];
