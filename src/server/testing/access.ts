import { expect, it } from 'vitest';
import type { TestApp } from './harness';

/**
 * The callers of per-role access tables, on the demo bloc: `head` is the head unit's officer (its
 * secretariat), `headLeader` its leader; Sở Tài chính is a plain member unit.
 */
export type Who = 'anonymous' | 'admin' | 'board' | 'head' | 'headLeader' | 'deputy' | 'officer' | 'leader';
export const roleLogins: Record<Exclude<Who, 'anonymous'>, string> = {
  admin: 'admin',
  board: 'ban-tdkt',
  head: 'bqlkkt.canbo',
  headLeader: 'bqlkkt.lanhdao',
  deputy: 'skhdt.canbo',
  officer: 'stc.canbo',
  leader: 'stc.lanhdao',
};
export const everyone: Who[] = [
  'anonymous',
  'admin',
  'board',
  'head',
  'headLeader',
  'deputy',
  'officer',
  'leader',
];
export const signedIn: Who[] = ['admin', 'board', 'head', 'headLeader', 'deputy', 'officer', 'leader'];
export const unitUsers: Who[] = ['head', 'headLeader', 'deputy', 'officer', 'leader'];

export type AccessRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
};
export interface AccessRoute<Ids> {
  name: string;
  allowed: Who[];
  /**
   * The exact status every allowed caller gets (e.g. 200, 201, or the 409 of a round in the wrong state):
   * one number, or one per allowed caller where they differ. Omitted only when nobody is allowed.
   */
  status?: number | Partial<Record<Who, number>>;
  /** `w` is the caller, for routes where each caller needs its own target (so that no call depends on another). */
  req: (ids: Ids, w: Who) => AccessRequest;
}

/** The status `w` must get from `route` (401/403 when refused). */
export function expectedStatus<Ids>(route: AccessRoute<Ids>, w: Who): number {
  if (!route.allowed.includes(w)) return w === 'anonymous' ? 401 : 403;
  const s = typeof route.status === 'number' ? route.status : route.status?.[w];
  if (s === undefined) throw new Error(`${route.name}: no status given for ${w}`);
  return s;
}

/** Signs every role in once (cookies by role). */
export async function roleCookies(t: TestApp): Promise<Partial<Record<Who, string>>> {
  const cookies: Partial<Record<Who, string>> = {};
  for (const w of signedIn) cookies[w] = await t.cookie(roleLogins[w as Exclude<Who, 'anonymous'>]);
  return cookies;
}

/**
 * One test per route and caller: allowed callers get the route's exact `status`, everybody else gets 401
 * (anonymous) or 403 with the matching error code.
 */
export function accessCases<Ids>(
  routes: AccessRoute<Ids>[],
  state: () => { t: TestApp; ids: Ids; cookies: Partial<Record<Who, string>> },
): void {
  for (const route of routes) {
    for (const w of everyone) {
      const allowed = route.allowed.includes(w);
      it(`${route.name} as ${w}: ${allowed ? 'allowed' : 'refused'}`, async () => {
        const { t, ids, cookies } = state();
        const cookie = cookies[w];
        const r = route.req(ids, w);
        const res = await t.app.inject({
          ...r,
          headers: { ...(r.headers ?? {}), ...(cookie ? { cookie } : {}) },
        });
        expect(res.statusCode, res.body).toBe(expectedStatus(route, w));
        if (!allowed) {
          const { code } = res.json<{ code: string }>();
          expect(code).toBe(w === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
        }
      });
    }
  }
}
