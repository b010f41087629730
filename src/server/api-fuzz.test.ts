import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  materialize,
  operationsOf,
  requestArb,
  type FuzzRequest,
  type Operation,
} from './testing/fuzz-requests';
import { createTestApp, testDatabases, type TestApp } from './testing/harness';
import type { OpenApiDoc } from './testing/openapi-arbitraries';

/*
 * Generated requests over every route and method of the OpenAPI document, as several roles and anonymous,
 * with schema-shaped, mutated and random bodies, wrong content types, deep nesting, huge and broken bodies,
 * junk path parameters and queries, and requests from other origins (testing/fuzz-requests.ts). No answer
 * may be a 5xx, every JSON 4xx has the error shape, and the server still answers at the end. Bounded:
 * FUZZ_RUNS requests per database, spread evenly over the operations; FUZZ_SEED replays another run.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1400);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_209);
const ROLES = ['admin', 'ban-tdkt', 'bqlkkt.canbo', 'bqlkkt.lanhdao', 'skhdt.canbo', 'stc.canbo'];
/** The roles' units (head, deputy, member): their ids are kept out of the fuzz so the roles stay usable. */
const ROLE_UNITS = ['bqlkkt', 'skhdt', 'stc'];
/** The table behind each path segment that precedes an {id}. */
const TABLES = {
  blocs: 'blocs',
  units: 'units',
  years: 'years',
  users: 'users',
  'criteria-sets': 'criteriaSets',
  rounds: 'rounds',
  sheets: 'sheets',
  plans: 'plans',
  tasks: 'tasks',
  reports: 'reports',
  notifications: 'notifications',
} as const;

describe.each(testDatabases)('API fuzz on %s', (kind) => {
  let t: TestApp;
  let doc: OpenApiDoc;
  let operations: Operation[];
  const known: Record<string, string[]> = {};
  const cookies = new Map<string, string | null>();

  async function signIn(login: string): Promise<string | null> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login, password: 'thidua-demo' },
      remoteAddress: '127.0.0.9',
    });
    const c = res.cookies.find((x) => x.name === 'thidua_sid');
    return res.statusCode === 200 && c ? `thidua_sid=${c.value}` : null;
  }

  /** Real ids for path parameters, without the roles' own accounts and units. */
  async function collectKnown() {
    const db = t.db.handle.db;
    const users = await db.selectFrom('users').select(['id', 'login']).execute();
    const units = await db.selectFrom('units').select(['id', 'code']).execute();
    const kept = new Set([
      ...users.filter((u) => ROLES.includes(u.login)).map((u) => u.id),
      ...units.filter((u) => ROLE_UNITS.includes(u.code)).map((u) => u.id),
    ]);
    for (const [segment, table] of Object.entries(TABLES)) {
      const rows = await db.selectFrom(table).select('id').execute();
      known[segment] = rows.map((r) => r.id).filter((id) => !kept.has(id));
    }
    known.token = (await db.selectFrom('calendarFeeds').select('token').execute()).map((r) => r.token);
    known.version = ['1', '2', '0', '-1', '99999999999'];
  }

  beforeAll(async () => {
    // LOG_LEVEL=error shows the server's side of a failure.
    t = await createTestApp(kind, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' });
    await t.app.ready();
    doc = t.app.swagger() as unknown as OpenApiDoc;
    operations = operationsOf(doc);
    for (const role of ROLES) cookies.set(role, await signIn(role));
    // Some state to reach deeper: an open round with its sheets, a calendar feed.
    const yearId = (await t.db.handle.db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const round = await t.app.inject({
      method: 'POST',
      url: `/api/years/${yearId}/rounds`,
      headers: { cookie: cookies.get('bqlkkt.canbo') ?? '' },
      payload: {
        kind: 'year-end',
        title: 'Chấm điểm',
        deadlineAt: '2099-12-08T00:00:00+07:00',
        latePolicy: 'refuse',
        missingPolicy: 'wait-all',
        tieBreakers: [],
      },
    });
    expect(round.statusCode).toBe(201);
    await t.app.inject({ url: '/api/calendar-feed', headers: { cookie: cookies.get('stc.canbo') ?? '' } });
    await collectKnown();
  });
  afterAll(() => t.close());

  async function send(g: FuzzRequest) {
    const headers: Record<string, string> = {};
    if (g.origin) headers.origin = g.origin;
    if (g.contentType) headers['content-type'] = g.contentType;
    const inject = () => {
      const cookie = g.role ? cookies.get(g.role) : null;
      return t.app.inject({
        method: g.operation.method as 'GET',
        url: g.url,
        headers: cookie ? { ...headers, cookie } : headers,
        ...(g.body === undefined ? {} : { payload: materialize(g.body) }),
        remoteAddress: '10.99.0.1',
      });
    };
    let res = await inject();
    // A session the fuzz itself ended (logout, a role change): sign in again and send once more.
    if (res.statusCode === 401 && g.role && cookies.get(g.role)) {
      cookies.set(g.role, await signIn(g.role));
      res = await inject();
    }
    return res;
  }

  const describeRequest = (g: FuzzRequest, status: number, body: string) => {
    const sent = g.body === undefined ? 'no body' : String(materialize(g.body)).slice(0, 120);
    return (
      `${g.operation.method} ${g.url.slice(0, 200)} as ${g.role ?? 'anonymous'} from ${g.origin ?? '-'} ` +
      `(${g.contentType ?? 'no type'}, ${sent}) → ${status} ${body.slice(0, 300)}`
    );
  };

  it('answers every generated request without a 5xx, with the error shape on 4xx, and stays up', async () => {
    const context = { doc, roles: ROLES, ownOrigin: 'http://localhost:3000', known };
    const foreignOrigins = [
      'https://evil.example',
      'http://localhost:3001',
      'http://sub.localhost:3000',
      'null',
    ];
    // As many requests for every operation, taken round-robin so that state changes interleave.
    const perOperation = Math.ceil(RUNS / operations.length);
    const samples = operations.map((o, i) =>
      fc.sample(requestArb(o, { ...context, foreignOrigins }), { numRuns: perOperation, seed: SEED + i }),
    );
    const problems: string[] = [];
    for (let k = 0; k < perOperation; k++) {
      for (const g of samples.map((s) => s[k]!)) {
        const res = await send(g);
        if (res.statusCode >= 500) problems.push(describeRequest(g, res.statusCode, res.body));
        else if (res.statusCode >= 400 && /json/.test(String(res.headers['content-type']))) {
          const body = res.json<{ code?: unknown; message?: unknown }>();
          if (typeof body.code !== 'string' || typeof body.message !== 'string') {
            problems.push(`error shape: ${describeRequest(g, res.statusCode, res.body)}`);
          }
        }
      }
    }
    expect(problems, `FUZZ_SEED=${SEED}`).toEqual([]);
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect(await signIn('admin')).not.toBeNull();
  }, 300_000);
});
