import { randomUUID } from 'node:crypto';
import { notificationKinds, type TNotificationKind } from '../../../shared/plans';
import { now } from '../../clock';
import { uuidv7 } from '../../db/ids';
import type { Executor } from '../../db/schema';
import { createNotificationRepository } from './repository';

export interface UnitMessage {
  unitId: string;
  title: string;
  body: string;
  taskId?: string | null;
}

/** Which kinds a user gets by e-mail: every kind unless they turned it off. */
export async function emailPreferences(
  db: Executor,
  userIds: readonly string[],
): Promise<Map<string, Set<TNotificationKind>>> {
  const prefs = await createNotificationRepository(db).preferences(userIds);
  const out = new Map(userIds.map((id) => [id, new Set<TNotificationKind>(notificationKinds)]));
  for (const p of prefs) if (!p.email) out.get(p.userId)?.delete(p.kind as TNotificationKind);
  return out;
}

const footer =
  '\n\n--\nThư gửi tự động từ ThiĐua. Bạn có thể tắt nhận thư loại này trong mục Thông báo › Cài đặt.';

interface Recipient {
  id: string;
  unitId: string | null;
  email: string | null;
  fullName: string;
}

/**
 * Writes one in-app notification per recipient, and an e-mail in the outbox for those with an address who
 * want this kind by e-mail. Call it inside the transaction of what caused it, so that a notification exists
 * exactly when its cause was committed.
 */
async function deliver(
  tx: Executor,
  kind: TNotificationKind,
  items: readonly { user: Recipient; message: UnitMessage | Omit<UnitMessage, 'unitId'> }[],
  o: { yearId?: string | null; reminderId?: string | null },
): Promise<{ notifications: number; emails: number }> {
  const repo = createNotificationRepository(tx);
  const prefs = await emailPreferences(tx, [...new Set(items.map((i) => i.user.id))]);
  const at = now().toISOString();
  const notifications = [];
  const emails = [];
  for (const { user: u, message: m } of items) {
    const id = uuidv7();
    notifications.push({
      id,
      userId: u.id,
      unitId: u.unitId,
      yearId: o.yearId ?? null,
      taskId: m.taskId ?? null,
      reminderId: o.reminderId ?? null,
      kind,
      title: m.title,
      body: m.body,
      createdAt: at,
      readAt: null,
    });
    if (u.email && prefs.get(u.id)?.has(kind)) {
      emails.push({
        id: randomUUID(),
        notificationId: id,
        toAddress: u.email,
        subject: `[ThiĐua] ${m.title}`,
        body: `Kính gửi ${u.fullName},\n\n${m.body}${footer}`,
        status: 'pending' as const,
        attempts: 0,
        lastError: null,
        claimedBy: null,
        claimedAt: null,
        createdAt: at,
        sentAt: null,
      });
    }
  }
  await repo.insertNotifications(notifications);
  await repo.insertOutbox(emails);
  return { notifications: notifications.length, emails: emails.length };
}

/**
 * Notifies the officers and leaders of each unit (only its leaders with `leadersOnly`), in-app and by
 * e-mail. Runs in the transaction of what caused it.
 */
export async function notifyUnits(
  tx: Executor,
  kind: TNotificationKind,
  messages: readonly UnitMessage[],
  o: { yearId?: string | null; reminderId?: string | null; leadersOnly?: boolean } = {},
): Promise<{ notifications: number; emails: number }> {
  const users = await createNotificationRepository(tx).unitUsers([...new Set(messages.map((m) => m.unitId))]);
  const items = messages.flatMap((m) =>
    users
      .filter((u) => u.unitId === m.unitId && (!o.leadersOnly || u.role === 'leader'))
      .map((user) => ({ user, message: m })),
  );
  return deliver(tx, kind, items, o);
}

/** Notifies every active city board account (Ban TĐKT), in-app and by e-mail. */
export async function notifyBoard(
  tx: Executor,
  kind: TNotificationKind,
  message: { title: string; body: string },
  o: { yearId?: string | null } = {},
): Promise<{ notifications: number; emails: number }> {
  const users = await createNotificationRepository(tx).boardUsers();
  return deliver(
    tx,
    kind,
    users.map((user) => ({ user, message })),
    o,
  );
}

/** Notifies one user (whoever asked for an approval hears of the decision). */
export async function notifyUser(
  tx: Executor,
  kind: TNotificationKind,
  userId: string,
  message: { title: string; body: string },
  o: { yearId?: string | null } = {},
): Promise<void> {
  const user = await createNotificationRepository(tx).activeUser(userId);
  if (user) await deliver(tx, kind, [{ user, message }], o);
}
