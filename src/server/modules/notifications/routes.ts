import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZOkSchema } from '../../../shared/auth';
import { ZIdParamsSchema } from '../../../shared/org';
import {
  ZCalendarFeedSchema,
  ZCalendarParamsSchema,
  ZNotificationListQuerySchema,
  ZNotificationListSchema,
  ZNotificationPreferencesRequestSchema,
  ZNotificationPreferencesSchema,
  ZOutboxQuerySchema,
  ZOutboxSchema,
} from '../../../shared/plans';
import { ctxOf } from '../../plugins/auth';
import { calendarIcs, myFeed, rotateFeed } from './calendar-service';
import {
  getPreferences,
  listOutbox,
  markAllRead,
  markRead,
  myNotifications,
  setPreferences,
} from './service';

/** In-app notifications, e-mail preferences, the outbox (admin) and each unit's calendar feed. */
export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['notifications'];
  // Links are built from PUBLIC_URL, never from the request's Host header (which the client chooses).
  const base = app.config.publicUrl;

  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'My notifications',
        querystring: ZNotificationListQuerySchema,
        response: { 200: ZNotificationListSchema },
      },
    },
    (req) => myNotifications(db, req.query, ctxOf(req)),
  );
  app.post(
    '/notifications/:id/read',
    { schema: { tags, params: ZIdParamsSchema, response: { 200: ZOkSchema } } },
    async (req) => {
      await markRead(db, req.params.id, ctxOf(req));
      return { ok: true as const };
    },
  );
  app.post('/notifications/read-all', { schema: { tags, response: { 200: ZOkSchema } } }, async (req) => {
    await markAllRead(db, ctxOf(req));
    return { ok: true as const };
  });
  app.get(
    '/notification-preferences',
    { schema: { tags, response: { 200: ZNotificationPreferencesSchema } } },
    (req) => getPreferences(db, ctxOf(req)),
  );
  app.put(
    '/notification-preferences',
    {
      schema: {
        tags,
        body: ZNotificationPreferencesRequestSchema,
        response: { 200: ZNotificationPreferencesSchema },
      },
    },
    (req) => setPreferences(db, req.body, ctxOf(req)),
  );
  app.get(
    '/outbox',
    {
      schema: {
        tags,
        summary: 'E-mails written by the app (admin)',
        querystring: ZOutboxQuerySchema,
        response: { 200: ZOutboxSchema },
      },
    },
    (req) => listOutbox(db, req.query, app.config.smtp !== null, ctxOf(req)),
  );

  app.get(
    '/calendar-feed',
    { schema: { tags, summary: "My unit's private calendar URL", response: { 200: ZCalendarFeedSchema } } },
    (req) => myFeed(db, ctxOf(req), base),
  );
  app.post(
    '/calendar-feed/rotate',
    { schema: { tags, summary: 'Replace my unit’s calendar URL', response: { 200: ZCalendarFeedSchema } } },
    (req) => rotateFeed(db, ctxOf(req), base),
  );
  // Public: calendar clients cannot sign in; the unguessable token is the credential.
  app.get(
    '/calendar/:token.ics',
    {
      config: { public: true },
      schema: { tags, summary: 'A unit’s deadlines as iCalendar', params: ZCalendarParamsSchema },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendarIcs(db, req.params.token)),
  );
};
