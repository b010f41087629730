import type { Executor, PlanTable, PlanVersionTable, ReportTable, TaskTable } from '../../db/schema';

/** Plans with their published versions, the tasks they create, and uploaded reports. */
export function createPlanRepository(db: Executor) {
  return {
    findPlan: (id: string) => db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst(),
    findPlanOfYear: (yearId: string) =>
      db.selectFrom('plans').selectAll().where('yearId', '=', yearId).executeTakeFirst(),
    insertPlan: (row: PlanTable) => db.insertInto('plans').values(row).execute(),
    /** Saves only if nobody saved since `revision` (optimistic concurrency). True when saved. */
    savePlan: async (
      id: string,
      revision: number,
      patch: Pick<PlanTable, 'contentJson' | 'updatedAt' | 'updatedBy'>,
    ) => {
      const r = await db
        .updateTable('plans')
        .set({ ...patch, dirty: 1, revision: revision + 1 })
        .where('id', '=', id)
        .where('revision', '=', revision)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    markPublished: (id: string, version: number) =>
      db.updateTable('plans').set({ publishedVersion: version, dirty: 0 }).where('id', '=', id).execute(),
    insertVersion: (row: PlanVersionTable) => db.insertInto('planVersions').values(row).execute(),
    findVersion: (planId: string, version: number) =>
      db
        .selectFrom('planVersions')
        .selectAll()
        .where('planId', '=', planId)
        .where('version', '=', version)
        .executeTakeFirst(),
    versions: (planId: string) =>
      db
        .selectFrom('planVersions as v')
        .leftJoin('users as u', 'u.id', 'v.publishedBy')
        .select(['v.version', 'v.publishedAt', 'v.acknowledgedJson', 'u.fullName as publishedByName'])
        .where('v.planId', '=', planId)
        .orderBy('v.version', 'desc')
        .execute(),
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
    reportsOfKind: (yearId: string, kind: ReportTable['kind']) =>
      db
        .selectFrom('reports')
        .selectAll()
        .where('yearId', '=', yearId)
        .where('kind', '=', kind)
        .orderBy('uploadedAt')
        .orderBy('id')
        .execute(),
    insertReport: (row: ReportTable) => db.insertInto('reports').values(row).execute(),
    reportFileNames: () => db.selectFrom('reports').select('storedName').execute(),
    findReport: (id: string) => db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst(),
  };
}

export type TaskRow = Awaited<ReturnType<ReturnType<typeof createPlanRepository>['liveTasks']>>[number];
