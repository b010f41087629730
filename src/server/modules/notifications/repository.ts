import { parsePlanContent } from '../plans/repository';
import type { Executor, NotificationTable, OutboxTable, RoundReminderTable } from '../../db/schema';

/** Notifications, e-mail preferences, the e-mail outbox, reminder claims and calendar feed tokens. */
export function createNotificationRepository(db: Executor) {
  return {
    /** Active officers and leaders of the given units, with their e-mail address. */
    unitUsers: (unitIds: readonly string[]) =>
      unitIds.length
        ? db
            .selectFrom('users')
            .select(['id', 'unitId', 'email', 'fullName', 'role'])
            .where('unitId', 'in', unitIds)
            .where('disabled', '=', 0)
            .where('role', 'in', ['officer', 'leader'])
            .execute()
        : Promise.resolve([]),
    /** Active city board accounts. */
    boardUsers: () =>
      db
        .selectFrom('users')
        .select(['id', 'unitId', 'email', 'fullName'])
        .where('role', '=', 'board')
        .where('disabled', '=', 0)
        .execute(),
    activeUser: (id: string) =>
      db
        .selectFrom('users')
        .select(['id', 'unitId', 'email', 'fullName'])
        .where('id', '=', id)
        .where('disabled', '=', 0)
        .executeTakeFirst(),
    /** The (user, kind) pairs where a user turned e-mail off or on; absent means the default (on). */
    preferences: async (userIds: readonly string[]) =>
      userIds.length
        ? (
            await db
              .selectFrom('notificationPreferences')
              .selectAll()
              .where('userId', 'in', userIds)
              .execute()
          ).map((p) => ({ ...p, email: p.email === 1 }))
        : [],
    setPreference: async (userId: string, kind: string, email: boolean) => {
      await db
        .deleteFrom('notificationPreferences')
        .where('userId', '=', userId)
        .where('kind', '=', kind)
        .execute();
      await db
        .insertInto('notificationPreferences')
        .values({ userId, kind, email: email ? 1 : 0 })
        .execute();
    },
    userEmail: async (userId: string) =>
      (await db.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst())?.email ??
      null,
    insertNotifications: async (rows: NotificationTable[]) => {
      for (let i = 0; i < rows.length; i += 50) {
        await db
          .insertInto('notifications')
          .values(rows.slice(i, i + 50))
          .execute();
      }
    },
    insertOutbox: async (rows: OutboxTable[]) => {
      for (let i = 0; i < rows.length; i += 50) {
        await db
          .insertInto('outbox')
          .values(rows.slice(i, i + 50))
          .execute();
      }
    },
    listNotifications: (userId: string, unreadOnly: boolean, limit: number) => {
      let q = db.selectFrom('notifications').selectAll().where('userId', '=', userId);
      if (unreadOnly) q = q.where('readAt', 'is', null);
      return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
    },
    unreadCount: async (userId: string) =>
      Number(
        (
          await db
            .selectFrom('notifications')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .where('userId', '=', userId)
            .where('readAt', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    findNotification: (id: string) =>
      db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst(),
    markRead: (userId: string, at: string, id?: string) => {
      let q = db
        .updateTable('notifications')
        .set({ readAt: at })
        .where('userId', '=', userId)
        .where('readAt', 'is', null);
      if (id) q = q.where('id', '=', id);
      return q.executeTakeFirst();
    },

    listOutbox: (status: OutboxTable['status'] | undefined, limit: number) => {
      let q = db.selectFrom('outbox').selectAll();
      if (status) q = q.where('status', '=', status);
      return q.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(limit).execute();
    },
    pendingOutbox: (staleBefore: string, limit: number) =>
      db
        .selectFrom('outbox')
        .selectAll()
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('claimedAt', 'is', null), eb('claimedAt', '<', staleBefore)]))
        .orderBy('createdAt')
        .limit(limit)
        .execute(),
    /** Claims one e-mail for this instance; true only for the one instance whose UPDATE changed the row. */
    claimOutbox: async (id: string, instanceId: string, at: string, staleBefore: string) => {
      const r = await db
        .updateTable('outbox')
        .set({ claimedBy: instanceId, claimedAt: at })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where((eb) => eb.or([eb('claimedAt', 'is', null), eb('claimedAt', '<', staleBefore)]))
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    updateOutbox: (id: string, patch: Partial<OutboxTable>) =>
      db.updateTable('outbox').set(patch).where('id', '=', id).execute(),

    /** Open tasks with a deadline within `horizon`, except those whose overdue reminder is already sent. */
    /** Whether a task is still open with the deadline a reminder was computed for. */
    stillDue: async (taskId: string, deadlineAt: string) =>
      Boolean(
        await db
          .selectFrom('tasks')
          .select('id')
          .where('id', '=', taskId)
          .where('status', '=', 'open')
          .where('deadlineAt', '=', deadlineAt)
          .executeTakeFirst(),
      ),
    /**
     * Units of open rounds due within `horizon` that still have a sheet to submit, except where the unit's
     * open score-sheet task has the same deadline (its own reminders cover it) and except those whose
     * overdue reminder is already sent.
     */
    remindableRoundUnits: (horizon: string) =>
      db
        .selectFrom('rounds as r')
        .innerJoin('sheets as s', 's.roundId', 'r.id')
        .innerJoin('units as u', 'u.id', 's.scorerUnitId')
        .select([
          'r.id as roundId',
          'r.yearId',
          'r.title',
          'r.deadlineAt',
          's.scorerUnitId as unitId',
          'u.name as unitName',
        ])
        .where('r.status', '=', 'open')
        .where('r.deadlineAt', '<=', horizon)
        .where('s.submittedVersion', '=', 0)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('tasks as t')
                .select('t.id')
                .whereRef('t.yearId', '=', 'r.yearId')
                .whereRef('t.unitId', '=', 's.scorerUnitId')
                .whereRef('t.deadlineAt', '=', 'r.deadlineAt')
                .where('t.deliverable', '=', 'score-sheets')
                .where('t.status', '=', 'open'),
            ),
          ),
        )
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('roundReminders as m')
                .select('m.id')
                .whereRef('m.roundId', '=', 'r.id')
                .whereRef('m.unitId', '=', 's.scorerUnitId')
                .whereRef('m.deadlineAt', '=', 'r.deadlineAt')
                .where('m.kind', '=', 'overdue'),
            ),
          ),
        )
        .groupBy(['r.id', 'r.yearId', 'r.title', 'r.deadlineAt', 's.scorerUnitId', 'u.name'])
        .execute(),
    sentRoundReminders: (roundIds: readonly string[]) =>
      roundIds.length
        ? db
            .selectFrom('roundReminders')
            .select(['roundId', 'unitId', 'kind', 'deadlineAt'])
            .where('roundId', 'in', roundIds)
            .execute()
        : Promise.resolve([]),
    /** Whether a unit still has a sheet to submit in an open round with this deadline. */
    roundStillDue: async (roundId: string, unitId: string, deadlineAt: string) =>
      Boolean(
        await db
          .selectFrom('rounds as r')
          .innerJoin('sheets as s', 's.roundId', 'r.id')
          .select('s.id')
          .where('r.id', '=', roundId)
          .where('r.status', '=', 'open')
          .where('r.deadlineAt', '=', deadlineAt)
          .where('s.scorerUnitId', '=', unitId)
          .where('s.submittedVersion', '=', 0)
          .limit(1)
          .executeTakeFirst(),
      ),
    /** Claims one round reminder (unique per round, unit, kind and deadline); false when another instance did. */
    claimRoundReminder: async (row: RoundReminderTable) => {
      const r = await db
        .insertInto('roundReminders')
        .values(row)
        .onConflict((oc) => oc.columns(['roundId', 'unitId', 'kind', 'deadlineAt']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    remindableTasks: (horizon: string) =>
      db
        .selectFrom('tasks as t')
        .innerJoin('units as u', 'u.id', 't.unitId')
        .select(['t.id', 't.yearId', 't.unitId', 't.title', 't.deadlineAt', 'u.name as unitName'])
        .where('t.status', '=', 'open')
        .where('t.deadlineAt', 'is not', null)
        .where('t.deadlineAt', '<=', horizon)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('reminders as r')
                .select('r.id')
                .whereRef('r.taskId', '=', 't.id')
                .whereRef('r.deadlineAt', '=', 't.deadlineAt')
                .where('r.kind', '=', 'overdue'),
            ),
          ),
        )
        .execute(),
    sentReminders: (taskIds: readonly string[]) =>
      taskIds.length
        ? db
            .selectFrom('reminders')
            .select(['taskId', 'kind', 'deadlineAt'])
            .where('taskId', 'in', taskIds)
            .execute()
        : Promise.resolve([]),
    /**
     * The claim: inserting (task, kind, deadline) succeeds for exactly one instance; the others' inserts hit
     * the unique constraint and do nothing (on PostgreSQL they wait for the winner's commit first).
     */
    claimReminder: async (row: {
      id: string;
      taskId: string;
      kind: string;
      deadlineAt: string;
      claimedBy: string;
      claimedAt: string;
    }) => {
      const r = await db
        .insertInto('reminders')
        .values(row)
        .onConflict((oc) => oc.columns(['taskId', 'kind', 'deadlineAt']).doNothing())
        .executeTakeFirst();
      return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
    },

    feedOfUnit: (unitId: string) =>
      db.selectFrom('calendarFeeds').selectAll().where('unitId', '=', unitId).executeTakeFirst(),
    feedByToken: (token: string) =>
      db.selectFrom('calendarFeeds').selectAll().where('token', '=', token).executeTakeFirst(),
    saveFeed: async (row: { unitId: string; token: string; createdAt: string }) => {
      await db.deleteFrom('calendarFeeds').where('unitId', '=', row.unitId).execute();
      await db.insertInto('calendarFeeds').values(row).execute();
    },

    /** What a unit's calendar feed shows: its name, its dated tasks (cancelled ones too), its years' published plans. */
    calendarOfUnit: async (unitId: string) => {
      const unit = await db
        .selectFrom('units')
        .select('name')
        .where('id', '=', unitId)
        .executeTakeFirstOrThrow();
      const tasks = await db
        .selectFrom('tasks as t')
        .innerJoin('plans as p', 'p.id', 't.planId')
        .select(['t.id', 't.title', 't.deadlineAt', 't.status', 'p.publishedVersion'])
        .where('t.unitId', '=', unitId)
        .where('t.deadlineAt', 'is not', null)
        .execute();
      const milestoneIds = new Set(
        (await db.selectFrom('tasks').select('milestoneId').where('unitId', '=', unitId).execute()).map(
          (r) => r.milestoneId,
        ),
      );
      const plans = (
        await db
          .selectFrom('plans as p')
          .innerJoin('memberships as m', (j) =>
            j.onRef('m.yearId', '=', 'p.yearId').on('m.unitId', '=', unitId),
          )
          .innerJoin('planVersions as v', (j) =>
            j.onRef('v.planId', '=', 'p.id').onRef('v.version', '=', 'p.publishedVersion'),
          )
          .select(['v.contentJson', 'v.version'])
          .execute()
      ).map((r) => ({ version: r.version, content: parsePlanContent(r.contentJson) }));
      return { unitName: unit.name, tasks, milestoneIds, plans };
    },
  };
}
