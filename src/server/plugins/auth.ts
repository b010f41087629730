import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor, Ctx } from '../context';
import { AppError } from '../errors';
import { createAuthRepository } from '../modules/auth/repository';

export const SESSION_COOKIE = 'thidua_sid';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** Routes open without a session (login, health, demo accounts, the web app). */
    public?: boolean;
    /** Open to a session whose temporary password must still be changed (change-password, logout, me). */
    beforePasswordChange?: boolean;
  }
}

/** The service context of an authenticated request. */
export function ctxOf(request: FastifyRequest): Ctx {
  if (!request.actor) throw new AppError('UNAUTHENTICATED', 'Bạn cần đăng nhập.');
  return { actor: request.actor, requestId: request.id };
}

/** Every route requires a live session unless its config says `public: true`. */
export const authPlugin = fp(async (app: FastifyInstance, opts: { ttlMs: number; cookieSecure: boolean }) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);

  const setCookie = (reply: FastifyReply, token: string, expiresAt: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: opts.cookieSecure,
      expires: new Date(expiresAt),
    });
  app.decorateReply('startSession', function (this: FastifyReply, token: string, expiresAt: string) {
    setCookie(this, token, expiresAt);
  });

  app.addHook('onRequest', async (request, reply) => {
    const config = request.routeOptions.config;
    const isRoute = Boolean(request.routeOptions.url);
    const token = request.cookies[SESSION_COOKIE];
    let mustChangePassword = false;
    if (token) {
      const repo = createAuthRepository(app.db);
      const now = new Date();
      const session = await repo.findLiveSession(token, now);
      // A disabled account, or an account of a disabled unit, has no session (disabling ends them too).
      if (session && !session.disabled && !session.unitDisabled) {
        request.actor = {
          userId: session.userId,
          login: session.login,
          role: session.role,
          unitId: session.unitId,
        };
        request.sessionToken = token;
        mustChangePassword = session.mustChangePassword;
        // Sliding expiry: renew when less than half of the lifetime is left.
        if (new Date(session.expiresAt).getTime() - now.getTime() < opts.ttlMs / 2) {
          const expiresAt = new Date(now.getTime() + opts.ttlMs).toISOString();
          await repo.extendSession(session.id, expiresAt);
          setCookie(reply, token, expiresAt);
        }
      }
    }
    if (isRoute && !config.public && !request.actor) {
      throw new AppError(
        'UNAUTHENTICATED',
        'Phiên làm việc đã hết hạn hoặc bạn chưa đăng nhập. Vui lòng đăng nhập.',
      );
    }
    // Enforced here, not only by the web app: a temporary password opens nothing but its own change.
    if (isRoute && !config.public && !config.beforePasswordChange && mustChangePassword) {
      throw new AppError(
        'FORBIDDEN',
        'Bạn cần đổi mật khẩu tạm thời trước khi tiếp tục: hãy vào "Đổi mật khẩu" và đặt mật khẩu mới.',
      );
    }
  });
});

declare module 'fastify' {
  interface FastifyReply {
    startSession(token: string, expiresAt: string): void;
  }
}
