import type { Executor, NotificationTable, OutboxTable } from '../../db/schema';

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
    preferences: (userIds: readonly string[]) =>
      userIds.length
        ? db.selectFrom('notificationPreferences').selectAll().where('userId', 'in', userIds).execute()
        : Promise.resolve([]),
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
  };
}
