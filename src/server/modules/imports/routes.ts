import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZImportResultSchema } from '../../../shared/org';
import { sendFile, uploadOf } from '../../http';
import { ctxOf } from '../../plugins/auth';
import { importFile, importTemplate } from './service';

const ZKindParams = z.object({ kind: z.enum(['units', 'users']) });

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/import/:kind',
    {
      config: { upload: true },
      schema: {
        tags: ['org'],
        summary: 'Import units or users from .xlsx/.csv (multipart field "file")',
        params: ZKindParams,
        response: { 200: ZImportResultSchema },
      },
    },
    async (req) => {
      return importFile(app.db, req.params.kind, uploadOf(req), ctxOf(req));
    },
  );

  app.get(
    '/import/template/:kind.xlsx',
    { schema: { tags: ['org'], summary: 'Import template (admin)', params: ZKindParams } },
    async (req, reply) => sendFile(reply, await importTemplate(req.params.kind, ctxOf(req))),
  );
};
