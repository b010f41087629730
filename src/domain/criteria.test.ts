import { describe, expect, it } from 'vitest';
import { grandMax, sheetTotals, validateScores, validateTree, type CriterionNode } from './criteria';

const node = (
  id: string,
  code: string,
  kind: CriterionNode['kind'],
  maxPoints: number,
  children: CriterionNode[] = [],
  step = 50,
): CriterionNode => ({
  id,
  code,
  text: `Tiêu chí ${id}`,
  kind,
  maxPoints,
  step,
  children,
});

export const sampleTree: CriterionNode[] = [
  node('I', 'I', 'normal', 3000, [
    node('I1', '1', 'normal', 2000, [node('I1a', 'a', 'normal', 1000), node('I1b', 'b', 'normal', 1000)]),
    node('I2', '2', 'normal', 1000, [], 25),
  ]),
  node('II', 'II', 'normal', 7000, [node('II1', '1', 'normal', 7000)]),
  node('B', 'III', 'bonus', 500, [node('B1', '1', 'bonus', 300), node('B2', '2', 'bonus', 300)]),
  node('D', 'IV', 'deduction', 1000, [node('D1', '1', 'deduction', 1000)]),
];

describe('criteria sheets', () => {
  it('totals normal + capped bonus − deductions', () => {
    const t = sheetTotals(sampleTree, { I1a: 1000, I1b: 850, I2: 975, II1: 6500, B1: 300, B2: 300, D1: 150 });
    expect(t.byNode.I1).toBe(1850);
    expect(t.byNode.B).toBe(500); // 6 bonus points capped at 5
    expect(t).toMatchObject({ normal: 9325, bonus: 500, deduction: 150, total: 9675 });
    expect(grandMax(sampleTree)).toBe(10500);
  });

  it('names the criterion and the rule for each wrong score', () => {
    const issues = validateScores(
      sampleTree,
      { I1a: 1100, I1b: 875, I2: 980, II1: 6500, D1: -50, X: 5 },
      { complete: true },
    );
    expect(issues.map((i) => i.message)).toEqual([
      'Tiêu chí "X" không có trong bảng tiêu chí',
      'Mục I.1.a: điểm phải từ 0 đến 10',
      'Mục I.1.b: điểm phải là bội số của 0,5',
      'Mục I.2: điểm phải là bội số của 0,25',
      'Mục IV.1: điểm trừ phải từ 0 đến 10',
    ]);
  });

  it('requires every normal criterion only when submitting', () => {
    expect(validateScores(sampleTree, { I1a: 500 }, { complete: false })).toEqual([]);
    const missing = validateScores(sampleTree, { I1a: 500 }, { complete: true }).map((i) => i.criterionId);
    expect(missing).toEqual(['I1b', 'I2', 'II1']);
  });

  it('rejects children that exceed a normal parent cap', () => {
    const tree = [
      node('P', 'I', 'normal', 1000, [node('c1', '1', 'normal', 1000), node('c2', '2', 'normal', 1000)]),
    ];
    expect(validateScores(tree, { c1: 800, c2: 500 }, { complete: true }).map((i) => i.message)).toEqual([
      'Mục I: tổng điểm các tiêu chí con (13) vượt điểm tối đa 10',
    ]);
  });

  it('checks the tree itself', () => {
    expect(validateTree(sampleTree)).toEqual([]);
    const bad = [
      node('P', 'I', 'normal', 1000, [node('c1', '1', 'bonus', 330, [], 100), node('c2', '1', 'normal', 0)]),
    ];
    expect(validateTree(bad).map((i) => i.message)).toEqual([
      'Mục I: tổng điểm tối đa các tiêu chí con (3,3) nhỏ hơn điểm tối đa 10',
      'Mục I.1: điểm tối đa phải là bội số của bước chấm 1',
      'Mục I.1: loại tiêu chí phải giống mục cha',
      'Mục I.1: số thứ tự "1" bị trùng',
      'Mục I.1: điểm tối đa phải lớn hơn 0, tối đa 2 chữ số thập phân',
    ]);
  });
});
