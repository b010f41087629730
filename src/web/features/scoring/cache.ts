import type { QueryClient } from '@tanstack/react-query';
import type { TMySheets, TSheet } from '../../../shared/scoring';
import { scoringKeys } from './api';

/** Puts a sheet the server returned (after a save or a submit) into the round's my-sheets cache. */
export function putSheet(client: QueryClient, roundId: string, sheet: TSheet): void {
  client.setQueryData<TMySheets>(scoringKeys.mySheets(roundId), (old) => {
    if (!old) return old;
    const sheets = old.sheets.map((s) => (s.id === sheet.id ? sheet : s));
    return { ...old, sheets, submitted: sheets.filter((s) => s.submittedVersion > 0).length };
  });
}
