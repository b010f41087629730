import type { Actor } from './context';
import { forbidden } from './errors';

/** Small readable authorization rules; services call `allow(...)` before doing anything. */
export const policies = {
  manageOrg: (a: Actor) => a.role === 'admin',
  readOrg: (a: Actor) => a.role === 'admin' || a.role === 'board',
  readAudit: (a: Actor) => a.role === 'admin',
  /** A bloc-year is visible to admin, the board and the year's member units. */
  readYear: (a: Actor, memberUnitIds: readonly string[]) =>
    a.role === 'admin' || a.role === 'board' || (a.unitId !== null && memberUnitIds.includes(a.unitId)),
} as const;

/** Throws FORBIDDEN unless the rule holds. */
export function allow(ok: boolean, why?: string): void {
  if (!ok) throw forbidden(why);
}
