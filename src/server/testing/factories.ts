import { leaves, type CriterionNode } from '../../domain/criteria';
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
