import type { TRole } from '../shared/auth';
import { now } from './clock';

/** Who is acting: the signed-in user and their unit. */
export interface Actor {
  userId: string;
  login: string;
  role: TRole;
  unitId: string | null;
}

/** What every service call receives besides its input. */
export interface Ctx {
  actor: Actor;
  requestId: string;
}

/** Context for actions taken by the system itself (seeding, CLI). */
export function systemCtx(requestId = 'system'): { actor: null; requestId: string } {
  return { actor: null, requestId };
}

/** The app clock's instant as ISO text (tests set the clock; see clock.ts). */
export const nowIso = (): string => now().toISOString();
