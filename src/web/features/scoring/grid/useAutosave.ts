import { useCallback, useEffect, useRef, useState } from 'react';
import type { TSheet } from '../../../../shared/scoring';
import { ApiError } from '../../../api/client';
import { saveSheetDraft } from '../api';

export type SaveState =
  | { kind: 'saved'; at: string | null }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'invalid' }
  | { kind: 'conflict'; message: string }
  | { kind: 'error'; message: string };

type Scores = Record<string, number | null>;

export const AUTOSAVE_DELAY_MS = 800;

/**
 * Debounced autosave of each changed sheet with its revision. Saves of one sheet run one after another;
 * a 409 (someone saved since, or the round stopped accepting) blocks that sheet until it is reloaded,
 * so nothing is ever overwritten silently.
 */
export function useAutosave(initial: readonly TSheet[], onSaved: (sheet: TSheet) => void) {
  const [states, setStates] = useState<Record<string, SaveState>>(() =>
    Object.fromEntries(initial.map((s) => [s.id, { kind: 'saved', at: s.updatedAt }])),
  );
  const revisions = useRef(new Map(initial.map((s) => [s.id, s.revision])));
  const queued = useRef(new Map<string, Scores>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const chains = useRef(new Map<string, Promise<void>>());
  const blocked = useRef(new Set<string>());
  const savedRef = useRef(onSaved);
  useEffect(() => {
    savedRef.current = onSaved;
  }, [onSaved]);

  const setState = (id: string, s: SaveState) => setStates((prev) => ({ ...prev, [id]: s }));

  const save = useCallback(async (id: string) => {
    const scores = queued.current.get(id);
    if (!scores || blocked.current.has(id)) return;
    queued.current.delete(id);
    setState(id, { kind: 'saving' });
    try {
      const sheet = await saveSheetDraft(id, scores, revisions.current.get(id) ?? 0);
      revisions.current.set(id, sheet.revision);
      savedRef.current(sheet);
      setState(id, queued.current.has(id) ? { kind: 'pending' } : { kind: 'saved', at: sheet.updatedAt });
    } catch (err) {
      const message = err instanceof ApiError ? err.body.message : '';
      if (err instanceof ApiError && err.status === 409) {
        blocked.current.add(id);
        setState(id, { kind: 'conflict', message });
      } else {
        // Keep the newest edit so that the next change (or submit) retries it.
        if (!queued.current.has(id)) queued.current.set(id, scores);
        setState(id, { kind: 'error', message });
      }
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

  // Leaving the page saves what is still waiting for its debounce; closing the tab asks first.
  useEffect(() => {
    const pending = timers.current;
    const warn = (e: BeforeUnloadEvent) => {
      if (queued.current.size > 0) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      for (const [id, t] of pending) {
        clearTimeout(t);
        void enqueue(id);
      }
      pending.clear();
    };
  }, [enqueue]);

  /** Remembers the sheet's newest valid scores and saves them after a pause in typing. */
  const schedule = useCallback(
    (id: string, scores: Scores) => {
      if (blocked.current.has(id)) return;
      queued.current.set(id, scores);
      setState(id, { kind: 'pending' });
      clearTimeout(timers.current.get(id));
      timers.current.set(
        id,
        setTimeout(() => void enqueue(id), AUTOSAVE_DELAY_MS),
      );
    },
    [enqueue],
  );

  /** The sheet has a cell that cannot be saved: drop the pending save until it is fixed. */
  const markInvalid = useCallback((id: string) => {
    if (blocked.current.has(id)) return;
    clearTimeout(timers.current.get(id));
    queued.current.delete(id);
    setState(id, { kind: 'invalid' });
  }, []);

  /** Saves every pending change now; true when every sheet is saved. */
  const flushAll = useCallback(async (): Promise<boolean> => {
    for (const [id, t] of timers.current) {
      clearTimeout(t);
      if (queued.current.has(id)) void enqueue(id);
    }
    timers.current.clear();
    await Promise.all([...chains.current.values()]);
    return queued.current.size === 0 && blocked.current.size === 0;
  }, [enqueue]);

  const revisionOf = useCallback((id: string) => revisions.current.get(id) ?? 0, []);

  return { states, schedule, markInvalid, flushAll, revisionOf };
}
