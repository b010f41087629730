import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { loadConfig } from '../config';
import { createTestApp, testDatabases, type TestApp } from '../testing/harness';
import { multipart } from '../testing/multipart';

const own = 'https://thidua.example.vn';
/** Other origins, including same-site ones: another scheme, another port, a subdomain, and opaque. */
const foreign = [
  'https://evil.example',
  'http://thidua.example.vn',
  'https://thidua.example.vn:8443',
  'https://hop.thidua.example.vn',
  'null',
];

describe('PUBLIC_URL and trusted origins', () => {
  it('defaults to the loopback addresses on PORT, and trusts only PUBLIC_URL when it is set', () => {
    expect(loadConfig({ PORT: '4000' })).toMatchObject({
      publicUrl: 'http://localhost:4000',
      trustedOrigins: ['http://localhost:4000', 'http://127.0.0.1:4000', 'http://[::1]:4000'],
    });
    expect(loadConfig({ HOST: '10.1.2.3', PORT: '80' }).trustedOrigins).toEqual(['http://10.1.2.3']);
    expect(loadConfig({ PUBLIC_URL: 'https://thidua.example.vn/' })).toMatchObject({
      publicUrl: 'https://thidua.example.vn',
      trustedOrigins: ['https://thidua.example.vn'],
    });
    expect(() => loadConfig({ PUBLIC_URL: 'thidua.example.vn' })).toThrow(/PUBLIC_URL/);
  });
});

describe.each(testDatabases)('requests from other sites on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let userId: string;
  beforeAll(async () => {
    t = await createTestApp(kind, { PUBLIC_URL: own });
    admin = await t.cookie('admin');
    officer = await t.cookie('stc.canbo');
    const user = await t.db.handle.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'kbnn.lanhdao')
      .executeTakeFirstOrThrow();
    userId = user.id;
  });
  afterAll(() => t.close());

  const auditCount = async () =>
    Number(
      (
        await t.db.handle.db
          .selectFrom('auditEvents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const csv = () => multipart('don-vi.csv', Buffer.from('Mã đơn vị,Tên đơn vị\nsyt,Sở Y tế\n'));

  /** One request of each kind: JSON body, no body, upload, public sign-in; each changes state. */
  const kinds: Record<string, () => InjectOptions> = {
    'JSON body (POST /api/units)': () => ({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: admin },
      payload: { code: 'so-moi', name: 'Sở Mới' },
    }),
    'JSON body (PATCH /api/users/:id)': () => ({
      method: 'PATCH',
      url: `/api/users/${userId}`,
      headers: { cookie: admin },
      payload: { fullName: 'Đổi Tên' },
    }),
    'no body (POST /api/users/:id/reset-password)': () => ({
      method: 'POST',
      url: `/api/users/${userId}/reset-password`,
      headers: { cookie: admin },
    }),
    'no body (POST /api/calendar-feed/rotate)': () => ({
      method: 'POST',
      url: '/api/calendar-feed/rotate',
      headers: { cookie: officer },
    }),
    'upload (POST /api/import/units)': () => {
      const file = csv();
      return {
        method: 'POST',
        url: '/api/import/units',
        headers: { cookie: admin, ...file.headers },
        payload: file.payload,
      };
    },
    'public (POST /api/auth/login)': () => ({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'stc.lanhdao', password: 'thidua-demo' },
    }),
  };
  const withHeaders = (opts: InjectOptions, headers: Record<string, string>): InjectOptions => ({
    ...opts,
    headers: { ...(opts.headers as Record<string, string>), ...headers },
  });

  it.each(Object.keys(kinds))(
    'refuses %s from other origins, by Origin or Referer, with no effect',
    async (k) => {
      const before = await auditCount();
      for (const origin of foreign) {
        const res = await t.app.inject(withHeaders(kinds[k]!(), { origin }));
        expect(res.statusCode, origin).toBe(403);
        expect(res.json()).toEqual({
          code: 'FORBIDDEN',
          message: expect.stringMatching(/từ một trang khác/),
        });
      }
      const referred = await t.app.inject(
        withHeaders(kinds[k]!(), { referer: 'https://thidua.example.vn.evil.example/trang' }),
      );
      expect(referred.statusCode).toBe(403);
      expect(await auditCount()).toBe(before);
    },
  );

  it.each(Object.keys(kinds))(
    'accepts %s from the app itself and from clients that send neither header',
    async (k) => {
      const fromApp = await t.app.inject(withHeaders(kinds[k]!(), { origin: own }));
      expect(fromApp.statusCode, fromApp.body).toBeLessThan(300);
      const byReferer = await t.app.inject(withHeaders(kinds[k]!(), { referer: `${own}/admin/users` }));
      // A second unit with the same code or file is a conflict, not a refusal: the request got through.
      expect([200, 201, 400, 409]).toContain(byReferer.statusCode);
      expect(byReferer.json().code).not.toBe('FORBIDDEN');
      const script = await t.app.inject(kinds[k]!());
      expect(script.json().code).not.toBe('FORBIDDEN');
    },
  );

  it('requires JSON bodies: text/plain, forms and multipart are refused outside upload routes', async () => {
    const body = JSON.stringify({ code: 'so-form', name: 'Sở Form' });
    const file = csv();
    const sends: InjectOptions[] = [
      { headers: { 'content-type': 'text/plain' }, payload: body },
      { headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'code=so-form&name=x' },
      { headers: file.headers, payload: file.payload },
      { headers: { 'content-type': '' }, payload: body },
    ];
    for (const send of sends) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/units',
        ...send,
        headers: { cookie: admin, origin: own, ...(send.headers as Record<string, string>) },
      });
      expect(res.statusCode, String((send.headers as Record<string, string>)['content-type'])).toBe(415);
      expect(res.json()).toEqual({
        code: 'BAD_REQUEST',
        message: expect.stringMatching(/application\/json/),
      });
    }
    // A text/plain body on a route without a body (the classic form post) is refused the same way.
    const rotate = await t.app.inject({
      method: 'POST',
      url: '/api/calendar-feed/rotate',
      headers: { cookie: officer, origin: own, 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(rotate.statusCode).toBe(415);
    // Upload routes take multipart and refuse text/plain.
    const plain = await t.app.inject({
      method: 'POST',
      url: '/api/import/units',
      headers: { cookie: admin, origin: own, 'content-type': 'text/plain' },
      payload: 'Mã đơn vị,Tên đơn vị\nsyt,Sở Y tế\n',
    });
    expect(plain.statusCode).toBe(415);
    expect(plain.json().message).toMatch(/multipart\/form-data/);
  });

  it('lets reads through from anywhere (they change nothing; CORS keeps their answers from other sites)', async () => {
    const res = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: officer, origin: 'https://evil.example' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
