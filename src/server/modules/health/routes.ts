import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHealthSchema } from '../../../shared/health';
import { hasSoffice } from '../plans/pdf';
import { currentMigration } from '../../db/migrate';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness, database status and what this server can produce',
        response: { 200: ZHealthSchema },
      },
    },
    async () => ({ status: 'ok' as const, db: app.dbHandle.kind, migration: await currentMigration(app.db), pdf: await hasSoffice() }),
  );
};
