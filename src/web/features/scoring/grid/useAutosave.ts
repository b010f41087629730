import { useCallback, useEffect, useRef, useState } from 'react';
import type { TSheet } from '../../../../shared/scoring';
import { ApiError } from '../../../api/client';
import { saveSheetDraft } from '../api';
import { sameScores, type ScoreMap } from './sheetState';

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

export const AUTOSAVE_DELAY_MS = 800;

export interface Autosave {
  states: Record<string, SaveState>;
  /** A cell of the sheet changed: save its savable scores after a pause in typing. */
  schedule: (id: string) => void;
  /** Saves every sheet whose savable scores differ from the server's now; true when all are saved. */
  flushAll: () => Promise<boolean>;
  /** Whether a save is waiting, running, failed or blocked by a conflict. */
  busy: () => boolean;
  revisionOf: (id: string) => number;
}

/**
 * Debounced autosave of each sheet's savable scores (see `viewSheet`: the valid cells, whatever else is
 * wrong on the sheet) with its revision. At save time it asks for the sheet's current scores and sends
 * them only when they differ from what the server holds. Saves of one sheet run one after another; a 409
 * (someone saved since, or the round stopped accepting) blocks that sheet until it is reloaded, so nothing
 * is ever overwritten silently.
 */
export function useAutosave(
  initial: readonly TSheet[],
  current: (id: string) => ScoreMap,
  onSaved: (sheet: TSheet) => void,
): Autosave {
  const [states, setStates] = useState<Record<string, SaveState>>(() =>
    Object.fromEntries(initial.map((s) => [s.id, { kind: 'saved', at: s.updatedAt }])),
  );
  const revisions = useRef(new Map(initial.map((s) => [s.id, s.revision])));
  const saved = useRef(new Map<string, ScoreMap>(initial.map((s) => [s.id, s.scores])));
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const chains = useRef(new Map<string, Promise<void>>());
  const running = useRef(new Set<string>());
  const failed = useRef(new Set<string>());
  const blocked = useRef(new Set<string>());
  const latest = useRef({ current, onSaved });
  useEffect(() => {
    latest.current = { current, onSaved };
  }, [current, onSaved]);

  const setState = (id: string, s: SaveState) => setStates((prev) => ({ ...prev, [id]: s }));

  const save = useCallback(async (id: string) => {
    if (blocked.current.has(id)) return;
    const scores = latest.current.current(id);
    if (sameScores(scores, saved.current.get(id) ?? {})) {
      failed.current.delete(id);
      setStates((prev) =>
        prev[id]?.kind === 'saved' ? prev : { ...prev, [id]: { kind: 'saved', at: null } },
      );
      return;
    }
    running.current.add(id);
    setState(id, { kind: 'saving' });
    try {
      const sheet = await saveSheetDraft(id, scores, revisions.current.get(id) ?? 0);
      revisions.current.set(id, sheet.revision);
      saved.current.set(id, sheet.scores);
      failed.current.delete(id);
      latest.current.onSaved(sheet);
      setState(id, timers.current.has(id) ? { kind: 'pending' } : { kind: 'saved', at: sheet.updatedAt });
    } catch (err) {
      const message = err instanceof ApiError ? err.body.message : '';
      if (err instanceof ApiError && err.status === 409) {
        blocked.current.add(id);
        setState(id, { kind: 'conflict', message });
      } else {
        // The next change (or submit, or leaving the page) retries: the scores are still on screen.
        failed.current.add(id);
        setState(id, { kind: 'error', message });
      }
    } finally {
      running.current.delete(id);
    }
  }, []);

  const enqueue = useCallback(
    (id: string): Promise<void> => {
      const next = (chains.current.get(id) ?? Promise.resolve()).then(() => save(id));
      chains.current.set(id, next);
      return next;
    },
    [save],
  );

  // Leaving the component saves what is still waiting for its debounce.
  useEffect(() => {
    const pending = timers.current;
    return () => {
      for (const [id, t] of pending) {
        clearTimeout(t);
        void enqueue(id);
      }
      pending.clear();
    };
  }, [enqueue]);

  const schedule = useCallback(
    (id: string) => {
      if (blocked.current.has(id)) return;
      setState(id, { kind: 'pending' });
      clearTimeout(timers.current.get(id));
      timers.current.set(
        id,
        setTimeout(() => {
          timers.current.delete(id);
          void enqueue(id);
        }, AUTOSAVE_DELAY_MS),
      );
    },
    [enqueue],
  );

  const flushAll = useCallback(async (): Promise<boolean> => {
    const differs = (id: string) => !sameScores(latest.current.current(id), saved.current.get(id) ?? {});
    for (const t of timers.current.values()) clearTimeout(t);
    timers.current.clear();
    for (const id of saved.current.keys()) if (differs(id)) void enqueue(id);
    await Promise.all([...chains.current.values()]);
    return blocked.current.size === 0 && [...saved.current.keys()].every((id) => !differs(id));
  }, [enqueue]);

  const busy = useCallback(
    () =>
      timers.current.size > 0 ||
      running.current.size > 0 ||
      failed.current.size > 0 ||
      blocked.current.size > 0,
    [],
  );

  const revisionOf = useCallback((id: string) => revisions.current.get(id) ?? 0, []);

  return { states, schedule, flushAll, busy, revisionOf };
}
