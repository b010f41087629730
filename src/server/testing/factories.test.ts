import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../domain/criteria';
import { createBlocWithUnits, publishedRound, roundWithSheets } from './factories';
import { createTestApp, type TestApp } from './harness';

const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 6000, step: 50, children: [] },
  { id: 'b', code: 'II', text: 'Thi đua', kind: 'normal', maxPoints: 4000, step: 50, children: [] },
];

describe('test factories', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(() => t.close());

  it('make a round whose every sheet is submitted, and a published round with its ranking', async () => {
    const b = await createBlocWithUnits(t, 3, tree);
    const open = await roundWithSheets(t, b, tree, () => 0.5);
    const sheets = await t.db.handle.db
      .selectFrom('sheets')
      .select(['submittedAt'])
      .where('roundId', '=', open)
      .execute();
    expect(sheets).toHaveLength(3 * 3);
    expect(sheets.every((s) => s.submittedAt !== null)).toBe(true);

    const b2 = await createBlocWithUnits(t, 3, tree);
    const published = await publishedRound(t, b2, tree, (_, scored) => 0.5 + scored / 10);
    const res = await t.app.inject({
      url: `/api/rounds/${published}/results`,
      headers: { cookie: await t.cookie(`${b2.codes[2]}.cb`) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const ranked = res.json<{ round: { status: string }; units: { unitId: string; rank: number }[] }>();
    expect(ranked.round.status).toBe('published');
    expect(ranked.units.map((u) => u.unitId)).toEqual([...b2.codes].reverse().map((c) => b2.unitIds[c]));
  });
});
