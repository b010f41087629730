/** Where a key press moves the focus in the score grid (rows = leaf criteria, columns = sheets). */
export interface CellPos {
  row: number;
  col: number;
}

export interface KeyInfo {
  key: string;
  shiftKey: boolean;
  /** Caret at the start / end of the input (or the whole text selected). */
  atStart: boolean;
  atEnd: boolean;
}

/**
 * Spreadsheet moves: Enter/ArrowDown go down, ArrowUp and Shift+Enter go up, Tab/ArrowRight go right
 * (wrapping to the next row), Shift+Tab/ArrowLeft go left. Left/right arrows move only when the caret
 * is at the edge, so that a typed value can still be edited. Null when the key is not a move.
 */
export function nextCell(pos: CellPos, k: KeyInfo, rows: number, cols: number): CellPos | null {
  const clamp = (p: CellPos): CellPos | null =>
    p.row < 0 || p.row >= rows || p.col < 0 || p.col >= cols ? null : p;
  const right = (): CellPos | null =>
    pos.col + 1 < cols ? { row: pos.row, col: pos.col + 1 } : clamp({ row: pos.row + 1, col: 0 });
  const left = (): CellPos | null =>
    pos.col > 0 ? { row: pos.row, col: pos.col - 1 } : clamp({ row: pos.row - 1, col: cols - 1 });
  switch (k.key) {
    case 'Enter':
      return clamp({ row: pos.row + (k.shiftKey ? -1 : 1), col: pos.col });
    case 'ArrowDown':
      return clamp({ row: pos.row + 1, col: pos.col });
    case 'ArrowUp':
      return clamp({ row: pos.row - 1, col: pos.col });
    case 'Tab':
      return k.shiftKey ? left() : right();
    case 'ArrowRight':
      return k.atEnd ? right() : null;
    case 'ArrowLeft':
      return k.atStart ? left() : null;
    default:
      return null;
  }
}
