import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchStatsOf } from '../../db/batch';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { demoFacts } from '../../testing/demo-facts';

describe.each(testDatabases)('auth on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const login = (loginName: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password } });

  /** Moves every session of an account past its expiry. */
  async function expireSessionsOf(login: string) {
    const user = await t.db.handle.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', login)
      .executeTakeFirstOrThrow();
    await t.db.handle.db
      .updateTable('sessions')
      .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
      .where('userId', '=', user.id)
      .execute();
  }

  it('signs in with the demo password, sets an httpOnly cookie, and audits it', async () => {
    const res = await login('bqlkkt.canbo', 'thidua-demo');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      login: 'bqlkkt.canbo',
      role: 'officer',
      unitName: 'Ban Quản lý Khu kinh tế Hải Phòng',
    });
    const cookie = res.cookies.find((c) => c.name === 'thidua_sid');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({
      url: '/api/auth/me',
      headers: { cookie: `thidua_sid=${cookie?.value}` },
    });
    expect(me.json().login).toBe('bqlkkt.canbo');
    const audit = await t.app.inject({
      url: '/api/audit?action=auth.login&actorLogin=bqlkkt.canbo',
      headers: { cookie: await t.cookie('admin') },
    });
    expect(audit.json().total).toBeGreaterThanOrEqual(1);
  });

  it('refuses a wrong password or unknown login with the same Vietnamese message', async () => {
    const wrong = await login('bqlkkt.canbo', 'sai-mat-khau');
    const unknown = await login('khong-ton-tai', 'thidua-demo');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().message).toMatch(/không đúng/);
  });

  it('answers 401 without a session and with a forged cookie', async () => {
    expect((await t.app.inject({ url: '/api/auth/me' })).statusCode).toBe(401);
    const forged = await t.app.inject({ url: '/api/auth/me', headers: { cookie: 'thidua_sid=forged' } });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().code).toBe('UNAUTHENTICATED');
  });

  it('ends the session on logout', async () => {
    const res = await login('sct.canbo', 'thidua-demo');
    const cookie = `thidua_sid=${res.cookies.find((c) => c.name === 'thidua_sid')?.value}`;
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode,
    ).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const cookie = await t.cookie('kbnn.canbo');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await expireSessionsOf('kbnn.canbo');
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('answers concurrent requests each with its own session (grouped into one lookup on PostgreSQL)', async () => {
    const a = await t.cookie('sct.canbo');
    const b = await t.cookie('bqlkkt.canbo');
    const expired = await t.cookie('kbnn.lanhdao');
    await expireSessionsOf('kbnn.lanhdao');
    const cookies = [a, 'thidua_sid=forged', b, expired, a];
    const stats = () => batchStatsOf(t.db.handle.db).get('sessions') ?? { calls: 0, statements: 0 };
    const before = stats();
    const answers = await Promise.all(
      cookies.map((cookie) => t.app.inject({ url: '/api/auth/me', headers: { cookie } })),
    );
    if (kind === 'postgres') {
      expect(stats().calls - before.calls).toBe(5);
      expect(stats().statements - before.statements).toBeLessThan(5);
    }
    expect(answers.map((r) => r.statusCode)).toEqual([200, 401, 200, 401, 200]);
    expect([0, 2, 4].map((i) => answers[i]!.json<{ login: string }>().login)).toEqual([
      'sct.canbo',
      'bqlkkt.canbo',
      'sct.canbo',
    ]);
  });

  it('changes the password: checks the current one, closes other sessions, accepts the new one', async () => {
    const first = await login('chq.canbo', 'thidua-demo');
    const other = await login('chq.canbo', 'thidua-demo');
    const cookie = `thidua_sid=${first.cookies.find((c) => c.name === 'thidua_sid')?.value}`;
    const otherCookie = `thidua_sid=${other.cookies.find((c) => c.name === 'thidua_sid')?.value}`;
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: { cookie },
        payload: { currentPassword, newPassword },
      });

    const bad = await change('sai-roi-nhe', 'mat-khau-moi-2025');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.currentPassword).toMatch(/Mật khẩu hiện tại/);
    const short = await change('thidua-demo', 'ngan');
    expect(short.statusCode).toBe(400);
    expect(short.json().fieldErrors.newPassword).toBe('Mật khẩu mới: phải có ít nhất 10 ký tự');

    expect((await change('thidua-demo', 'mat-khau-moi-2025')).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie: otherCookie } })).statusCode).toBe(
      401,
    );
    expect((await login('chq.canbo', 'thidua-demo')).statusCode).toBe(401);
    expect((await login('chq.canbo', 'mat-khau-moi-2025')).statusCode).toBe(200);
  });

  it('rate-limits repeated sign-in attempts for one login with a Vietnamese 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await login('cthue.lanhdao', `sai-${i}`)).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    const limited = await login('cthue.lanhdao', 'thidua-demo');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/quá nhiều lần/),
    });
  });

  it('blocks a login after 30 failures from any addresses, with Retry-After; successes do not count', async () => {
    const from = (i: number, password: string, login = 'kbnn.lanhdao') =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password },
        remoteAddress: `10.0.${Math.floor(i / 200)}.${i % 200}`,
      });
    // Signing in successfully, again and again from many places, never blocks anyone.
    for (let i = 0; i < 35; i++) expect((await from(100 + i, 'thidua-demo')).statusCode).toBe(200);
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) codes.push((await from(i, `sai-${i}`)).statusCode);
    expect(codes.every((c) => c === 401)).toBe(true);
    const limited = await from(30, 'thidua-demo'); // even the right password, from a new address
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/quá nhiều lần/),
    });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(800);
    // Another login from the same addresses is not affected.
    expect((await from(1, 'thidua-demo', 'kbnn.canbo')).statusCode).toBe(200);
  });

  it('blocks an address after 50 failures over any logins (one address trying many accounts)', async () => {
    const address = '10.9.9.9';
    const attempt = (login: string, password: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login, password },
        remoteAddress: address,
      });
    for (let i = 0; i < 50; i++) expect((await attempt(`khong-co-${i}`, 'sai')).statusCode).toBe(401);
    expect((await attempt('sct.canbo', 'thidua-demo')).statusCode).toBe(429);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: 'sct.canbo', password: 'thidua-demo' },
          remoteAddress: '10.9.9.10',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('lists the demo accounts with the demo password in demo mode', async () => {
    const res = await t.app.inject({ url: '/api/auth/demo-accounts' });
    const body = res.json();
    expect(body.demo).toBe(true);
    expect(body.password).toBe('thidua-demo');
    expect(body.accounts).toHaveLength(demoFacts.accounts);
    const logins = body.accounts.map((a: { login: string }) => a.login);
    // A stable order: admin and board, then unit by unit (by code), officer before leader.
    expect(logins.slice(0, 4)).toEqual(['admin', 'ban-tdkt', 'bqlkkt.canbo', 'bqlkkt.lanhdao']);
    const units = logins.slice(2).map((l: string) => l.split('.')[0]);
    expect(units).toEqual([...units].sort());
    expect(logins.slice(2).every((l: string, i: number) => l.endsWith(i % 2 ? '.lanhdao' : '.canbo'))).toBe(
      true,
    );
  });
});
