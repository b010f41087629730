import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ZChangePasswordRequestSchema,
  ZDemoAccountsResponseSchema,
  ZLoginRequestSchema,
  ZMeSchema,
  ZOkSchema,
} from '../../../shared/auth';
import { ctxOf, SESSION_COOKIE } from '../../plugins/auth';
import { AppError } from '../../errors';
import { createSignInLimiter } from './attempt-limiter';
import { listDemoAccounts } from './demo-accounts';
import { changePassword, getMe, login, logout } from './service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const ttlMs = app.config.sessionTtlHours * 3600_000;
  const tags = ['auth'];

  // Sign-in limits (attempt-limiter.ts), shared by every instance on the database: 10 failures per 15
  // minutes per address and login, 30 per login from all addresses, 50 per address over all logins.
  // Successful sign-ins do not count.
  const limiter = createSignInLimiter(app.db);
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: { tags, summary: 'Sign in', body: ZLoginRequestSchema, response: { 200: ZMeSchema } },
    },
    async (request, reply) => {
      const key = request.body.login.toLowerCase();
      const waitMs = await limiter.blockedFor(key, request.ip);
      if (waitMs) {
        void reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
        throw new AppError(
          'RATE_LIMITED',
          `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(waitMs / 60000)} phút.`,
        );
      }
      try {
        const { token, expiresAt, me } = await login(app.db, request.body, { ttlMs, requestId: request.id });
        reply.startSession(token, expiresAt);
        return me;
      } catch (error) {
        if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
          await limiter.fail(key, request.ip);
        }
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      config: { beforePasswordChange: true },
      schema: { tags, summary: 'Sign out', response: { 200: ZOkSchema } },
    },
    async (request, reply) => {
      await logout(app.db, request.sessionToken ?? '', ctxOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    {
      config: { beforePasswordChange: true },
      schema: { tags, summary: 'The signed-in user', response: { 200: ZMeSchema } },
    },
    async (request) => getMe(app.db, ctxOf(request).actor.userId),
  );

  app.post(
    '/auth/change-password',
    {
      config: { beforePasswordChange: true },
      schema: {
        tags,
        summary: 'Change my password',
        body: ZChangePasswordRequestSchema,
        response: { 200: ZOkSchema },
      },
    },
    async (request) => {
      await changePassword(app.db, request.body, request.sessionToken ?? '', ctxOf(request));
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/demo-accounts',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Demo logins (demo mode only)',
        response: { 200: ZDemoAccountsResponseSchema },
      },
    },
    async () => listDemoAccounts(app.db, app.config),
  );
};
