import type { Selectable } from 'kysely';
import {
  notificationKinds,
  type TNotification,
  type TNotificationKind,
  type TNotificationPreferences,
} from '../../../shared/plans';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor, NotificationTable, OutboxTable } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../errors';
import { allow, accountAccess } from '../../access';
import { recordAudit } from '../audit/repository';
import { emailPreferences } from './notify';
import { createNotificationRepository } from './repository';

const present = (n: Selectable<NotificationTable>): TNotification => ({
  id: n.id,
  kind: n.kind as TNotificationKind,
  title: n.title,
  body: n.body,
  taskId: n.taskId,
  yearId: n.yearId,
  createdAt: n.createdAt,
  readAt: n.readAt,
});

/** The caller's notifications, newest first, with the number still unread. */
export async function myNotifications(db: Executor, q: { unreadOnly?: boolean; limit: number }, ctx: Ctx) {
  const repo = createNotificationRepository(db);
  const items = await repo.listNotifications(ctx.actor.userId, q.unreadOnly ?? false, q.limit);
  return { unread: await repo.unreadCount(ctx.actor.userId), items: items.map(present) };
}

/** Marks one of the caller's notifications read (another user's is "not found"). */
export async function markRead(db: Executor, id: string, ctx: Ctx): Promise<void> {
  const n = await createNotificationRepository(db).findNotification(id);
  if (!n || n.userId !== ctx.actor.userId) throw notFound('thông báo');
  await createNotificationRepository(db).markRead(ctx.actor.userId, now().toISOString(), id);
}

export async function markAllRead(db: Executor, ctx: Ctx): Promise<void> {
  await createNotificationRepository(db).markRead(ctx.actor.userId, now().toISOString());
}

/** Which notification kinds the caller also gets by e-mail, and the address they go to. */
export async function getPreferences(db: Executor, ctx: Ctx): Promise<TNotificationPreferences> {
  const kinds = (await emailPreferences(db, [ctx.actor.userId])).get(ctx.actor.userId) ?? new Set();
  return {
    email: Object.fromEntries(notificationKinds.map((k) => [k, kinds.has(k)])) as Record<
      TNotificationKind,
      boolean
    >,
    address: await createNotificationRepository(db).userEmail(ctx.actor.userId),
  };
}

export async function setPreferences(
  db: Executor,
  input: { email: Partial<Record<TNotificationKind, boolean>> },
  ctx: Ctx,
): Promise<TNotificationPreferences> {
  await inTransaction(db, async (tx) => {
    const repo = createNotificationRepository(tx);
    for (const [kind, email] of Object.entries(input.email)) {
      if (email !== undefined) await repo.setPreference(ctx.actor.userId, kind, email);
    }
    await recordAudit(tx, ctx, {
      action: 'notifications.preferences-saved',
      entityType: 'user',
      entityId: ctx.actor.userId,
      after: input.email,
    });
  });
  return getPreferences(db, ctx);
}

const presentMail = (m: Selectable<OutboxTable>) => ({
  id: m.id,
  to: m.toAddress,
  subject: m.subject,
  body: m.body,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: m.createdAt,
  sentAt: m.sentAt,
});

/** The e-mail outbox, newest first: administrators only (it holds every user's mail). */
export async function listOutbox(
  db: Executor,
  q: { status?: OutboxTable['status']; limit: number },
  smtpConfigured: boolean,
  ctx: Ctx,
) {
  allow(accountAccess(ctx.actor).readAudit, 'Chỉ quản trị hệ thống được xem hộp thư đi.');
  return {
    smtpConfigured,
    items: (await createNotificationRepository(db).listOutbox(q.status, q.limit)).map(presentMail),
  };
}
