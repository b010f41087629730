import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZAuditPageSchema, ZAuditQuerySchema } from '../../../shared/audit';
import { ctxOf } from '../../plugins/auth';
import { allow, policies } from '../../policy';
import { listAudit } from './repository';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log (admin)',
        querystring: ZAuditQuerySchema,
        response: { 200: ZAuditPageSchema },
      },
    },
    async (req) => {
      allow(policies.readAudit(ctxOf(req).actor));
      return listAudit(app.db, req.query);
    },
  );
};
