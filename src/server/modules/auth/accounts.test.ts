import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';
import { passwordProblem } from './password-policy';

describe('password policy (zxcvbn)', () => {
  it('refuses short, common and login-based passwords; accepts long passphrases', async () => {
    const owner = { login: 'stc.canbo', fullName: 'Nguyễn Thị Lan' };
    expect(await passwordProblem('ngan-qua', owner)).toBe('phải có ít nhất 10 ký tự');
    expect(await passwordProblem('password123', owner)).toMatch(/phổ biến/);
    expect(await passwordProblem('1234567890', owner)).toMatch(/phổ biến|dãy ký tự/);
    expect(await passwordProblem('qwertyuiop', owner)).toBeTruthy();
    expect(await passwordProblem('stc.canbo', { login: 'stc.canbo' })).toBeTruthy();
    expect(await passwordProblem('stc.canbo2025', owner)).toBe('không được chứa tên đăng nhập');
    expect(await passwordProblem('nguyenthilan', owner)).toBeTruthy();
    expect(await passwordProblem('hoa sen nở giữa hồ tháng sáu', owner)).toBeNull();
    expect(await passwordProblem('correct horse battery staple '.repeat(6).trim(), owner)).toBeNull();
  });

  it('rates a long repetitive password without blocking the event loop', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const problem = await passwordProblem('1234567890'.repeat(20), { login: 'x1' });
    clearInterval(timer);
    expect(problem).toBeTruthy();
    expect(ticks).toBeGreaterThan(0);
  });
});

describe.each(testDatabases)('accounts on %s', (kind) => {
  let t: TestApp;
  let admin: { cookie: string };
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = { cookie: await t.cookie('admin') };
  });
  afterAll(() => t.close());

  const unitId = async (code: string) =>
    (await t.db.handle.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow())
      .id;
  const createUser = async (login: string, password: string) =>
    t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin,
      payload: { login, fullName: 'Người Thử', role: 'officer', unitId: await unitId('stc'), password },
    });
  const signIn = (login: string, password: string) =>
    t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `thidua_sid=${res.cookies.find((c) => c.name === 'thidua_sid')?.value}`;

  it('applies the policy when an administrator creates an account', async () => {
    const common = await createUser('thu.mot', 'password123');
    expect(common.statusCode).toBe(400);
    expect(common.json().fieldErrors.password).toMatch(/^Mật khẩu: .*phổ biến/);
    const own = await createUser('thu.hai', 'thu.hai-2025-x');
    expect(own.json().fieldErrors.password).toBe('Mật khẩu: không được chứa tên đăng nhập');
    expect((await createUser('thu.ba', 'mùa thu lá vàng rơi trên phố')).statusCode).toBe(201);
  });

  it('applies the policy to imported accounts, row by row', async () => {
    const csv = [
      'Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị,Mật khẩu',
      'nhap.mot,Người Một,Cán bộ đầu mối,stc,iloveyou123',
      'nhap.hai,Người Hai,Cán bộ đầu mối,stc,con-sông-quê-tôi',
    ].join('\n');
    const file = multipart('tai-khoan.csv', Buffer.from(csv));
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/import/users',
      headers: { ...admin, ...file.headers },
      payload: file.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().rowErrors).toEqual([
      { row: 2, field: 'Mật khẩu', message: expect.stringMatching(/^Mật khẩu: .*phổ biến/) },
    ]);
  });

  it('gives a reset a temporary password that passes the policy', async () => {
    const user = (await createUser('thu.bon', 'bốn mùa xuân hạ thu đông')).json();
    const reset = await t.app.inject({
      method: 'POST',
      url: `/api/users/${user.id}/reset-password`,
      headers: admin,
    });
    const { temporaryPassword } = reset.json();
    expect(await passwordProblem(temporaryPassword, { login: 'thu.bon' })).toBeNull();
  });

  it('applies the policy when a user changes the password', async () => {
    const cookie = await t.cookie('skhdt.canbo');
    const change = (newPassword: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/change-password',
        headers: { cookie },
        payload: { currentPassword: 'thidua-demo', newPassword },
      });
    expect((await change('qwertyuiop123')).json().fieldErrors.newPassword).toMatch(/^Mật khẩu mới: /);
    expect((await change('skhdt.canbo!!')).json().fieldErrors.newPassword).toBe(
      'Mật khẩu mới: không được chứa tên đăng nhập',
    );
  });

  it('opens nothing but change-password, logout and me until a temporary password is changed', async () => {
    await createUser('thu.nam', 'năm con vịt bơi qua cầu');
    const first = await signIn('thu.nam', 'năm con vịt bơi qua cầu');
    expect(first.json().mustChangePassword).toBe(true);
    const cookie = cookieOf(first);
    const home = await t.app.inject({ url: '/api/home', headers: { cookie } });
    expect(home.statusCode).toBe(403);
    expect(home.json()).toEqual({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/đổi mật khẩu tạm thời/),
    });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/notification-preferences',
      headers: { cookie },
      payload: { email: false },
    });
    expect(put.statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-password',
      headers: { cookie },
      payload: { currentPassword: 'năm con vịt bơi qua cầu', newPassword: 'sáu con cò bay trên đồng' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/home', headers: { cookie } })).statusCode).toBe(200);

    const other = cookieOf(await signIn('thu.nam', 'sáu con cò bay trên đồng'));
    await t.db.handle.db
      .updateTable('users')
      .set({ mustChangePassword: 1 })
      .where('login', '=', 'thu.nam')
      .execute();
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: other } });
    expect(out.statusCode).toBe(200);
  });

  it('counts only failures: many sign-ins in a row from one address succeed', async () => {
    for (let i = 0; i < 12; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'sct.lanhdao', password: 'thidua-demo' },
        remoteAddress: '10.20.0.1',
      });
      expect(res.statusCode).toBe(200);
    }
  });

  it('shares a block between two app instances on one database, with Retry-After', async () => {
    const second = await buildApp(t.db.config, t.db.handle);
    try {
      const attempt = (app: typeof second, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: 'chq.lanhdao', password },
          remoteAddress: '10.30.0.1',
        });
      // Failures alternate between the instances, as behind a proxy: 10 in all.
      for (let i = 0; i < 10; i++) {
        expect((await attempt(i % 2 ? second : t.app, `sai-${i}`)).statusCode).toBe(401);
      }
      for (const app of [t.app, second]) {
        const blocked = await attempt(app, 'thidua-demo');
        expect(blocked.statusCode).toBe(429);
        expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
      }
    } finally {
      await second.close();
    }
  });
});
