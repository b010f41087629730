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
  method: 'GET' | 'POST' | 'PUT';
  url: string;
  payload?: object | Buffer;
  headers?: Record<string, string>;
};
export interface AccessRoute<Ids> {
  name: string;
  allowed: Who[];
  req: (ids: Ids) => AccessRequest;
  /** The exact status an allowed caller gets (per caller when the route's state changes between them). */
  status?: number | Partial<Record<Who, number>>;
}

/** Signs every role in once (cookies by role). */
export async function roleCookies(t: TestApp): Promise<Partial<Record<Who, string>>> {
  const cookies: Partial<Record<Who, string>> = {};
  for (const w of signedIn) cookies[w] = await t.cookie(roleLogins[w as Exclude<Who, 'anonymous'>]);
  return cookies;
}

/**
 * One test per route and caller: allowed callers pass the access check (no 401/403, no 5xx — they may
 * still meet a 4xx for the state or body), everybody else gets 401 (anonymous) or 403.
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
        const r = route.req(ids);
        const res = await t.app.inject({
          ...r,
          headers: { ...(r.headers ?? {}), ...(cookie ? { cookie } : {}) },
        });
        const exact = typeof route.status === 'number' ? route.status : route.status?.[w];
        if (allowed && exact !== undefined) {
          expect(res.statusCode, res.body).toBe(exact);
        } else if (allowed) {
          expect(res.statusCode, res.body).toBeLessThan(500);
          expect([401, 403]).not.toContain(res.statusCode);
        } else {
          expect(res.statusCode, res.body).toBe(w === 'anonymous' ? 401 : 403);
        }
      });
    }
  }
}
