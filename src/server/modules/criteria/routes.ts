import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZCriteriaImportPreviewSchema,
  ZCriteriaSetSchema,
  ZCriteriaSetUpdateRequestSchema,
} from '../../../shared/criteria';
import { ZIdParamsSchema } from '../../../shared/org';
import { ctxOf } from '../../plugins/auth';
import { bodyCheckedInService, sendFile, uploadOf } from '../../http';
import { exportCriteria, exportBlankSheet, previewCriteriaImport } from './files-service';
import { getCurrentSet, getSet, saveDraft, startDraft } from './service';

export const criteriaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['criteria'];
  const params = ZIdParamsSchema;

  app.get(
    '/years/:id/criteria',
    {
      schema: {
        tags,
        summary: "The year's current criteria set",
        params,
        response: { 200: z.object({ set: ZCriteriaSetSchema.nullable() }) },
      },
    },
    async (req) => ({
      set: await getCurrentSet(db, req.params.id, ctxOf(req)),
    }),
  );
  app.post(
    '/years/:id/criteria',
    {
      schema: {
        tags,
        summary: 'Start a draft (copy of the current or last year’s set)',
        params,
        response: { 201: ZCriteriaSetSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await startDraft(db, req.params.id, ctxOf(req))),
  );
  app.get(
    '/criteria-sets/:id',
    {
      schema: {
        tags,
        summary: 'One version of a criteria set (e.g. a round’s locked set)',
        params,
        response: { 200: ZCriteriaSetSchema },
      },
    },
    (req) => getSet(db, req.params.id, ctxOf(req)),
  );
  app.put(
    '/criteria-sets/:id',
    {
      schema: {
        tags,
        summary: 'Save a draft set',
        params,
        body: ZCriteriaSetUpdateRequestSchema,
        response: { 200: ZCriteriaSetSchema },
      },
      validatorCompiler: bodyCheckedInService,
    },
    (req) => saveDraft(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/criteria-sets/:id/import/preview',
    {
      config: { upload: true },
      schema: {
        tags,
        summary: 'Read a criteria file (.xlsx/.csv, multipart "file") for the head to check; saves nothing',
        params,
        response: { 200: ZCriteriaImportPreviewSchema },
      },
    },
    async (req) => previewCriteriaImport(db, req.params.id, uploadOf(req), ctxOf(req)),
  );
  app.get(
    '/criteria-sets/:id/export.xlsx',
    { schema: { tags, summary: 'The set as .xlsx', params } },
    async (req, reply) => sendFile(reply, await exportCriteria(db, req.params.id, ctxOf(req))),
  );
  app.get(
    '/criteria-sets/:id/blank-sheet.:format',
    {
      schema: {
        tags,
        summary: 'A blank score sheet (.xlsx or .docx)',
        params: params.extend({ format: z.enum(['xlsx', 'docx']) }),
      },
    },
    async (req, reply) =>
      sendFile(reply, await exportBlankSheet(db, req.params.id, req.params.format, ctxOf(req))),
  );
};
