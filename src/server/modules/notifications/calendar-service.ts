import { randomBytes } from 'node:crypto';
import { deadlineText } from '../../../domain/plans';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { forbidden, notFound } from '../../errors';
import { recordAudit } from '../audit/repository';
import { unitEventsForCalendar } from '../events/calendar';
import { buildCalendar, type CalendarEvent } from './ics';
import { createNotificationRepository } from './repository';

export interface FeedInfo {
  unitId: string;
  path: string;
  url: string;
  createdAt: string;
}

const newToken = () => randomBytes(24).toString('base64url');
const feedPath = (token: string) => `/api/calendar/${token}.ics`;

function unitOf(ctx: Ctx): string {
  const { role, unitId } = ctx.actor;
  if ((role !== 'officer' && role !== 'leader') || !unitId) {
    throw forbidden('Chỉ cán bộ và lãnh đạo của một đơn vị có lịch riêng của đơn vị.');
  }
  return unitId;
}

/** The caller's unit's private calendar URL (created on first use). */
export async function myFeed(db: Executor, ctx: Ctx, baseUrl: string): Promise<FeedInfo> {
  try {
    return await createOrReadFeed(db, ctx, baseUrl);
  } catch (e) {
    // Two first requests at once (PostgreSQL): the other one created the feed; read it.
    if (isUniqueViolation(e)) return createOrReadFeed(db, ctx, baseUrl);
    throw e;
  }
}

function createOrReadFeed(db: Executor, ctx: Ctx, baseUrl: string): Promise<FeedInfo> {
  const unitId = unitOf(ctx);
  return inTransaction(db, async (tx) => {
    const repo = createNotificationRepository(tx);
    let feed = await repo.feedOfUnit(unitId);
    if (!feed) {
      feed = { unitId, token: newToken(), createdAt: now().toISOString() };
      await repo.saveFeed(feed);
      await recordAudit(tx, ctx, { action: 'calendar.created', entityType: 'unit', entityId: unitId });
    }
    return {
      unitId,
      path: feedPath(feed.token),
      url: baseUrl + feedPath(feed.token),
      createdAt: feed.createdAt,
    };
  });
}

/** Replaces the unit's calendar URL: the old one stops working at once (e.g. after it was shared by mistake). */
export async function rotateFeed(db: Executor, ctx: Ctx, baseUrl: string): Promise<FeedInfo> {
  const unitId = unitOf(ctx);
  return inTransaction(db, async (tx) => {
    const feed = { unitId, token: newToken(), createdAt: now().toISOString() };
    await createNotificationRepository(tx).saveFeed(feed);
    await recordAudit(tx, ctx, { action: 'calendar.rotated', entityType: 'unit', entityId: unitId });
    return {
      unitId,
      path: feedPath(feed.token),
      url: baseUrl + feedPath(feed.token),
      createdAt: feed.createdAt,
    };
  });
}

/** How long a deadline shows in a calendar: the half hour before it. */
const SLOT_MS = 30 * 60_000;

/** The unit's feed: its tasks' deadlines and the events of the plans of the years it is in. */
export async function calendarIcs(db: Executor, token: string): Promise<string> {
  const repo = createNotificationRepository(db);
  const feed = await repo.feedByToken(token);
  if (!feed) throw notFound('lịch');
  const { unitName, tasks, milestoneIds: taskMilestones, plans } = await repo.calendarOfUnit(feed.unitId);
  const unit = { name: unitName };
  const events: CalendarEvent[] = tasks.map((t) => {
    const end = new Date(t.deadlineAt!);
    return {
      uid: `task-${t.id}@thidua`,
      start: new Date(end.getTime() - SLOT_MS),
      end,
      summary: `Hạn: ${t.title}${t.status === 'done' ? ' (đã hoàn thành)' : ''}`,
      description: `${unit.name}. ${deadlineText(t.deadlineAt!)}.`,
      // A plan version moves deadlines and cancels tasks; the cancellation itself is one more change.
      sequence: t.publishedVersion + (t.status === 'cancelled' ? 1 : 0),
      cancelled: t.status === 'cancelled',
    };
  });
  for (const row of plans) {
    const content = row.content;
    for (const m of content.milestones) {
      if (!m.deadlineAt || !m.deliverables.includes('event') || taskMilestones.has(m.id)) continue;
      const end = new Date(m.deadlineAt);
      events.push({
        uid: `milestone-${m.id}@thidua`,
        start: new Date(end.getTime() - SLOT_MS),
        end,
        summary: `Sự kiện: ${m.title}`,
        description: `${m.sentence} ${deadlineText(m.deadlineAt)}.`,
        sequence: row.version,
      });
    }
  }
  events.push(...(await unitEventsForCalendar(db, feed.unitId)));
  events.sort((a, b) => a.start.getTime() - b.start.getTime());
  return buildCalendar({ name: `ThiĐua – ${unit.name}`, stamp: now(), events });
}
