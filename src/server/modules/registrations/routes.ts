import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZIdParamsSchema } from '../../../shared/org';
import {
  ZCatalogueParamsSchema,
  ZCatalogueSaveSchema,
  ZCatalogueSchema,
  ZDispatchInputSchema,
  ZDispatchSchema,
  ZRegistrationInputSchema,
  ZRegistrationOverviewSchema,
  ZRegistrationReturnSchema,
  ZRegistrationSchema,
  ZRegistrationSummaryParamsSchema,
  ZUnitRegistrationSchema,
} from '../../../shared/registrations';
import { sendFile } from '../../http';
import { ctxOf } from '../../plugins/auth';
import { getCatalogue, saveCatalogue } from './catalogue';
import {
  acceptRegistration,
  recordDispatch,
  registrationOverview,
  returnRegistration,
} from './review-service';
import { getMyRegistration, saveRegistration, submitRegistration } from './service';
import { exportSummary } from './summary-service';

/** The award catalogue, units' title registrations and the head's summary. Thin: one service per route. */
export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.db;
  const tags = ['registrations'];
  const params = ZIdParamsSchema;
  const mine = { 200: ZRegistrationSchema };
  const decided = { 200: ZUnitRegistrationSchema };

  app.get(
    '/award-catalogue/:year',
    {
      schema: {
        tags,
        summary: "A year's catalogue of titles and awards",
        params: ZCatalogueParamsSchema,
        response: { 200: ZCatalogueSchema },
      },
    },
    (req) => getCatalogue(db, req.params.year, ctxOf(req)),
  );
  app.put(
    '/award-catalogue/:year',
    {
      schema: {
        tags,
        summary: "Save a year's catalogue (city board)",
        params: ZCatalogueParamsSchema,
        body: ZCatalogueSaveSchema,
        response: { 200: ZCatalogueSchema },
      },
    },
    (req) => saveCatalogue(db, req.params.year, req.body, ctxOf(req)),
  );
  app.get(
    '/years/:id/registration',
    { schema: { tags, summary: "My unit's registration", params, response: mine } },
    (req) => getMyRegistration(db, req.params.id, ctxOf(req)),
  );
  app.put(
    '/years/:id/registration',
    {
      schema: {
        tags,
        summary: "Save my unit's registration as a draft",
        params,
        body: ZRegistrationInputSchema,
        response: mine,
      },
    },
    (req) => saveRegistration(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/years/:id/registration/submit',
    {
      schema: {
        tags,
        summary: "Send my unit's registration to the head (leader)",
        params,
        body: ZRegistrationInputSchema,
        response: mine,
      },
    },
    (req) => submitRegistration(db, req.params.id, req.body, ctxOf(req)),
  );
  app.get(
    '/years/:id/registrations',
    {
      schema: {
        tags,
        summary: "Every unit's registration status (head, deputy, board)",
        params,
        response: { 200: ZRegistrationOverviewSchema },
      },
    },
    (req) => registrationOverview(db, req.params.id, ctxOf(req)),
  );
  app.post(
    '/registrations/:id/return',
    {
      schema: {
        tags,
        summary: 'Return a registration with a reason (head)',
        params,
        body: ZRegistrationReturnSchema,
        response: decided,
      },
    },
    (req) => returnRegistration(db, req.params.id, req.body, ctxOf(req)),
  );
  app.post(
    '/registrations/:id/accept',
    { schema: { tags, summary: 'Accept a registration (head)', params, response: decided } },
    (req) => acceptRegistration(db, req.params.id, ctxOf(req)),
  );
  app.get(
    '/years/:id/registrations/summary.:format',
    {
      schema: {
        tags,
        summary: 'Bảng tổng hợp đăng ký thi đua (.xlsx/.docx)',
        params: ZRegistrationSummaryParamsSchema,
      },
    },
    async (req, reply) =>
      sendFile(reply, await exportSummary(db, req.params.id, req.params.format, ctxOf(req))),
  );
  app.post(
    '/years/:id/registrations/dispatches',
    {
      schema: {
        tags,
        summary: 'Record that the summary was sent to the Council (head)',
        params,
        body: ZDispatchInputSchema,
        response: { 201: z.array(ZDispatchSchema) },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await recordDispatch(db, req.params.id, req.body, ctxOf(req))),
  );
};
