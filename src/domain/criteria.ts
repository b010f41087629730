/**
 * Criteria sets: a tree (sections I, II → criteria 1, 2 → sub-criteria a, b). Leaves are scored; a
 * parent's score is the capped sum of its children. Bonus nodes add up to their maximum, deduction
 * nodes subtract up to theirs. All points are integer hundredths.
 */

export type CriterionKind = 'normal' | 'bonus' | 'deduction';

export interface CriterionNode {
  id: string;
  /** What the sheet shows in the STT column: "I", "1", "a". */
  code: string;
  text: string;
  kind: CriterionKind;
  maxPoints: number;
  /** Scoring step in hundredths (50 = 0.5 points). */
  step: number;
  guidance?: string | null;
  children: CriterionNode[];
}

/** A unit's entries on one sheet: leaf id → hundredths (for a deduction leaf, the amount deducted). */
export type Scores = Readonly<Record<string, number | null | undefined>>;

export const isLeaf = (n: CriterionNode): boolean => n.children.length === 0;

// Trees are treated as immutable values (editors build a new array on every change), so the
// flattened list of a tree is computed once: it is on every score validation and total.
const flattened = new WeakMap<readonly CriterionNode[], CriterionNode[]>();

/** Every node, depth first, parents before children. */
export function flatten(nodes: readonly CriterionNode[]): CriterionNode[] {
  let out = flattened.get(nodes);
  if (!out) {
    out = [];
    const walk = (ns: readonly CriterionNode[]) => {
      for (const n of ns) {
        out!.push(n);
        walk(n.children);
      }
    };
    walk(nodes);
    flattened.set(nodes, out);
  }
  return out;
}

export const leaves = (nodes: readonly CriterionNode[]): CriterionNode[] => flatten(nodes).filter(isLeaf);

const leafIdSets = new WeakMap<readonly CriterionNode[], ReadonlySet<string>>();
/** The ids of the scored criteria (leaves) of a tree, computed once per tree. */
function leafIds(nodes: readonly CriterionNode[]): ReadonlySet<string> {
  let ids = leafIdSets.get(nodes);
  if (!ids) leafIdSets.set(nodes, (ids = new Set(leaves(nodes).map((n) => n.id))));
  return ids;
}

/** The most a sheet can total: the sum of the maxima of the top-level normal and bonus nodes. */
export function grandMax(nodes: readonly CriterionNode[]): number {
  return nodes.filter((n) => n.kind !== 'deduction').reduce((s, n) => s + n.maxPoints, 0);
}

/** A node's unsigned score: a leaf's entry, or the capped sum of its children. */
export function nodeScore(node: CriterionNode, scores: Scores): number {
  if (isLeaf(node)) return scores[node.id] ?? 0;
  const sum = node.children.reduce((s, c) => s + nodeScore(c, scores), 0);
  return Math.min(sum, node.maxPoints);
}

export interface SheetTotals {
  /** Signed total: normal + bonus − deductions. */
  total: number;
  normal: number;
  bonus: number;
  deduction: number;
  /** Unsigned score of every node (leaves and parents). */
  byNode: Record<string, number>;
}

/** The totals of one sheet. The browser's live totals and the server use this same function. */
export function sheetTotals(nodes: readonly CriterionNode[], scores: Scores): SheetTotals {
  const byNode: Record<string, number> = {};
  const visit = (n: CriterionNode): number => {
    const v = isLeaf(n)
      ? (scores[n.id] ?? 0)
      : Math.min(
          n.children.reduce((s, c) => s + visit(c), 0),
          n.maxPoints,
        );
    byNode[n.id] = v;
    return v;
  };
  const sums = { normal: 0, bonus: 0, deduction: 0 };
  for (const n of nodes) sums[n.kind] += visit(n);
  return { total: sums.normal + sums.bonus - sums.deduction, ...sums, byNode };
}

/** Node scores as an array in `flatten` order: compact storage for a sheet whose tree is fixed (locked). */
export function orderedNodeScores(
  nodes: readonly CriterionNode[],
  byNode: Readonly<Record<string, number>>,
): number[] {
  return flatten(nodes).map((n) => byNode[n.id] ?? 0);
}

export interface ScoreIssue {
  criterionId: string;
  message: string;
}

const pts = (h: number) => (h / 100).toString().replace('.', ',');

/** Label that names a criterion the way the sheet does: "Mục I.2.a". */
export function criterionLabels(nodes: readonly CriterionNode[]): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (ns: readonly CriterionNode[], prefix: string) => {
    for (const n of ns) {
      const path = prefix ? `${prefix}.${n.code}` : n.code;
      out[n.id] = `Mục ${path}`;
      walk(n.children, path);
    }
  };
  walk(nodes, '');
  return out;
}

/**
 * Checks a sheet against its criteria set. `complete` requires every normal leaf to be scored (bonus
 * and deduction leaves left empty count as 0). Returns one Vietnamese message per problem criterion.
 */
export function validateScores(
  nodes: readonly CriterionNode[],
  scores: Scores,
  opts: { complete: boolean },
): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  let labels: Record<string, string> | null = null; // built only when there is something to report
  const labelOf = (id: string) => (labels ??= criterionLabels(nodes))[id];
  const known = leafIds(nodes);
  for (const id of Object.keys(scores)) {
    if (!known.has(id)) {
      issues.push({ criterionId: id, message: `Tiêu chí "${id}" không có trong bảng tiêu chí` });
    }
  }
  for (const n of flatten(nodes)) {
    if (isLeaf(n)) {
      const v = scores[n.id];
      if (v === null || v === undefined) {
        if (opts.complete && n.kind === 'normal') {
          issues.push({ criterionId: n.id, message: `${labelOf(n.id)}: chưa chấm điểm` });
        }
        continue;
      }
      if (!Number.isInteger(v)) {
        issues.push({
          criterionId: n.id,
          message: `${labelOf(n.id)}: điểm phải có tối đa 2 chữ số thập phân`,
        });
      } else if (v < 0 || v > n.maxPoints) {
        const what = n.kind === 'deduction' ? 'điểm trừ' : 'điểm';
        issues.push({
          criterionId: n.id,
          message: `${labelOf(n.id)}: ${what} phải từ 0 đến ${pts(n.maxPoints)}`,
        });
      } else if (v % n.step !== 0) {
        issues.push({
          criterionId: n.id,
          message: `${labelOf(n.id)}: điểm phải là bội số của ${pts(n.step)}`,
        });
      }
    } else if (n.kind === 'normal') {
      const sum = n.children.reduce((s, c) => s + nodeScore(c, scores), 0);
      if (sum > n.maxPoints) {
        issues.push({
          criterionId: n.id,
          message: `${labelOf(n.id)}: tổng điểm các tiêu chí con (${pts(sum)}) vượt điểm tối đa ${pts(n.maxPoints)}`,
        });
      }
    }
  }
  return issues;
}

/** Problems in the tree itself (for the editor and imports): steps, maxima, kinds, codes. */
export function validateTree(nodes: readonly CriterionNode[]): ScoreIssue[] {
  const issues: ScoreIssue[] = [];
  const labels = criterionLabels(nodes);
  const ids = new Set<string>();
  const walk = (ns: readonly CriterionNode[], parent: CriterionNode | null) => {
    const codes = new Set<string>();
    for (const n of ns) {
      const label = labels[n.id] ?? n.code;
      const add = (message: string) => issues.push({ criterionId: n.id, message: `${label}: ${message}` });
      if (ids.has(n.id)) add('mã định danh bị trùng');
      ids.add(n.id);
      if (codes.has(n.code)) add(`số thứ tự "${n.code}" bị trùng`);
      codes.add(n.code);
      if (!n.text.trim()) add('thiếu nội dung tiêu chí');
      if (!Number.isInteger(n.maxPoints) || n.maxPoints <= 0) {
        add('điểm tối đa phải lớn hơn 0, tối đa 2 chữ số thập phân');
      }
      if (!Number.isInteger(n.step) || n.step <= 0) add('bước chấm phải lớn hơn 0');
      else if (Number.isInteger(n.maxPoints) && n.maxPoints % n.step !== 0) {
        add(`điểm tối đa phải là bội số của bước chấm ${pts(n.step)}`);
      }
      if (parent && parent.kind !== n.kind) add('loại tiêu chí phải giống mục cha');
      if (n.kind === 'normal' && n.children.length) {
        const sum = n.children.reduce((s, c) => s + c.maxPoints, 0);
        // Equal, or the section's own maximum is wrong: less and it can never be reached, more and a
        // unit's full marks on every criterion would be cut without anybody seeing why.
        if (sum < n.maxPoints) {
          add(`tổng điểm tối đa các tiêu chí con (${pts(sum)}) nhỏ hơn điểm tối đa ${pts(n.maxPoints)}`);
        } else if (sum > n.maxPoints) {
          add(`tổng điểm tối đa các tiêu chí con (${pts(sum)}) vượt điểm tối đa ${pts(n.maxPoints)} của mục`);
        }
      }
      walk(n.children, n);
    }
  };
  walk(nodes, null);
  return issues;
}
