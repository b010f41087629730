import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../db/migrations/index';
import { hasSoffice } from '../modules/plans/pdf';
import { createTestApp, testDatabases, type TestApp } from '../testing/harness';

describe.each(testDatabases)('malformed requests on %s never give a 500', (kind) => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await t.cookie('admin');
  });
  afterAll(() => t.close());

  it('answers health with the database kind and the migration version', async () => {
    const res = await t.app.inject({ url: '/api/health' });
    expect(res.json()).toEqual({
      status: 'ok',
      db: kind,
      migration: Object.keys(migrations).at(-1),
      pdf: await hasSoffice(),
    });
  });

  it('serves the OpenAPI document at /api/docs', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/units', '/api/years/{id}', '/api/audit']),
    );
  });

  const cases: [string, InjectOptions][] = [
    [
      'invalid JSON',
      {
        method: 'POST',
        url: '/api/units',
        payload: '{"code": ',
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'empty JSON body',
      { method: 'POST', url: '/api/units', payload: '', headers: { 'content-type': 'application/json' } },
    ],
    [
      'a JSON array instead of an object',
      {
        method: 'POST',
        url: '/api/units',
        payload: '[1,2]',
        headers: { 'content-type': 'application/json' },
      },
    ],
    [
      'an unsupported content type',
      { method: 'POST', url: '/api/units', payload: '<x/>', headers: { 'content-type': 'application/xml' } },
    ],
    ['a non-uuid id', { method: 'PATCH', url: '/api/units/1%27%20OR%201=1', payload: {} }],
    ['an unknown route', { method: 'GET', url: '/api/khong-co' }],
    ['a wrong type', { method: 'POST', url: '/api/years', payload: { blocId: 'x', year: 'hai nghìn' } }],
    [
      'a huge body',
      { method: 'POST', url: '/api/units', payload: { code: 'x', name: 'y'.repeat(3_000_000) } },
    ],
    ['a bad query', { method: 'GET', url: '/api/audit?limit=-5&from=hom-qua' }],
    ['a garbage cookie', { method: 'GET', url: '/api/units', headers: { cookie: 'thidua_sid=%%%;;==' } }],
    [
      'scores that are text',
      {
        method: 'PUT',
        url: `/api/sheets/${crypto.randomUUID()}/draft`,
        payload: { scores: { a: 'tám' }, revision: 0 },
      },
    ],
    [
      'a fractional score',
      {
        method: 'PUT',
        url: `/api/sheets/${crypto.randomUUID()}/draft`,
        payload: { scores: { a: 8.5 }, revision: 0 },
      },
    ],
    [
      'a negative revision',
      { method: 'POST', url: `/api/sheets/${crypto.randomUUID()}/submit`, payload: { revision: -1 } },
    ],
    [
      'a deadline that is not a date',
      {
        method: 'POST',
        url: `/api/years/${crypto.randomUUID()}/rounds`,
        payload: {
          kind: 'year-end',
          title: 'Đợt',
          deadlineAt: '08/12/2024',
          latePolicy: 'refuse',
          missingPolicy: 'wait-all',
        },
      },
    ],
    [
      'an unknown tie-breaker',
      {
        method: 'POST',
        url: `/api/years/${crypto.randomUUID()}/rounds`,
        payload: {
          kind: 'year-end',
          title: 'Đợt',
          deadlineAt: '2099-01-01T00:00:00Z',
          latePolicy: 'refuse',
          missingPolicy: 'wait-all',
          tieBreakers: ['bốc thăm'],
        },
      },
    ],
    [
      'a criteria tree nested as text',
      {
        method: 'PUT',
        url: `/api/criteria-sets/${crypto.randomUUID()}`,
        payload: { name: 'Bộ tiêu chí', tree: 'I. Nhiệm vụ' },
      },
    ],
    ['an unknown export format', { method: 'GET', url: `/api/rounds/${crypto.randomUUID()}/results.pdfx` }],
    [
      'multipart without a file',
      {
        method: 'POST',
        url: '/api/import/units',
        payload: '--x--',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
      },
    ],
  ];

  it.each(cases)('%s → 4xx with { code, message }', async (_name, req) => {
    const headers = { cookie: admin, ...(req.headers ?? {}) };
    const res = await t.app.inject({ ...req, headers });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    const body = res.json();
    expect(typeof body.code).toBe('string');
    expect(body.message).toMatch(/[ạảãáàâầấậẩẫăằắặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i);
  });

  it('names the field and the rule in Vietnamese', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/units',
      headers: { cookie: admin },
      payload: { code: 'Sở Xây dựng', name: 'X' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().fieldErrors).toEqual({
      code: expect.stringMatching(/^Mã: chỉ gồm chữ thường/),
      name: 'Tên: phải có ít nhất 2 ký tự',
    });
  });
});
