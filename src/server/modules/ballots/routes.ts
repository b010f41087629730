import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZBallotCreateSchema,
  ZBallotDelegateSchema,
  ZBallotListSchema,
  ZBallotReceiptSchema,
  ZBallotSchema,
  ZBallotUpdateSchema,
  ZBallotVoteSchema,
  ZNextYearSchema,
} from '../../../shared/ballots';
import { ZIdParamsSchema } from '../../../shared/org';
import { ctxOf } from '../../plugins/auth';
import { createNextYear } from './next-year-service';
import { closeBallot, createBallot, getBallot, listBallots, openBallot, updateBallot } from './service';
import { delegateVote, vote } from './voting-service';

/** Secret ballots of a bloc-year, and the next year made from its election. Thin: one service per route. */
export const ballotRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['ballots'];
  const params = ZIdParamsSchema;
  const one = { 200: ZBallotSchema };

  app.get(
    '/years/:id/ballots',
    { schema: { tags, summary: "A year's ballots", params, response: { 200: ZBallotListSchema } } },
    (req) => listBallots(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/years/:id/ballots',
    {
      schema: {
        tags,
        summary: 'Draft a ballot (approval questions, or the election of next year’s head and deputy)',
        params,
        body: ZBallotCreateSchema,
        response: { 201: ZBallotSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createBallot(db, req.params.id, req.body, ctxOf(req))),
  );
  app.get(
    '/ballots/:id',
    {
      schema: {
        tags,
        summary: 'A ballot, its count of voters, its tally after close',
        params,
        response: one,
      },
    },
    (req) => getBallot(db, req.params.id, ctxOf(req)),
  );
  app.put(
    '/ballots/:id',
    { schema: { tags, summary: 'Edit a draft ballot', params, body: ZBallotUpdateSchema, response: one } },
    (req) => updateBallot(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/ballots/:id/open',
    { schema: { tags, summary: 'Open the ballot (locks its rules)', params, response: one } },
    (req) => openBallot(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/ballots/:id/close',
    { schema: { tags, summary: 'Close it and publish the tally', params, response: one } },
    (req) => closeBallot(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/ballots/:id/vote',
    {
      schema: {
        tags,
        summary: "Cast the unit's secret vote; answers the receipt code once",
        params,
        body: ZBallotVoteSchema,
        response: { 201: ZBallotReceiptSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await vote(db, req.params.id, req.body, ctxOf(req))),
  );
  app.post(
    '/ballots/:id/delegate',
    {
      schema: {
        tags,
        summary: "Delegate the unit's vote to one of its officers",
        params,
        body: ZBallotDelegateSchema,
        response: one,
      },
    },
    (req) => delegateVote(db, req.params.id, req.body.userId, ctxOf(req)),
  );
  app.post(
    '/years/:id/next-year',
    {
      schema: {
        tags,
        summary:
          'Create next year from this one (members, elected head and deputy, plan and criteria as drafts)',
        params,
        response: { 201: ZNextYearSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await createNextYear(db, req.params.id, ctxOf(req))),
  );
};
