import { describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { addChild, addSibling, removeNode, suggestCode, updateNode } from './treeOps';

const leaf = (id: string, code: string): CriterionNode => ({
  id,
  code,
  text: id,
  kind: 'normal',
  maxPoints: 500,
  step: 50,
  children: [],
});
const tree: CriterionNode[] = [
  { ...leaf('i', 'I'), maxPoints: 1000, children: [leaf('i.1', '1'), leaf('i.2', '2')] },
];

describe('criteria tree edits', () => {
  it('suggests I, 1, a by depth', () => {
    expect([suggestCode(0, 2), suggestCode(1, 2), suggestCode(2, 2)]).toEqual(['III', '3', 'c']);
  });

  it('adds a child with the next code and the parent kind, and a sibling right after a node', () => {
    const withChild = addChild(tree, 'i.1', 1);
    expect(withChild[0]?.children[0]?.children.map((c) => c.code)).toEqual(['a']);
    const withSibling = addSibling(tree, 'i.1', 1);
    expect(withSibling[0]?.children.map((c) => c.code)).toEqual(['1', '3', '2']);
  });

  it('changes a kind for the whole subtree and removes subtrees', () => {
    const bonus = updateNode(tree, 'i', { kind: 'bonus' });
    expect(bonus[0]?.children.every((c) => c.kind === 'bonus')).toBe(true);
    expect(removeNode(tree, 'i.1')[0]?.children.map((c) => c.id)).toEqual(['i.2']);
    expect(tree[0]?.children).toHaveLength(2);
  });
});
