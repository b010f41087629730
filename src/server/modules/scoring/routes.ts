import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../shared/org';
import {
  ZMySheetsSchema,
  ZProgressSchema,
  ZReopenRequestSchema,
  ZResultsSchema,
  ZRoundCreateRequestSchema,
  ZRoundSchema,
  ZSheetSaveRequestSchema,
  ZSheetSchema,
  ZSheetSubmitRequestSchema,
  ZFairnessSchema,
} from '../../../shared/scoring';
import { ZOkSchema } from '../../../shared/auth';
import { sendFile } from '../../http';
import { ctxOf } from '../../plugins/auth';
import { exportResults, exportSheet } from './files-service';
import { getFairness, getProgress, getResults } from './results-service';
import { closeRound, publishResults, reopenUnit } from './round-actions';
import { getRound, listRounds, openRound } from './rounds-service';
import { getSheet, mySheets, saveDraft, submitAll, submitSheet } from './sheets-service';

/** Scoring rounds and sheets. Thin: each handler calls one service function. */
export const scoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['scoring'];
  const params = ZIdParamsSchema;
  const format = params.extend({ format: z.enum(['xlsx', 'docx']) });

  app.get(
    '/years/:id/rounds',
    { schema: { tags, params, response: { 200: z.array(ZRoundSchema) } } },
    (req) => listRounds(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/years/:id/rounds',
    {
      schema: {
        tags,
        summary: 'Open a scoring round (head)',
        params,
        body: ZRoundCreateRequestSchema,
        response: { 201: ZRoundSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await openRound(db, req.params.id, req.body, ctxOf(req))),
  );
  app.get('/rounds/:id', { schema: { tags, params, response: { 200: ZRoundSchema } } }, (req) =>
    getRound(db, req.params.id, ctxOf(req)),
  );
  app.get(
    '/rounds/:id/my-sheets',
    { schema: { tags, summary: "My unit's N sheets", params, response: { 200: ZMySheetsSchema } } },
    (req) => mySheets(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/rounds/:id/submit-all',
    {
      schema: {
        tags,
        summary: "Submit all my unit's sheets (leader)",
        params,
        response: { 200: ZMySheetsSchema },
      },
    },
    (req) => submitAll(db, req.params.id, ctxOf(req)),
  );
  app.get(
    '/rounds/:id/progress',
    {
      schema: {
        tags,
        summary: 'Submission grid, without scores (head, deputy, board)',
        params,
        response: { 200: ZProgressSchema },
      },
    },
    (req) => getProgress(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/rounds/:id/close',
    { schema: { tags, summary: 'Close the round (head)', params, response: { 200: ZRoundSchema } } },
    (req) => closeRound(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/rounds/:id/reopen',
    {
      schema: {
        tags,
        summary: "Reopen one unit's sheets with a reason (head)",
        params,
        body: ZReopenRequestSchema,
        response: { 200: ZOkSchema },
      },
    },
    async (req) => {
      await reopenUnit(db, req.params.id, req.body, ctxOf(req));
      return { ok: true as const };
    },
  );
  app.get('/rounds/:id/results', { schema: { tags, params, response: { 200: ZResultsSchema } } }, (req) =>
    getResults(db, req.params.id, ctxOf(req)),
  );
  app.get(
    '/rounds/:id/analysis',
    {
      schema: {
        tags,
        summary: 'Advisory fairness analysis (same access as results)',
        params,
        response: { 200: ZFairnessSchema },
      },
    },
    (req) => getFairness(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/rounds/:id/publish',
    { schema: { tags, summary: 'Publish the results (head)', params, response: { 200: ZRoundSchema } } },
    (req) => publishResults(db, req.params.id, ctxOf(req)),
  );
  app.get(
    '/rounds/:id/results.:format',
    { schema: { tags, summary: 'Bảng tổng hợp kết quả chấm điểm (.xlsx/.docx)', params: format } },
    async (req, reply) =>
      sendFile(reply, await exportResults(db, req.params.id, req.params.format, ctxOf(req))),
  );

  app.get(
    '/sheets/:id',
    { schema: { tags, params, response: { 200: ZSheetSchema.extend({ roundTitle: z.string() }) } } },
    (req) => getSheet(db, req.params.id, ctxOf(req)),
  );
  app.put(
    '/sheets/:id/draft',
    {
      schema: {
        tags,
        summary: 'Autosave a draft (409 when someone saved since)',
        params,
        body: ZSheetSaveRequestSchema,
        response: { 200: ZSheetSchema },
      },
    },
    (req) => saveDraft(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/sheets/:id/submit',
    {
      schema: {
        tags,
        summary: 'Submit one sheet (leader)',
        params,
        body: ZSheetSubmitRequestSchema,
        response: { 200: ZSheetSchema },
      },
    },
    (req) => submitSheet(db, req.params.id, req.body.revision, ctxOf(req)),
  );
  app.get(
    '/sheets/:id/export.:format',
    { schema: { tags, summary: 'One sheet as .xlsx/.docx', params: format } },
    async (req, reply) =>
      sendFile(reply, await exportSheet(db, req.params.id, req.params.format, ctxOf(req))),
  );
};
