import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ZApprovalDecisionSchema,
  ZApprovalListQuerySchema,
  ZApprovalRefusalSchema,
  ZApprovalRequestSchema,
  ZApprovalSchema,
} from '../../../shared/approvals';
import { ZIdParamsSchema } from '../../../shared/org';
import { ctxOf } from '../../plugins/auth';
import { approve, listApprovals, myApprovals, refuse, requestApproval, withdraw } from './service';

/** Requests for what speaks for the head unit, and their decisions. Thin: one service per route. */
export const approvalRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['approvals'];
  const params = ZIdParamsSchema;
  const list = { 200: z.array(ZApprovalSchema) };

  app.post(
    '/approvals',
    {
      schema: {
        tags,
        summary: 'Ask for an approval (head officer → leader; reopenings → deputy or board)',
        body: ZApprovalRequestSchema,
        response: { 201: ZApprovalSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await requestApproval(db, req.body, ctxOf(req))),
  );
  app.get(
    '/approvals/mine',
    { schema: { tags, summary: 'Requests waiting for my decision', response: list } },
    (req) => myApprovals(db, ctxOf(req)),
  );
  app.get(
    '/years/:id/approvals',
    {
      schema: {
        tags,
        summary: "A year's requests (head, deputy, board)",
        params,
        querystring: ZApprovalListQuerySchema,
        response: list,
      },
    },
    (req) => listApprovals(db, req.params.id, req.query, ctxOf(req)),
  );
  app.post(
    '/approvals/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve: what was asked is done now',
        params,
        body: ZApprovalDecisionSchema,
        response: { 200: ZApprovalSchema },
      },
    },
    (req) => approve(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/approvals/:id/refuse',
    {
      schema: {
        tags,
        summary: 'Refuse with a reason',
        params,
        body: ZApprovalRefusalSchema,
        response: { 200: ZApprovalSchema },
      },
    },
    (req) => refuse(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/approvals/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'The requester takes the request back',
        params,
        response: { 200: ZApprovalSchema },
      },
    },
    (req) => withdraw(db, req.params.id, ctxOf(req)),
  );
};
