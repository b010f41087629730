import { describe, expect, it } from 'vitest';
import { nextCell } from './keys';

const key = (k: string, extra: Partial<{ shiftKey: boolean; atStart: boolean; atEnd: boolean }> = {}) => ({
  key: k,
  shiftKey: false,
  atStart: true,
  atEnd: true,
  ...extra,
});

describe('score grid keyboard moves', () => {
  it('goes down with Enter and ArrowDown, up with ArrowUp and Shift+Enter', () => {
    expect(nextCell({ row: 0, col: 1 }, key('Enter'), 3, 2)).toEqual({ row: 1, col: 1 });
    expect(nextCell({ row: 0, col: 1 }, key('ArrowDown'), 3, 2)).toEqual({ row: 1, col: 1 });
    expect(nextCell({ row: 2, col: 0 }, key('ArrowUp'), 3, 2)).toEqual({ row: 1, col: 0 });
    expect(nextCell({ row: 2, col: 0 }, key('Enter', { shiftKey: true }), 3, 2)).toEqual({ row: 1, col: 0 });
    expect(nextCell({ row: 2, col: 0 }, key('Enter'), 3, 2)).toBeNull();
  });

  it('goes right with Tab, wrapping to the next row, and left with Shift+Tab', () => {
    expect(nextCell({ row: 0, col: 0 }, key('Tab'), 3, 2)).toEqual({ row: 0, col: 1 });
    expect(nextCell({ row: 0, col: 1 }, key('Tab'), 3, 2)).toEqual({ row: 1, col: 0 });
    expect(nextCell({ row: 1, col: 0 }, key('Tab', { shiftKey: true }), 3, 2)).toEqual({ row: 0, col: 1 });
    expect(nextCell({ row: 2, col: 1 }, key('Tab'), 3, 2)).toBeNull();
  });

  it('moves sideways with arrows only from the edge of the typed text', () => {
    expect(nextCell({ row: 0, col: 0 }, key('ArrowRight', { atEnd: false }), 3, 2)).toBeNull();
    expect(nextCell({ row: 0, col: 0 }, key('ArrowRight'), 3, 2)).toEqual({ row: 0, col: 1 });
    expect(nextCell({ row: 0, col: 1 }, key('ArrowLeft', { atStart: false }), 3, 2)).toBeNull();
    expect(nextCell({ row: 0, col: 1 }, key('ArrowLeft'), 3, 2)).toEqual({ row: 0, col: 0 });
    expect(nextCell({ row: 0, col: 0 }, key('a'), 3, 2)).toBeNull();
  });
});
