/**
 * The server's notion of "now" for deadline decisions. Production uses the system clock; tests set it to
 * exact instants (e.g. 23:59:59.999 and 00:00 Vietnam time on deadline day) with `setClock`.
 *
 * Every business instant uses it: deadlines, submissions, tasks, notices, audit entries, created/updated
 * stamps. Security lifetimes do not: a session's expiry and the sign-in failure window are real elapsed
 * time, and so are the ages of files on disk (plugins/auth.ts, auth/service.ts, auth/attempt-limiter.ts and the orphan-upload sweep read the system clock), so moving the
 * business date in a test — or a wrong clock setting — never extends or cuts a session.
 */
let source: () => Date = () => new Date();

export const now = (): Date => source();

/** Test hook: fix the clock (or restore the system clock with no argument). */
export function setClock(fixed?: Date | (() => Date)): void {
  source =
    fixed === undefined
      ? () => new Date()
      : typeof fixed === 'function'
        ? fixed
        : () => new Date(fixed.getTime());
}

/**
 * Runs `fn` with the clock at a given instant, then restores the clock it found. Only for work that runs
 * alone, before the server takes requests (the demo seed replays a past year this way).
 */
export async function atInstant<T>(instant: string, fn: () => Promise<T>): Promise<T> {
  const previous = source;
  source = () => new Date(instant);
  try {
    return await fn();
  } finally {
    source = previous;
  }
}
