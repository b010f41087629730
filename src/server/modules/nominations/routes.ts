import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZBallotSchema } from '../../../shared/ballots';
import {
  ZAwardRulesSaveSchema,
  ZAwardRulesSchema,
  ZNominationAddSchema,
  ZNominationBallotSchema,
  ZNominationParamsSchema,
  ZNominationRemoveSchema,
  ZNominationsSchema,
} from '../../../shared/nominations';
import { ZIdParamsSchema } from '../../../shared/org';
import { ctxOf } from '../../plugins/auth';
import { getNominations } from './read-service';
import { getAwardRules, saveAwardRules } from './rules-service';
import { addNomination, ballotFromNominations, draftYearNominations, removeNomination } from './service';

/** A year's award rules and nomination lines. Thin: one service per route. */
export const nominationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['nominations'];
  const params = ZIdParamsSchema;
  const lines = { 200: ZNominationsSchema };

  app.get(
    '/years/:id/award-rules',
    { schema: { tags, summary: "The year's award rules", params, response: { 200: ZAwardRulesSchema } } },
    (req) => getAwardRules(db, req.params.id, ctxOf(req)),
  );
  app.put(
    '/years/:id/award-rules',
    {
      schema: {
        tags,
        summary: "Save the year's award rules (the head)",
        params,
        body: ZAwardRulesSaveSchema,
        response: { 200: ZAwardRulesSchema },
      },
    },
    (req) => saveAwardRules(db, req.params.id, req.body, ctxOf(req)),
  );
  app.get(
    '/years/:id/nominations',
    { schema: { tags, summary: 'The nomination lines, their reasons and changes', params, response: lines } },
    (req) => getNominations(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/years/:id/nominations/draft',
    {
      schema: {
        tags,
        summary: 'Draft the lines from the published ranking, registrations and rules',
        params,
        response: lines,
      },
    },
    (req) => draftYearNominations(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/years/:id/nominations/lines',
    {
      schema: {
        tags,
        summary: 'The head adds a line, with a written reason',
        params,
        body: ZNominationAddSchema,
        response: lines,
      },
    },
    (req) => addNomination(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/years/:id/nominations/lines/:lineId/remove',
    {
      schema: {
        tags,
        summary: 'The head takes a line out, with a written reason',
        params: ZNominationParamsSchema,
        body: ZNominationRemoveSchema,
        response: lines,
      },
    },
    (req) => removeNomination(db, req.params.id, req.params.lineId, req.body.reason, ctxOf(req)),
  );
  app.post(
    '/years/:id/nominations/ballot',
    {
      schema: {
        tags,
        summary: 'A draft approval ballot with one question per included line',
        params,
        body: ZNominationBallotSchema,
        response: { 201: ZBallotSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await ballotFromNominations(db, req.params.id, req.body, ctxOf(req))),
  );
};
