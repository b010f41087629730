import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../shared/org';
import {
  ZBlocReportParamsSchema,
  ZBoardSchema,
  ZMyTasksSchema,
  ZPlanDocumentParamsSchema,
  ZPlanDocumentQuerySchema,
  ZPlanPublishRequestSchema,
  ZPlanPublishResponseSchema,
  ZPlanSaveRequestSchema,
  ZPlanSchema,
  ZPlanVersionParamsSchema,
  ZPlanVersionSchema,
  ZReportUploadResponseSchema,
  ZTaskCompleteRequestSchema,
  ZTaskSchema,
  ZUrgeRequestSchema,
  ZUrgeResponseSchema,
} from '../../../shared/plans';
import { AppError } from '../../errors';
import { attachment, sendFile, uploadOf } from '../../http';
import { ctxOf } from '../../plugins/auth';
import { planDocument } from './document-service';
import { createPlan, getPlan, getVersion, publishPlan, savePlan, startNextYear } from './plan-service';
import { downloadReport, uploadReport } from './reports-service';
import { blocReportDocument, unitReportsArchive } from './bloc-report-service';
import { completeTask, myTasks, taskBoard } from './tasks-service';
import { urgeUnits } from './urge-service';

const pdfUnavailable = 'Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF. Hãy tải bản Word (.docx).';

/** The year's plan, its versions and document, tasks, reports and urging. Thin: one service per route. */
export const planRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['plans'];
  const params = ZIdParamsSchema;
  const dataDir = app.config.dataDir;

  app.get(
    '/years/:id/plan',
    {
      schema: {
        tags,
        summary: "The year's plan (draft for head and deputy)",
        params,
        response: { 200: z.object({ plan: ZPlanSchema.nullable() }) },
      },
    },
    async (req) => ({
      plan: await getPlan(db, req.params.id, ctxOf(req)),
    }),
  );
  app.post(
    '/years/:id/plan',
    {
      schema: {
        tags,
        summary: 'Start the plan from the template (head)',
        params,
        response: { 201: ZPlanSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createPlan(db, req.params.id, ctxOf(req))),
  );
  app.put(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Save the working copy (head; 409 when someone saved since)',
        params,
        body: ZPlanSaveRequestSchema,
        response: { 200: ZPlanSchema },
      },
    },
    (req) => savePlan(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/plans/:id/publish',
    {
      schema: {
        tags,
        summary: 'Publish as the next version (head; 409 lists unacknowledged warnings)',
        params,
        body: ZPlanPublishRequestSchema,
        response: { 200: ZPlanPublishResponseSchema },
      },
    },
    async (req) => {
      const result = await publishPlan(db, req.params.id, req.body, ctxOf(req));
      await app.reminders
        .flushOutbox()
        .catch((err: unknown) => req.log.error({ err }, 'outbox flush failed'));
      return result;
    },
  );
  app.get(
    '/plans/:id/versions/:version',
    { schema: { tags, params: ZPlanVersionParamsSchema, response: { 200: ZPlanVersionSchema } } },
    (req) => getVersion(db, req.params.id, req.params.version, ctxOf(req)),
  );
  app.post(
    '/plans/:id/next-year',
    {
      schema: {
        tags,
        summary: "Start next year's plan from this one (head)",
        params,
        response: { 201: ZPlanSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await startNextYear(db, req.params.id, ctxOf(req))),
  );
  app.get(
    '/plans/:id/document.:format',
    {
      schema: {
        tags,
        summary: 'Kế hoạch (.docx/.pdf); ?version=n|draft',
        params: ZPlanDocumentParamsSchema,
        querystring: ZPlanDocumentQuerySchema,
      },
    },
    async (req, reply) => {
      const { id, format } = req.params;
      const file = await planDocument(db, id, format, req.query.version, ctxOf(req), app.pdf);
      if (!file) return reply.status(503).send(new AppError('INTERNAL', pdfUnavailable).toBody());
      return sendFile(reply, file);
    },
  );

  app.get(
    '/years/:id/my-tasks',
    { schema: { tags, summary: "My unit's tasks", params, response: { 200: ZMyTasksSchema } } },
    (req) => myTasks(db, req.params.id, ctxOf(req)),
  );
  app.get(
    '/years/:id/tasks/board',
    {
      schema: {
        tags,
        summary: 'Progress board (head, deputy, board)',
        params,
        response: { 200: ZBoardSchema },
      },
    },
    (req) => taskBoard(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/tasks/:id/complete',
    {
      schema: {
        tags,
        summary: 'Check off a task (head)',
        params,
        body: ZTaskCompleteRequestSchema,
        response: { 200: ZTaskSchema },
      },
    },
    (req) => completeTask(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/tasks/:id/report',
    {
      config: { upload: true },
      schema: {
        tags,
        summary: 'Upload the report for a task (multipart "file")',
        params,
        response: { 201: ZReportUploadResponseSchema },
      },
    },
    async (req, reply) => {
      const file = uploadOf(req, 'Hãy chọn tệp báo cáo để tải lên.');
      return reply.status(201).send(await uploadReport(db, req.params.id, file, app.files, ctxOf(req)));
    },
  );
  app.get(
    '/reports/:id/file',
    { schema: { tags, summary: 'A report file (its unit, head, deputy, board)', params } },
    async (req, reply) => {
      const file = await downloadReport(db, req.params.id, { files: app.files, dataDir }, ctxOf(req));
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachment(file.filename))
        .send(file.data);
    },
  );
  app.get(
    '/years/:id/bloc-reports/:period',
    {
      schema: {
        tags,
        summary: "The bloc's mid-year or year-end report (.docx; head, deputy, board)",
        params: ZBlocReportParamsSchema,
      },
    },
    async (req, reply) =>
      sendFile(reply, await blocReportDocument(db, req.params.id, req.params.period, ctxOf(req))),
  );
  app.get(
    '/years/:id/bloc-reports/:period/unit-reports.zip',
    {
      schema: {
        tags,
        summary: "Every unit's report of a period in one .zip with a table of contents (head, deputy, board)",
        params: ZBlocReportParamsSchema,
      },
    },
    async (req, reply) => {
      const zip = await unitReportsArchive(
        db,
        req.params.id,
        req.params.period,
        { files: app.files, dataDir },
        ctxOf(req),
      );
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', attachment(zip.filename))
        .send(zip.stream);
    },
  );
  app.post(
    '/years/:id/urge',
    {
      schema: {
        tags,
        summary: 'Urge one unit or every late unit (head, deputy)',
        params,
        body: ZUrgeRequestSchema,
        response: { 200: ZUrgeResponseSchema },
      },
    },
    async (req) => {
      const result = await urgeUnits(db, req.params.id, req.body, ctxOf(req));
      await app.reminders
        .flushOutbox()
        .catch((err: unknown) => req.log.error({ err }, 'outbox flush failed'));
      return result;
    },
  );
};
