import type { FastifyRequest } from 'fastify';
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
import { AttemptLimiter } from './attempt-limiter';
import { listDemoAccounts } from './demo-accounts';
import { changePassword, getMe, login, logout } from './service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const ttlMs = app.config.sessionTtlHours * 3600_000;
  const tags = ['auth'];

  // Sign-in limits, in memory per instance: 10 tries per 15 minutes per address and login (all tries);
  // 30 failures per login from all addresses together (a guess spread over many addresses); 50 failures per
  // address over all logins (one address trying many accounts). Successful sign-ins do not count.
  const loginOf = (req: FastifyRequest) => {
    const login = (req.body as { login?: unknown } | undefined)?.login;
    return typeof login === 'string' ? login.trim().toLowerCase() : '';
  };
  const tooManyMessage = (waitMs: number) =>
    `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(waitMs / 60000)} phút.`;
  const tooMany = (_req: FastifyRequest, ctx: { ttl: number }) => ({
    statusCode: 429,
    code: 'RATE_LIMITED',
    message: tooManyMessage(ctx.ttl),
  });
  const failuresPerLogin = new AttemptLimiter(30, 15 * 60_000);
  const failuresPerAddress = new AttemptLimiter(50, 15 * 60_000);
  app.post(
    '/auth/login',
    {
      config: {
        public: true,
        rateLimit: {
          max: 10,
          timeWindow: '15 minutes',
          keyGenerator: (req) => `${req.ip}|${loginOf(req)}`,
          errorResponseBuilder: tooMany,
        },
      },
      schema: { tags, summary: 'Sign in', body: ZLoginRequestSchema, response: { 200: ZMeSchema } },
    },
    async (request, reply) => {
      const key = loginOf(request);
      const waitMs = Math.max(failuresPerLogin.blockedFor(key), failuresPerAddress.blockedFor(request.ip));
      if (waitMs) {
        void reply.header('retry-after', String(Math.ceil(waitMs / 1000)));
        throw new AppError('RATE_LIMITED', tooManyMessage(waitMs));
      }
      try {
        const { token, expiresAt, me } = await login(app.db, request.body, { ttlMs, requestId: request.id });
        reply.startSession(token, expiresAt);
        return me;
      } catch (error) {
        if (error instanceof AppError && error.code === 'UNAUTHENTICATED') {
          failuresPerLogin.fail(key);
          failuresPerAddress.fail(request.ip);
        }
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'Sign out', response: { 200: ZOkSchema } } },
    async (request, reply) => {
      await logout(app.db, request.sessionToken ?? '', ctxOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { schema: { tags, summary: 'The signed-in user', response: { 200: ZMeSchema } } },
    async (request) => getMe(app.db, ctxOf(request).actor.userId),
  );

  app.post(
    '/auth/change-password',
    {
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
