import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { registerOpenApiSchemas } from '../shared/openapi';
import type { Config } from './config';
import type { DbHandle } from './db/connection';
import type { Db } from './db/schema';
import { multipartLimits } from './limits';
import { authPlugin } from './plugins/auth';
import { registerErrorHandler } from './plugins/errors';
import { sameOriginPlugin } from './plugins/same-origin';
import { securityHeadersPlugin } from './plugins/security-headers';
import { responseSerializer } from './plugins/serializer';
import { approvalRoutes } from './modules/approvals/routes';
import { covenantRoutes } from './modules/covenants/routes';
import { ballotRoutes } from './modules/ballots/routes';
import { auditRoutes } from './modules/audit/routes';
import { criteriaRoutes } from './modules/criteria/routes';
import { eventRoutes } from './modules/events/routes';
import { scoringRoutes } from './modules/scoring/routes';
import { authRoutes } from './modules/auth/routes';
import { healthRoutes } from './modules/health/routes';
import { homeRoutes } from './modules/home/routes';
import { importRoutes } from './modules/imports/routes';
import { orgRoutes } from './modules/org/routes';
import { notificationRoutes } from './modules/notifications/routes';
import { registerReminders } from './modules/notifications/scheduler';
import { createPdfRenderer, type PdfRenderer } from './modules/plans/pdf-renderer';
import { planRoutes } from './modules/plans/routes';
import { nominationRoutes } from './modules/nominations/routes';
import { proposalRoutes } from './modules/proposals/routes';
import { publicRoutes } from './modules/proposals/public-routes';
import { registrationRoutes } from './modules/registrations/routes';
import { registerPlanHooks } from './modules/plans/tasks-service';
import { createLocalFileStore, fileStoreDir, type FileStore } from './storage/file-store';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    dbHandle: DbHandle;
    config: Config;
    pdf: PdfRenderer;
    /** Uploaded files, kept once by content hash. */
    files: FileStore;
  }
}

export type App = FastifyInstance;

/** Builds the whole HTTP app on an open, migrated database. Used by main.ts and by every test. */
export async function buildApp(config: Config, handle: DbHandle): Promise<App> {
  registerOpenApiSchemas();
  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: () => crypto.randomUUID(),
    bodyLimit: 2 * 1024 * 1024,
    // Off unless behind a reverse proxy: otherwise anybody could fake X-Forwarded-For and dodge rate limits.
    trustProxy: config.trustProxy,
    // A URL Fastify cannot decode gets the same error shape as every other bad request.
    frameworkErrors: (_error, _request, reply) =>
      void (reply as unknown as FastifyReply)
        .status(400)
        .send({ code: 'BAD_REQUEST', message: 'Đường dẫn không hợp lệ.' }),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.nodeEnv === 'production'));
  app.decorate('db', handle.db);
  app.decorate('dbHandle', handle);
  app.decorate('config', config);
  app.decorate(
    'pdf',
    createPdfRenderer({
      cacheDir: path.join(config.dataDir, 'cache', 'pdf'),
      concurrency: config.pdf.concurrency,
      maxWaiting: config.pdf.queueLength,
      maxCacheBytes: config.pdf.cacheMb * 1024 * 1024,
    }),
  );
  app.decorate('files', createLocalFileStore(fileStoreDir(config.dataDir)));
  registerErrorHandler(app);
  registerReminders(app);
  registerPlanHooks();

  // First, so that every answer carries the headers and a foreign request is refused before any work.
  await app.register(securityHeadersPlugin, { publicUrl: config.publicUrl });
  await app.register(sameOriginPlugin, { trustedOrigins: config.trustedOrigins });
  await app.register(cookie);
  await app.register(multipart, { limits: multipartLimits });
  // preHandler, so that the login route can key its limit on the parsed body's login.
  await app.register(rateLimit, { global: false, hook: 'preHandler' });
  await app.register(swagger, {
    openapi: { info: { title: 'ThiĐua API', version: '0.1.0' } },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) route.config = { ...route.config, public: true };
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list' } });
  await app.register(authPlugin, {
    ttlMs: config.sessionTtlHours * 3600_000,
    cookieSecure: config.cookieSecure,
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(homeRoutes);
      await api.register(orgRoutes);
      await api.register(importRoutes);
      await api.register(auditRoutes);
      await api.register(criteriaRoutes);
      await api.register(scoringRoutes);
      await api.register(planRoutes);
      await api.register(approvalRoutes);
      await api.register(registrationRoutes);
      await api.register(covenantRoutes);
      await api.register(ballotRoutes);
      await api.register(nominationRoutes);
      await api.register(notificationRoutes);
      await api.register(eventRoutes);
      await api.register(proposalRoutes);
    },
    { prefix: '/api' },
  );
  await app.register(publicRoutes);
  registerWebApp(app, config.webDir);
  return app;
}

/** Serves the built React app and falls back to index.html for client-side routes. */
function registerWebApp(app: FastifyInstance, webDir: string): void {
  const index = path.join(webDir, 'index.html');
  if (!fs.existsSync(index)) return;
  // serve: false — only decorates reply.sendFile; the catch-all below serves files, so every path stays public.
  // preCompressed: the build writes .br and .gz beside each asset; the one the browser accepts is sent.
  void app.register(fastifyStatic, { root: webDir, serve: false, preCompressed: true });
  app.get('/*', { config: { public: true }, schema: { hide: true } }, async (request, reply) => {
    const rel = decodeURIComponent(request.url.split('?')[0] ?? '/').replace(/^\/+/, '');
    const file = path.join(webDir, rel);
    if (rel && file.startsWith(webDir + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      // Built assets carry a content hash in their name: cache them for good; other files revalidate.
      return reply.sendFile(rel, rel.startsWith('assets/') ? { maxAge: '365d', immutable: true } : {});
    }
    // A missing asset is a 404, not the app's page: a tab opened before an update then fails cleanly.
    if (rel.startsWith('api/') || rel.startsWith('assets/') || rel.startsWith('public/')) {
      return reply
        .status(404)
        .send({ code: 'NOT_FOUND', message: `Không có đường dẫn ${request.method} ${request.url}.` });
    }
    // Always revalidated, so that an update's new asset names reach the browser at once.
    return reply
      .header('cache-control', 'no-cache')
      .type('text/html')
      .sendFile('index.html', { cacheControl: false });
  });
}
