import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZAttachQuerySchema,
  ZAttendanceRequestSchema,
  ZEventInputSchema,
  ZEventListSchema,
  ZEventSchema,
  ZExemplarInputSchema,
  ZExemplarListSchema,
  ZExemplarMarkRequestSchema,
  ZExemplarQuerySchema,
  ZExemplarSchema,
} from '../../../shared/events';
import { ZIdParamsSchema } from '../../../shared/org';
import { bodyCheckedInService, uploadOf } from '../../http';
import { ctxOf } from '../../plugins/auth';
import {
  cancelEvent,
  createEvent,
  getEvent,
  listEvents,
  recordAttendance,
  updateEvent,
} from './event-service';
import { listExemplars, markExemplar, publishExemplar, updateExemplar } from './exemplar-service';
import { attachToEvent, attachToExemplar, downloadAttachment } from './files-service';

const missingFile = 'Hãy chọn tệp (.pdf, .docx, .doc, .xlsx, .jpg, .png) để tải lên.';

/** Events, their attendance and files; exemplary models. Thin: one service per route. */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['events'];
  const params = ZIdParamsSchema;

  app.get(
    '/years/:id/events',
    { schema: { tags, summary: "The year's events", params, response: { 200: ZEventListSchema } } },
    (req) => listEvents(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/years/:id/events',
    {
      schema: {
        tags,
        summary: 'Create an event (head)',
        params,
        body: ZEventInputSchema,
        response: { 201: ZEventSchema },
      },
      validatorCompiler: bodyCheckedInService,
    },
    async (req, reply) => reply.status(201).send(await createEvent(db, req.params.id, req.body, ctxOf(req))),
  );
  app.get(
    '/events/:id',
    { schema: { tags, summary: 'One event', params, response: { 200: ZEventSchema } } },
    (req) => getEvent(db, req.params.id, ctxOf(req)),
  );
  app.put(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Edit an event (head)',
        params,
        body: ZEventInputSchema,
        response: { 200: ZEventSchema },
      },
      validatorCompiler: bodyCheckedInService,
    },
    (req) => updateEvent(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/events/:id/cancel',
    { schema: { tags, summary: 'Cancel an event (head)', params, response: { 200: ZEventSchema } } },
    (req) => cancelEvent(db, req.params.id, ctxOf(req)),
  );
  app.put(
    '/events/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Record attendance per unit (head)',
        params,
        body: ZAttendanceRequestSchema,
        response: { 200: ZEventSchema },
      },
    },
    (req) => recordAttendance(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/events/:id/attachments',
    {
      config: { upload: true },
      schema: {
        tags,
        summary: 'Attach a file to an event (head; multipart "file"); minutes complete its plan task',
        params,
        querystring: ZAttachQuerySchema,
        response: { 201: ZEventSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await attachToEvent(
            db,
            req.params.id,
            req.query.kind,
            uploadOf(req, missingFile),
            app.files,
            ctxOf(req),
          ),
        ),
  );
  app.get(
    '/attachments/:id/file',
    { schema: { tags, summary: "An event's or exemplary model's file", params } },
    async (req, reply) => {
      const file = await downloadAttachment(db, req.params.id, app.files, ctxOf(req));
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.data);
    },
  );

  app.get(
    '/years/:id/exemplars',
    {
      schema: {
        tags,
        summary: 'Exemplary models of the year (accent-insensitive search "q")',
        params,
        querystring: ZExemplarQuerySchema,
        response: { 200: ZExemplarListSchema },
      },
    },
    (req) => listExemplars(db, req.params.id, req.query, ctxOf(req)),
  );
  app.post(
    '/years/:id/exemplars',
    {
      schema: {
        tags,
        summary: "Publish one of the caller's unit's exemplary models",
        params,
        body: ZExemplarInputSchema,
        response: { 201: ZExemplarSchema },
      },
      validatorCompiler: bodyCheckedInService,
    },
    async (req, reply) =>
      reply.status(201).send(await publishExemplar(db, req.params.id, req.body, ctxOf(req))),
  );
  app.put(
    '/exemplars/:id',
    {
      schema: {
        tags,
        summary: 'Edit an exemplary model (its unit)',
        params,
        body: ZExemplarInputSchema,
        response: { 200: ZExemplarSchema },
      },
      validatorCompiler: bodyCheckedInService,
    },
    (req) => updateExemplar(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/exemplars/:id/present',
    {
      schema: {
        tags,
        summary: 'Mark an exemplary model to present at the year-end conference (head)',
        params,
        body: ZExemplarMarkRequestSchema,
        response: { 200: ZExemplarSchema },
      },
    },
    (req) => markExemplar(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/exemplars/:id/attachments',
    {
      config: { upload: true },
      schema: {
        tags,
        summary: 'Attach a file to an exemplary model (its unit; multipart "file")',
        params,
        response: { 201: ZExemplarSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await attachToExemplar(db, req.params.id, uploadOf(req, missingFile), app.files, ctxOf(req))),
  );
};
