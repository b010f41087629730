import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditFacetsSchema, ZAuditPageSchema, ZAuditQuerySchema } from '../../../shared/audit';
import { ctxOf } from '../../plugins/auth';
import { readAudit, readAuditFacets } from './service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['audit'];
  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'Audit log (admin)',
        querystring: ZAuditQuerySchema,
        response: { 200: ZAuditPageSchema },
      },
    },
    (req) => readAudit(app.db, req.query, ctxOf(req)),
  );
  app.get(
    '/audit/facets',
    {
      schema: {
        tags,
        summary: 'The actions and object kinds in the log (admin)',
        response: { 200: ZAuditFacetsSchema },
      },
    },
    (req) => readAuditFacets(app.db, ctxOf(req)),
  );
};
