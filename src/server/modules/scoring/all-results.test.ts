import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { createBlocWithUnits, publishedRound } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { computeRoundsResults } from './all-results';

// A section with two sub-criteria: the per-node means follow the locked tree's flatten order.
const tree: CriterionNode[] = [
  {
    id: 's1',
    code: 'I',
    text: 'Thực hiện nhiệm vụ được giao',
    kind: 'normal',
    maxPoints: 8000,
    step: 50,
    children: [
      {
        id: 's1a',
        code: '1',
        text: 'Kết quả chuyên môn',
        kind: 'normal',
        maxPoints: 5000,
        step: 50,
        children: [],
      },
      {
        id: 's1b',
        code: '2',
        text: 'Cải cách hành chính',
        kind: 'normal',
        maxPoints: 3000,
        step: 50,
        children: [],
      },
    ],
  },
  { id: 'plus', code: 'II', text: 'Điểm thưởng', kind: 'bonus', maxPoints: 400, step: 100, children: [] },
];

describe.each(testDatabases)('results of many rounds at once on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  it('ranks each round as its results page does (trees, tie-breakers and sheets read from the repository)', async () => {
    const rounds: string[] = [];
    for (const share of [(i: number, j: number) => (j === 2 ? 1 : 0.5 + i * 0.1), () => 0.8]) {
      const b = await createBlocWithUnits(t, 3, tree);
      const roundId = await publishedRound(t, b, tree, share, { tieBreakers: ['higher-peer-mean'] });
      const page = await t.app.inject({
        method: 'GET',
        url: `/api/rounds/${roundId}/results`,
        headers: { cookie: await t.cookie(`${b.codes[1]}.cb`) },
      });
      expect(page.statusCode, page.body).toBe(200);
      rounds.push(roundId);
      const all = await computeRoundsResults(t.db.handle.db, [roundId]);
      const mine = all.get(roundId)!;
      const shown = page.json<{
        units: { unitId: string; rank: number | null; selfTotal: number | null }[];
      }>();
      expect(mine.tieBreakers).toEqual(['higher-peer-mean']);
      expect(mine.receivedSheets).toBe(9);
      expect(mine.units[0]!.criterionSums).toHaveLength(4); // s1, s1a, s1b, plus
      expect(mine.units.map((u) => [u.unitId, u.rank, u.selfTotal])).toEqual(
        shown.units.map((u) => [u.unitId, u.rank, u.selfTotal]),
      );
    }
    // Both rounds in one call, in chunks of one: the same answers.
    const both = await computeRoundsResults(t.db.handle.db, rounds, 1);
    expect([...both.keys()].sort()).toEqual([...rounds].sort());
    expect(both.get(rounds[0]!)!.units[0]!.rank).toBe(1);
  });
});
