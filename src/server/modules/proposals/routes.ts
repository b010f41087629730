import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../shared/org';
import {
  ZAwardListSchema,
  ZAwardSearchQuerySchema,
  ZDecisionRequestSchema,
  ZProposalSchema,
  ZProposalSendSchema,
  ZPublicResultsRequestSchema,
  ZUnitAwardsSchema,
} from '../../../shared/proposals';
import { bodyCheckedInService, sendFile, uploadOf } from '../../http';
import { ctxOf } from '../../plugins/auth';
import { exportAwards, searchAwards, unitAwards } from './awards-service';
import { dossierZip } from './dossier';
import { proposalDocument } from './documents';
import { switchPublicResults } from './public-page';
import { attachDecisionFile, getProposal, recordDecision, sendProposal } from './service';

/** The proposal to the Council, its documents and decisions, the award history and search. Thin. */
export const proposalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['proposals'];
  const params = ZIdParamsSchema;
  const one = { 200: ZProposalSchema };
  const store = { files: app.files, dataDir: app.config.dataDir };

  app.get(
    '/years/:id/proposal',
    { schema: { tags, summary: "The year's proposal to the Council and its lines", params, response: one } },
    (req) => getProposal(db, req.params.id, ctxOf(req)),
  );
  app.get(
    '/years/:id/proposal/:doc',
    {
      schema: {
        tags,
        summary: 'Biên bản họp bình xét (minutes.docx) or Tờ trình (letter.docx)',
        params: params.extend({ doc: z.enum(['minutes.docx', 'letter.docx']) }),
      },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await proposalDocument(
          db,
          req.params.id,
          req.params.doc === 'minutes.docx' ? 'minutes' : 'letter',
          ctxOf(req),
        ),
      ),
  );
  app.get(
    '/years/:id/dossier.zip',
    { schema: { tags, summary: 'The whole dossier for the Council (.zip)', params } },
    async (req, reply) => sendFile(reply, await dossierZip(db, req.params.id, store, ctxOf(req))),
  );
  app.post(
    '/years/:id/proposal/send',
    {
      schema: {
        tags,
        summary: 'Record that the proposal was sent (head unit’s leader)',
        params,
        body: ZProposalSendSchema,
        response: one,
      },
    },
    (req) => sendProposal(db, req.params.id, req.body, ctxOf(req)),
  );
  app.put(
    '/nominations/:id/decision',
    {
      validatorCompiler: bodyCheckedInService,
      schema: {
        tags,
        summary: "Record the Council's decision on a line (board)",
        params,
        body: ZDecisionRequestSchema,
        response: one,
      },
    },
    (req) => recordDecision(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/nominations/:id/decision-file',
    {
      config: { upload: true },
      schema: {
        tags,
        summary: 'Attach the Council\'s decision (board; multipart "file")',
        params,
        response: one,
      },
    },
    (req) =>
      attachDecisionFile(
        db,
        req.params.id,
        uploadOf(req, 'Hãy chọn tệp quyết định (.pdf, .docx, .doc, .jpg, .png).'),
        app.files,
        ctxOf(req),
      ),
  );
  app.get(
    '/units/:id/awards',
    {
      schema: {
        tags,
        summary: "A unit's decided awards across years",
        params,
        response: { 200: ZUnitAwardsSchema },
      },
    },
    (req) => unitAwards(db, req.params.id, ctxOf(req)),
  );
  app.get(
    '/awards',
    {
      schema: {
        tags,
        summary: 'Search decided awards (board)',
        querystring: ZAwardSearchQuerySchema,
        response: { 200: ZAwardListSchema },
      },
    },
    (req) => searchAwards(db, req.query, ctxOf(req)),
  );
  app.get(
    '/awards.xlsx',
    { schema: { tags, summary: 'The same search as .xlsx (board)', querystring: ZAwardSearchQuerySchema } },
    async (req, reply) => sendFile(reply, await exportAwards(db, req.query, ctxOf(req))),
  );
  app.patch(
    '/blocs/:id/public-results',
    {
      schema: {
        tags,
        summary: "Switch the bloc's public results page on or off (board)",
        params,
        body: ZPublicResultsRequestSchema,
        response: { 200: z.object({ blocId: z.string(), publicResults: z.boolean() }) },
      },
    },
    (req) => switchPublicResults(db, req.params.id, req.body.publicResults, ctxOf(req)),
  );
};
