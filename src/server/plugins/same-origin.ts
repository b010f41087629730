import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorBody } from '../../shared/errors';
import { AppError } from '../errors';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes one file as multipart/form-data; every other route takes JSON bodies only. */
    upload?: boolean;
  }
}

const READ_ONLY = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Where a request says it comes from: its Origin, else the origin of its Referer; undefined when it has
 * neither. Browsers send Origin on every cross-origin request and on same-origin POST/PUT/PATCH/DELETE
 * (with the app's Referrer-Policy, see security-headers.ts), so "neither" is a non-browser client:
 * a script, curl, a calendar app. Those carry no ambient cookie of someone else's, so they pass.
 */
function claimedOrigin(request: FastifyRequest): string | undefined {
  const { origin, referer } = request.headers;
  if (origin !== undefined) return origin;
  if (referer === undefined) return undefined;
  try {
    return new URL(referer).origin; // "null" for opaque origins, refused below like Origin: null
  } catch {
    return 'null';
  }
}

const mediaType = (request: FastifyRequest) =>
  request.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';

const hasBody = (request: FastifyRequest) =>
  request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;

/**
 * Refuses state-changing requests from other sites. The session cookie is SameSite=Lax, which still lets
 * a page on a same-site origin (another port, a subdomain) or an old browser post a form with it; a form
 * can only send text/plain, urlencoded or multipart, so requiring JSON (multipart on upload routes)
 * closes that door twice: a cross-origin fetch with JSON needs a CORS preflight, which the app never grants.
 */
export const sameOriginPlugin = fp(async (app: FastifyInstance, opts: { trustedOrigins: string[] }) => {
  const trusted = new Set(opts.trustedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    if (READ_ONLY.has(request.method)) return;
    const origin = claimedOrigin(request);
    if (origin !== undefined && !trusted.has(origin)) {
      request.log.warn({ origin, trusted: opts.trustedOrigins }, 'refused a request from another site');
      throw new AppError(
        'FORBIDDEN',
        `Yêu cầu bị từ chối vì được gửi từ một trang khác (${origin.slice(0, 100)}), không phải từ ` +
          `${opts.trustedOrigins[0] ?? ''}. Nếu bạn mở ThiĐua bằng địa chỉ này, hãy báo quản trị viên ` +
          'đặt PUBLIC_URL đúng địa chỉ đó.',
      );
    }
    const type = mediaType(request);
    const upload = request.routeOptions.config.upload === true;
    const accepted = type === 'application/json' || (upload && type === 'multipart/form-data');
    if (accepted || (type === '' && !hasBody(request))) return;
    const expected = upload ? 'multipart/form-data' : 'application/json';
    const body: ErrorBody = {
      code: 'BAD_REQUEST',
      message: `Kiểu nội dung (Content-Type) ${type || '(không có)'} không được nhận ở đây: hãy gửi ${expected}.`,
    };
    return reply.status(415).send(body);
  });
});
