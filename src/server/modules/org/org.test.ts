import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

describe.each(testDatabases)('administering blocs, units, years and accounts on %s', (kind) => {
  let t: TestApp;
  let admin: string;
  const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: unknown, cookie = admin) =>
    t.app.inject({ method, url, payload: payload as object, headers: { cookie } });
  const auditOf = async (entityId: string) =>
    (await api('GET', `/api/audit?entityId=${entityId}`)).json().items as {
      action: string;
      before: unknown;
      after: unknown;
      requestId: string;
    }[];

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.cookie('admin');
  });
  afterAll(() => t.close());

  it('creates a cluster, a unit and a year with head and deputy; each change is audited with before/after', async () => {
    const bloc = (
      await api('POST', '/api/blocs', { kind: 'cluster', name: 'Cụm thi đua số 1', shortName: 'Cụm 1' })
    ).json();
    expect(bloc).toMatchObject({ kind: 'cluster', name: 'Cụm thi đua số 1' });
    const units = [];
    for (const [code, name] of [
      ['q-ngo-quyen', 'UBND quận Ngô Quyền'],
      ['q-le-chan', 'UBND quận Lê Chân'],
      ['q-hong-bang', 'UBND quận Hồng Bàng'],
    ]) {
      const res = await api('POST', '/api/units', { code, name });
      expect(res.statusCode).toBe(201);
      units.push(res.json().id as string);
    }
    const year = await api('POST', '/api/years', {
      blocId: bloc.id,
      year: 2025,
      unitIds: units,
      headUnitId: units[0],
      deputyUnitId: units[1],
    });
    expect(year.statusCode).toBe(201);
    expect(year.json()).toMatchObject({
      year: 2025,
      memberCount: 3,
      headUnitId: units[0],
      deputyUnitId: units[1],
    });

    const updated = await api('PATCH', `/api/years/${year.json().id}`, { headUnitId: units[2] });
    expect(updated.json().headUnitId).toBe(units[2]);
    const events = await auditOf(year.json().id);
    expect(events.map((e) => e.action)).toEqual(['year.updated', 'year.created']);
    expect(events[0]).toMatchObject({ before: { headUnitId: units[0] }, after: { headUnitId: units[2] } });
    expect(events[0]?.requestId).toBeTruthy();
  });

  it('rejects a head that is not a member and a deputy equal to the head, naming the field', async () => {
    const year = (await api('GET', '/api/years')).json()[0];
    const detail = (await api('GET', `/api/years/${year.id}`)).json();
    const outsider = (
      await api('POST', '/api/units', { code: 'ngoai-khoi', name: 'Đơn vị ngoài khối' })
    ).json();
    const notMember = await api('PATCH', `/api/years/${year.id}`, { headUnitId: outsider.id });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().fieldErrors).toEqual({
      headUnitId: 'Đơn vị Trưởng khối: phải là thành viên của Khối trong năm',
    });
    const same = await api('PATCH', `/api/years/${year.id}`, { deputyUnitId: detail.headUnitId });
    expect(same.json().fieldErrors.deputyUnitId).toMatch(/phải khác/);
    const unknownUnit = await api('PATCH', `/api/years/${year.id}`, {
      unitIds: [...detail.members.map((m: { id: string }) => m.id), crypto.randomUUID()],
    });
    expect(unknownUnit.statusCode).toBe(400);
    expect(Object.values(unknownUnit.json().fieldErrors)[0]).toMatch(/không tồn tại/);
    // Nothing changed.
    expect((await api('GET', `/api/years/${year.id}`)).json()).toEqual(detail);
  });

  it('refuses duplicates with 409 and the field: unit code, login, bloc name, bloc-year', async () => {
    expect((await api('POST', '/api/units', { code: 'stc', name: 'Sở Tài chính 2' })).json()).toMatchObject({
      code: 'CONFLICT',
      fieldErrors: { code: expect.any(String) },
    });
    expect(
      (
        await api('POST', '/api/users', {
          login: 'admin',
          fullName: 'Admin Hai',
          role: 'admin',
          password: 'mat-khau-dai',
        })
      ).statusCode,
    ).toBe(409);
    const bloc = (await api('GET', '/api/blocs'))
      .json()
      .find((b: { name: string }) => b.name.startsWith('Khối thi đua'));
    expect((await api('POST', '/api/blocs', { kind: 'bloc', name: bloc.name })).statusCode).toBe(409);
    const dupYear = await api('POST', '/api/years', { blocId: bloc.id, year: 2024 });
    expect(dupYear.statusCode).toBe(409);
    expect(dupYear.json().fieldErrors.year).toMatch(/đã tồn tại/);
  });

  it('requires a unit for officers and leaders and none for board accounts', async () => {
    const res = await api('POST', '/api/users', {
      login: 'khong-don-vi',
      fullName: 'Nguyễn Văn C',
      role: 'officer',
      password: 'mat-khau-dai',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors.unitId).toMatch(/bắt buộc với cán bộ đầu mối/);
  });

  it('refuses to move an account to a unit that does not exist (found by the API fuzz test)', async () => {
    const user = (await api('GET', '/api/users'))
      .json()
      .find((u: { login: string }) => u.login === 'chq.lanhdao');
    const res = await api('PATCH', `/api/users/${user.id}`, {
      unitId: '0190a0a0-0000-7000-8000-000000000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors.unitId).toBe('Đơn vị: không tồn tại');
  });

  it('disables an account: its session ends at once and it cannot sign in; re-enabling restores it', async () => {
    const cookie = await t.cookie('cthue.canbo');
    const user = (await api('GET', '/api/users'))
      .json()
      .find((u: { login: string }) => u.login === 'cthue.canbo');
    expect((await api('PATCH', `/api/users/${user.id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await api('GET', '/api/auth/me', undefined, cookie)).statusCode).toBe(401);
    const login = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'cthue.canbo', password: 'thidua-demo' },
      });
    expect((await login()).statusCode).toBe(401);
    await api('PATCH', `/api/users/${user.id}`, { disabled: false });
    expect((await login()).statusCode).toBe(200);
  });

  it('resets a password to a temporary one that must be changed at next sign-in', async () => {
    const user = (await api('GET', '/api/users'))
      .json()
      .find((u: { login: string }) => u.login === 'kbnn.lanhdao');
    const { temporaryPassword } = (await api('POST', `/api/users/${user.id}/reset-password`)).json();
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'kbnn.lanhdao', password: temporaryPassword },
    });
    expect(res.json()).toMatchObject({ mustChangePassword: true });
    expect((await auditOf(user.id)).map((e) => e.action)).toContain('user.password-reset');
  });

  it('does not let an admin lock themself out', async () => {
    const me = (await api('GET', '/api/auth/me')).json();
    const res = await api('PATCH', `/api/users/${me.id}`, { disabled: true });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors.disabled).toBeTruthy();
  });

  it('shows each unit its bloc-year on the home page, with its role from that year', async () => {
    const head = (await api('GET', '/api/home', undefined, await t.cookie('bqlkkt.lanhdao'))).json();
    expect(head.years).toHaveLength(1);
    expect(head.years[0]).toMatchObject({
      blocName: 'Khối thi đua các cơ quan Quản lý kinh tế thành phố',
      year: 2024,
      myRole: 'head',
      memberCount: 7,
    });
    const member = (await api('GET', '/api/home', undefined, await t.cookie('sct.canbo'))).json();
    expect(member.years[0].myRole).toBe('member');
    const deputy = (await api('GET', '/api/home', undefined, await t.cookie('skhdt.canbo'))).json();
    expect(deputy.years[0].myRole).toBe('deputy');
    const board = (await api('GET', '/api/home', undefined, await t.cookie('ban-tdkt'))).json();
    expect(board.years.length).toBeGreaterThanOrEqual(1);
    expect(board.years.every((y: { myRole: unknown }) => y.myRole === null)).toBe(true);
  });
});
