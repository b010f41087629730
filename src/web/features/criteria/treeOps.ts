import type { CriterionKind, CriterionNode } from '../../../domain/criteria';

/** Pure edits of a criteria tree for the editor; every function returns a new tree. */

const romans = [
  'I',
  'II',
  'III',
  'IV',
  'V',
  'VI',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
  'XV',
];

/** The STT a new node gets at a depth and position: I, II… then 1, 2… then a, b… */
export function suggestCode(depth: number, index: number): string {
  if (depth === 0) return romans[index] ?? String(index + 1);
  if (depth === 1) return String(index + 1);
  return String.fromCharCode(97 + (index % 26));
}

// Not crypto.randomUUID: it is missing on plain-http intranet deployments (no secure context).
const newId = () => `c-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export function newNode(kind: CriterionKind, code: string): CriterionNode {
  return { id: newId(), code, text: '', kind, maxPoints: 100, step: 50, guidance: null, children: [] };
}

const map = (nodes: CriterionNode[], f: (n: CriterionNode) => CriterionNode): CriterionNode[] =>
  nodes.map((n) => f({ ...n, children: map(n.children, f) }));

/** Changes fields of one node; a kind change applies to its whole subtree (children share their parent's kind). */
export function updateNode(
  tree: CriterionNode[],
  id: string,
  patch: Partial<Omit<CriterionNode, 'id' | 'children'>>,
): CriterionNode[] {
  const withKind = (n: CriterionNode, kind: CriterionKind): CriterionNode => ({
    ...n,
    kind,
    children: n.children.map((c) => withKind(c, kind)),
  });
  const walk = (nodes: CriterionNode[]): CriterionNode[] =>
    nodes.map((n) => {
      if (n.id !== id) return { ...n, children: walk(n.children) };
      const next = { ...n, ...patch };
      return patch.kind ? withKind(next, patch.kind) : next;
    });
  return walk(tree);
}

/** Appends a child to a node (a leaf becomes a parent). */
export function addChild(tree: CriterionNode[], parentId: string, depth: number): CriterionNode[] {
  return map(tree, (n) =>
    n.id === parentId
      ? { ...n, children: [...n.children, newNode(n.kind, suggestCode(depth + 1, n.children.length))] }
      : n,
  );
}

/** Inserts a new node right after a node, at the same level. */
export function addSibling(tree: CriterionNode[], id: string, depth: number): CriterionNode[] {
  const walk = (nodes: CriterionNode[]): CriterionNode[] => {
    const i = nodes.findIndex((n) => n.id === id);
    if (i < 0) return nodes.map((n) => ({ ...n, children: walk(n.children) }));
    const at = nodes[i];
    if (!at) return nodes;
    return [
      ...nodes.slice(0, i + 1),
      newNode(at.kind, suggestCode(depth, nodes.length)),
      ...nodes.slice(i + 1),
    ];
  };
  return walk(tree);
}

/** Removes a node and its subtree. */
export function removeNode(tree: CriterionNode[], id: string): CriterionNode[] {
  return tree.filter((n) => n.id !== id).map((n) => ({ ...n, children: removeNode(n.children, id) }));
}

/** A new top-level section. */
export const addSection = (tree: CriterionNode[]): CriterionNode[] => [
  ...tree,
  newNode('normal', suggestCode(0, tree.length)),
];
