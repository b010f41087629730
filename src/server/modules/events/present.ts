import type { TAttachment, TEvent } from '../../../shared/events';
import type { AttachmentTable, EventTable } from '../../db/schema';

/** Exactly what leaves the server of a file. */
export const presentAttachment = (a: AttachmentTable): TAttachment => ({
  id: a.id,
  kind: a.kind,
  filename: a.filename,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
  uploadedAt: a.uploadedAt,
});

export interface EventParts {
  hostUnitName: string;
  units: { unitId: string; name: string; attendance: 'present' | 'absent' | null }[];
  attachments: AttachmentTable[];
  manage: boolean;
}

/** An event as the web shows it, with what the caller may do. */
export const presentEvent = (e: EventTable, p: EventParts): TEvent => ({
  id: e.id,
  yearId: e.yearId,
  kind: e.kind as TEvent['kind'],
  title: e.title,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  location: e.location,
  hostUnitId: e.hostUnitId,
  hostUnitName: p.hostUnitName,
  agenda: e.agenda,
  milestoneId: e.milestoneId,
  status: e.status,
  sequence: e.sequence,
  minutesAt: e.minutesAt,
  units: p.units.map((u) => ({ id: u.unitId, name: u.name, attendance: u.attendance })),
  attachments: p.attachments.map(presentAttachment),
  can: { manage: p.manage && e.status === 'scheduled' },
});
