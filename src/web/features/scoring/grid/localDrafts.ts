import type { SheetTexts } from './sheetState';

/**
 * Cells the server cannot take yet (unreadable or breaking a rule) are kept in this browser, per sheet,
 * so that a reload or a closed tab never loses what was typed. The valid cells are on the server.
 */
const key = (sheetId: string) => `thidua.unsaved-cells.${sheetId}`;

/** The invalid texts kept for a sheet (empty when none, or when storage is unavailable). */
export function readUnsavedCells(sheetId: string): SheetTexts {
  try {
    const raw = window.localStorage.getItem(key(sheetId));
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  } catch {
    return {};
  }
}

/** Keeps exactly these cells for the sheet (none: forgets the sheet). */
export function writeUnsavedCells(sheetId: string, cells: SheetTexts): void {
  try {
    if (Object.keys(cells).length === 0) window.localStorage.removeItem(key(sheetId));
    else window.localStorage.setItem(key(sheetId), JSON.stringify(cells));
  } catch {
    // Storage full or disabled: the cells stay on screen and leaving the page still asks first.
  }
}
