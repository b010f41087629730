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
        response: { 200: ZHealthSchema, 503: ZHealthSchema },
      },
    },
    async (_req, reply) => {
      const base = {
        db: app.dbHandle.kind,
        migration: await currentMigration(app.db),
        pdf: await hasSoffice(),
      };
      const failure = app.dbHandle.writeFailure?.() ?? null;
      // A monitor restarts the server on 503: after a failed disk flush it refuses every write until then.
      // The details (errno) go to the log, not to this public answer.
      if (failure) {
        app.log.error({ failure }, 'health: writes refused');
        return reply.status(503).send({
          status: 'error' as const,
          ...base,
          error: 'Máy chủ đang từ chối ghi dữ liệu sau một lỗi ghi đĩa; cần khởi động lại máy chủ.',
        });
      }
      return { status: 'ok' as const, ...base };
    },
  );
};
