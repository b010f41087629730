import { deadlineText } from '../../../domain/plans';
import { headView, type RegistrationWindow } from '../../../domain/registrations';
import type {
  TRegistrationItem,
  TUnitRegistration,
  ZRegistrationWindowSchema,
} from '../../../shared/registrations';
import type { z } from '../../../shared/zod';
import type { RegistrationItemRow, RegistrationRow } from './repository';

/** Exactly what leaves the server of a registration's chosen titles and awards. */
export const presentItem = (i: RegistrationItemRow): TRegistrationItem => ({
  code: i.code,
  name: i.name,
  kind: i.kind,
  recipient: i.recipient,
  nominee: i.nominee,
});

export const presentWindow = (w: RegistrationWindow): z.infer<typeof ZRegistrationWindowSchema> => ({
  state: w.state,
  deadlineAt: w.deadlineAt,
  deadlineText: w.deadlineAt ? deadlineText(w.deadlineAt) : null,
});

/** A unit as the head sees it: nothing of a draft, what was sent otherwise. */
export function presentUnitRegistration(
  unit: { id: string; name: string },
  row: RegistrationRow | undefined,
  items: readonly RegistrationItemRow[],
): TUnitRegistration {
  const status = headView(row?.status ?? null);
  const sent = row !== undefined && status !== 'none';
  return {
    unitId: unit.id,
    unitName: unit.name,
    registrationId: sent ? row.id : null,
    status,
    items: sent ? items.map(presentItem) : [],
    commitments: sent ? row.commitments : null,
    returnReason: sent ? row.returnReason : null,
    version: row?.version ?? 0,
    submittedAt: sent ? row.submittedAt : null,
    decidedAt: sent ? row.decidedAt : null,
  };
}
