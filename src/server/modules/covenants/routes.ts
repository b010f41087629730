import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZCovenantCommentRequestSchema,
  ZCovenantDraftSchema,
  ZCovenantPublishSchema,
  ZCovenantReplySchema,
  ZCovenantSignSchema,
  ZCovenantViewSchema,
} from '../../../shared/covenants';
import { ZIdParamsSchema } from '../../../shared/org';
import { sendFile } from '../../http';
import { ctxOf } from '../../plugins/auth';
import {
  answerCovenantComment,
  commentOnCovenant,
  covenantDocument,
  getCovenant,
  openCovenantComments,
  publishCovenant,
  saveCovenantDraft,
  signCovenant,
} from './service';

/** The year's covenant: draft, comments, publication, signatures, document. Thin: one service per route. */
export const covenantRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['covenants'];
  const params = ZIdParamsSchema;
  const response = { 200: ZCovenantViewSchema };

  app.get(
    '/years/:id/covenant',
    { schema: { tags, summary: "The year's covenant (giao ước thi đua)", params, response } },
    (req) => getCovenant(db, req.params.id, ctxOf(req)),
  );
  app.put(
    '/years/:id/covenant',
    {
      schema: { tags, summary: 'Save the draft (head unit)', params, body: ZCovenantDraftSchema, response },
    },
    (req) => saveCovenantDraft(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/years/:id/covenant/open-comments',
    { schema: { tags, summary: 'Open the draft for comments; members are told', params, response } },
    (req) => openCovenantComments(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/years/:id/covenant/comments',
    {
      schema: {
        tags,
        summary: 'Comment on the draft (member units, within the window)',
        params,
        body: ZCovenantCommentRequestSchema,
        response,
      },
    },
    (req) => commentOnCovenant(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/covenant-comments/:id/reply',
    {
      schema: { tags, summary: 'Answer a comment (head unit)', params, body: ZCovenantReplySchema, response },
    },
    (req) => answerCovenantComment(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/years/:id/covenant/publish',
    {
      schema: {
        tags,
        summary: "Publish the final text (head unit's leader)",
        params,
        body: ZCovenantPublishSchema,
        response,
      },
    },
    (req) => publishCovenant(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/years/:id/covenant/sign',
    {
      schema: {
        tags,
        summary: "Sign the published text for the caller's unit (leaders)",
        params,
        body: ZCovenantSignSchema,
        response,
      },
    },
    (req) => signCovenant(db, req.params.id, req.body, ctxOf(req)),
  );
  app.get(
    '/years/:id/covenant/document.docx',
    { schema: { tags, summary: 'Giao ước thi đua (.docx) with the signing record', params } },
    async (req, reply) => sendFile(reply, await covenantDocument(db, req.params.id, ctxOf(req))),
  );
};
