import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * The usual security headers on every answer (the app, the API, downloads, errors), by @fastify/helmet.
 * - CSP: scripts only from the app's own files (the built index.html has no inline script); styles also
 *   inline, because antd writes its CSS-in-JS into <style> elements at run time; no framing by anyone.
 * - Referrer-Policy same-origin, not no-referrer: under no-referrer a browser sends `Origin: null` on the
 *   app's own POSTs, which same-origin.ts must refuse.
 * - HSTS and upgrade-insecure-requests only when PUBLIC_URL is https: on a plain-HTTP intranet address
 *   they would break the app.
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance, opts: { publicUrl: string }) => {
  const https = opts.publicUrl.startsWith('https:');
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    xFrameOptions: { action: 'deny' },
    strictTransportSecurity: https ? { maxAge: 31_536_000 } : false,
    // Calendar clients and other sites never embed our resources; downloads are opened by our own pages.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
});
