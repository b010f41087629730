import type { TRole } from '../shared/auth';

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

export const nowIso = (): string => new Date().toISOString();
