import { leaves, type CriterionNode } from '../../domain/criteria';
import { uuidv7 } from '../db/ids';
import type { TestApp } from './harness';

/** A complete, valid score map: every normal leaf at `share` of its max (rounded down to the step). */
export function fullScores(
  tree: CriterionNode[],
  share: number,
  extra: Record<string, number> = {},
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of leaves(tree)) {
    if (l.kind === 'normal') out[l.id] = Math.floor((l.maxPoints * share) / l.step) * l.step;
  }
  return { ...out, ...extra };
}

export interface TestBloc {
  yearId: string;
  setId: string;
  /**
   * Unit codes in order; the first is the head. Each has an officer `<code>.cb` and a leader `<code>.ld`
   * (password thidua-demo).
   */
  codes: string[];
  unitIds: Record<string, string>;
}

/**
 * Creates (through the admin API) a bloc-year of n units with an officer and a leader each, the first as
 * head (the second as deputy with `deputy`), and a criteria set.
 */
export async function createBlocWithUnits(
  t: TestApp,
  n: number,
  tree: CriterionNode[],
  opts: { deputy?: boolean } = {},
): Promise<TestBloc> {
  const admin = { cookie: await t.cookie('admin') };
  const tag = Math.random().toString(36).slice(2, 7);
  const post = async (url: string, payload: object) => {
    const res = await t.app.inject({ method: 'POST', url, payload, headers: admin });
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: string }>();
  };
  const bloc = await post('/api/blocs', { kind: 'cluster', name: `Cụm thử nghiệm ${tag}` });
  const codes: string[] = [];
  const unitIds: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    const code = `${tag}-u${i}`;
    const unit = await post('/api/units', { code, name: `Đơn vị ${i + 1} (${tag})` });
    await post('/api/users', {
      login: `${code}.ld`,
      fullName: `Lãnh đạo ${i + 1}`,
      role: 'leader',
      unitId: unit.id,
      password: 'thidua-demo',
    });
    await post('/api/users', {
      login: `${code}.cb`,
      fullName: `Cán bộ ${i + 1}`,
      role: 'officer',
      unitId: unit.id,
      password: 'thidua-demo',
    });
    codes.push(code);
    unitIds[code] = unit.id;
  }
  // Accounts made by an administrator must change their password first (enforced by the server); these
  // test accounts keep the shared test password, as if each had changed it already.
  await t.db.handle.db
    .updateTable('users')
    .set({ mustChangePassword: 0 })
    .where(
      'login',
      'in',
      codes.flatMap((c) => [`${c}.cb`, `${c}.ld`]),
    )
    .execute();
  const year = await post('/api/years', {
    blocId: bloc.id,
    year: 2025,
    unitIds: Object.values(unitIds),
    headUnitId: unitIds[codes[0]!],
    ...(opts.deputy ? { deputyUnitId: unitIds[codes[1]!] } : {}),
  });
  const head = { cookie: await t.cookie(`${codes[0]}.cb`) };
  const set = (
    await t.app.inject({ method: 'POST', url: `/api/years/${year.id}/criteria`, headers: head })
  ).json<{ id: string }>();
  await t.app.inject({
    method: 'PUT',
    url: `/api/criteria-sets/${set.id}`,
    headers: head,
    payload: { name: 'Tiêu chí thử', tree },
  });
  return { yearId: year.id, setId: set.id, codes, unitIds };
}

/** The round a test opens unless it says otherwise: year-end, deadline far ahead, no late submissions. */
export const roundDefaults = {
  kind: 'year-end',
  title: 'Đợt cuối năm',
  deadlineAt: '2099-12-08T00:00:00+07:00',
  latePolicy: 'refuse',
  missingPolicy: 'wait-all',
} as const;

/** Opens a scoring round of the bloc-year as the head unit's officer; every member gets its sheets. */
export async function openRound(t: TestApp, b: TestBloc, over: object = {}): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/years/${b.yearId}/rounds`,
    headers: { cookie: await t.cookie(`${b.codes[0]}.cb`) },
    payload: { ...roundDefaults, ...over },
  });
  if (res.statusCode !== 201) throw new Error(`open round: ${res.statusCode} ${res.body}`);
  return res.json<{ id: string }>().id;
}

/**
 * A unit fills every sheet it writes (its own and each peer's, scores chosen by `scoresFor(scored unit
 * code)`) and submits them all, as its leader (`by: 'cb'`: as its officer, when the round lets officers
 * submit). Returns the submit answer.
 */
export async function submitUnit(
  t: TestApp,
  b: TestBloc,
  roundId: string,
  code: string,
  scoresFor: (scoredCode: string) => Record<string, number>,
  by: 'ld' | 'cb' = 'ld',
) {
  const writer = { cookie: await t.cookie(`${code}.cb`) };
  const mine = (await t.app.inject({ url: `/api/rounds/${roundId}/my-sheets`, headers: writer })).json<{
    sheets: { id: string; scoredUnitId: string; revision: number }[];
  }>();
  const codeOf = new Map(Object.entries(b.unitIds).map(([c, id]) => [id, c]));
  for (const s of mine.sheets) {
    const r = await t.app.inject({
      method: 'PUT',
      url: `/api/sheets/${s.id}/draft`,
      headers: writer,
      payload: { scores: scoresFor(codeOf.get(s.scoredUnitId)!), revision: s.revision },
    });
    if (r.statusCode !== 200) throw new Error(`save sheet: ${r.statusCode} ${r.body}`);
  }
  return t.app.inject({
    method: 'POST',
    url: `/api/rounds/${roundId}/submit-all`,
    headers: { cookie: await t.cookie(`${code}.${by}`) },
  });
}

/**
 * An open round in which every unit has submitted all its sheets: unit i gives unit j `share(i, j)` of
 * each normal criterion's maximum.
 */
export async function roundWithSheets(
  t: TestApp,
  b: TestBloc,
  tree: CriterionNode[],
  share: (scorer: number, scored: number) => number,
  over: object = {},
): Promise<string> {
  const roundId = await openRound(t, b, over);
  for (const [i, code] of b.codes.entries()) {
    const res = await submitUnit(t, b, roundId, code, (scored) =>
      fullScores(tree, share(i, b.codes.indexOf(scored))),
    );
    if (res.statusCode !== 200) throw new Error(`submit ${code}: ${res.statusCode} ${res.body}`);
  }
  return roundId;
}

/** A round with every sheet submitted, closed and published by the head unit's leader. */
export async function publishedRound(
  t: TestApp,
  b: TestBloc,
  tree: CriterionNode[],
  share: (scorer: number, scored: number) => number,
  over: object = {},
): Promise<string> {
  const roundId = await roundWithSheets(t, b, tree, share, over);
  const leader = { cookie: await t.cookie(`${b.codes[0]}.ld`) };
  for (const step of ['close', 'publish']) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/rounds/${roundId}/${step}`,
      headers: leader,
    });
    if (res.statusCode !== 200) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
  }
  return roundId;
}

/**
 * A unit's title registration for the given catalogue codes, already accepted by the head (written as the
 * head's acceptance leaves it; the registration flow itself is tested in the registrations module).
 */
export async function acceptedRegistration(
  t: TestApp,
  b: TestBloc,
  code: string,
  awardCodes: string[],
): Promise<void> {
  const db = t.db.handle.db;
  const at = new Date().toISOString();
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('login', '=', `${code}.ld`)
    .executeTakeFirstOrThrow();
  const id = uuidv7();
  await db
    .insertInto('registrations')
    .values({
      id,
      yearId: b.yearId,
      unitId: b.unitIds[code]!,
      status: 'accepted',
      commitments: 'Hoàn thành xuất sắc nhiệm vụ được giao.',
      returnReason: null,
      version: 1,
      updatedAt: at,
      updatedBy: user.id,
      submittedAt: at,
      submittedBy: user.id,
      decidedAt: at,
      decidedBy: user.id,
    })
    .execute();
  if (!awardCodes.length) return;
  await db
    .insertInto('registrationItems')
    .values(
      awardCodes.map((c, position) => ({
        registrationId: id,
        position,
        code: c,
        name: c,
        kind: 'title' as const,
        recipient: 'unit' as const,
        nominee: null,
      })),
    )
    .execute();
}
