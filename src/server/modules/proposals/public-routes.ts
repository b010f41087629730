import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../errors';
import { publicResultsHtml } from './public-page';

const NOT_FOUND_HTML =
  '<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Không có trang này</title></head><body><p>Không có trang kết quả công khai này (Khối chưa công bố kết quả hoặc đã tắt trang công khai).</p></body></html>';

/** Public pages, no sign-in, outside /api: a bloc-year's published ranking and decided awards. */
export const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/public/blocs/:blocId/years/:year',
    {
      config: { public: true },
      schema: {
        tags: ['public'],
        summary: "A bloc-year's published ranking and decided awards (HTML, no sign-in)",
        params: z.object({ blocId: z.uuid(), year: z.coerce.number().int().min(2000).max(2100) }),
      },
    },
    async (req, reply) => {
      try {
        const html = await publicResultsHtml(app.db, req.params.blocId, req.params.year);
        return reply
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'public, max-age=60')
          .send(html);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'NOT_FOUND') throw e;
        return reply
          .status(404)
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'no-cache')
          .send(NOT_FOUND_HTML);
      }
    },
  );
};
