import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZImportResultSchema } from '../../../shared/org';
import { writeTable } from '../../documents/tabular';
import { uploadOf } from '../../http';
import { ctxOf } from '../../plugins/auth';
import { allow, policies } from '../../policy';
import { templateExamples, type ImportKind } from './columns';
import { importFile, templateHeaders } from './service';

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
    { schema: { tags: ['org'], summary: 'Import template', params: ZKindParams } },
    async (req, reply) => {
      allow(policies.manageOrg(ctxOf(req).actor));
      const kind: ImportKind = req.params.kind;
      const buffer = await writeTable(
        kind === 'units' ? 'Đơn vị' : 'Tài khoản',
        templateHeaders(kind),
        templateExamples[kind],
      );
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header(
          'content-disposition',
          `attachment; filename="mau-nhap-${kind === 'units' ? 'don-vi' : 'tai-khoan'}.xlsx"`,
        )
        .send(buffer);
    },
  );
};
