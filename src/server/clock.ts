/**
 * The server's notion of "now" for deadline decisions. Production uses the system clock; tests set it to
 * exact instants (e.g. 23:59:59.999 and 00:00 Vietnam time on deadline day) with `setClock`.
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
