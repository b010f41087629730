import { describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../../domain/criteria';
import { sameScores, viewSheet } from './sheetState';

const leaf = (id: string, max: number, step = 50): CriterionNode => ({
  id,
  code: id,
  text: id,
  kind: 'normal',
  maxPoints: max,
  step,
  children: [],
});
// I (max 10): a (max 10), b (max 10) — capped at 10 together; II: c (max 5).
const tree: CriterionNode[] = [
  { ...leaf('I', 1000), children: [leaf('a', 1000), leaf('b', 1000)] },
  { ...leaf('II', 500), children: [leaf('c', 500)] },
];
const leafIds = ['a', 'b', 'c'];
const unreadable = (id: string) => `${id}: không phải số`;

describe('a sheet as typed: the valid cells are savable whatever else is wrong', () => {
  it('leaves an out-of-range cell out of the savable scores and the totals, and keeps the others', () => {
    const v = viewSheet(tree, leafIds, { a: '4', b: '12', c: '3' }, {}, unreadable);
    expect(v.scores).toEqual({ a: 400, b: null, c: 300 });
    expect(v.invalidCells).toEqual(['b']);
    expect(v.errors.b).toMatch(/từ 0 đến 10/);
    expect(v.totals.total).toBe(700);
    expect(v.totals.byNode.I).toBe(400);
  });

  it('leaves unreadable text out and says why', () => {
    const v = viewSheet(tree, leafIds, { a: 'tám', c: '2,5' }, {}, unreadable);
    expect(v.scores).toEqual({ a: null, b: null, c: 250 });
    expect(v.errors).toEqual({ a: 'a: không phải số' });
  });

  it("keeps the cells already saved together when a new one would pass the parent's maximum", () => {
    const saved = { a: 600 };
    const v = viewSheet(tree, leafIds, { a: '6', b: '5' }, saved, unreadable);
    expect(v.scores).toEqual({ a: 600, b: null, c: null });
    expect(v.invalidCells).toEqual(['b']);
    expect(v.errors.b).toMatch(/Mục I: tổng điểm các tiêu chí con \(11\) vượt điểm tối đa 10/);
    expect(v.totals.total).toBe(600);
  });

  it('needs nothing saved when the typed cells equal the stored ones', () => {
    const v = viewSheet(tree, leafIds, { a: '6', b: '', c: '5' }, { a: 600, c: 500 }, unreadable);
    expect(sameScores(v.scores, { a: 600, c: 500 })).toBe(true);
    expect(sameScores(v.scores, { a: 600 })).toBe(false);
  });
});
