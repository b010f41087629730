import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZHomeSchema } from '../../../shared/org';
import { ctxOf } from '../../plugins/auth';
import { getHome } from './service';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/home',
    { schema: { tags: ['home'], summary: 'Home page for my role', response: { 200: ZHomeSchema } } },
    (req) => getHome(app.db, ctxOf(req)),
  );
};
