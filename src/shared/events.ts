/** The HTTP contract of the year's events, their attendance and files, and units' exemplary models. */
import { eventKinds } from '../domain/events';
import { z } from './zod';

export const ZEventKind = z.enum(eventKinds);
export const attachmentKinds = ['minutes', 'agenda', 'other'] as const;
export const ZAttachmentKind = z.enum(attachmentKinds);
export const ZAttendance = z.enum(['present', 'absent']);

const text = (max: number) => z.string().trim().max(max);
const ZInstant = z.iso.datetime({ offset: true });

export const ZAttachmentSchema = z.object({
  id: z.string(),
  kind: ZAttachmentKind,
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
export type TAttachment = z.infer<typeof ZAttachmentSchema>;

export const ZEventInputSchema = z
  .object({
    kind: ZEventKind,
    title: text(300).min(2),
    /** Instants with their offset; the web sends Vietnam time (+07:00). */
    startsAt: ZInstant,
    endsAt: ZInstant,
    location: text(300).min(2),
    hostUnitId: z.uuid(),
    unitIds: z.array(z.uuid()).min(1).max(200),
    agenda: text(8000).default(''),
    /** The plan's milestone (deliverable "event") whose tasks the minutes complete. */
    milestoneId: z.uuid().nullable().default(null),
  })
  .refine((v) => new Date(v.endsAt).getTime() > new Date(v.startsAt).getTime(), {
    path: ['endsAt'],
    message: 'phải sau thời điểm bắt đầu',
  });
export type TEventInput = z.input<typeof ZEventInputSchema>;

export const ZEventSchema = z.object({
  id: z.string(),
  yearId: z.string(),
  kind: ZEventKind,
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  hostUnitId: z.string(),
  hostUnitName: z.string(),
  agenda: z.string(),
  milestoneId: z.string().nullable(),
  status: z.enum(['scheduled', 'cancelled']),
  /** How many times calendars were told of a change (iCalendar SEQUENCE). */
  sequence: z.number().int(),
  /** When the minutes were first attached: the event's tasks are then done. */
  minutesAt: z.string().nullable(),
  units: z.array(z.object({ id: z.string(), name: z.string(), attendance: ZAttendance.nullable() })),
  attachments: z.array(ZAttachmentSchema),
  can: z.object({ manage: z.boolean() }),
});
export type TEvent = z.infer<typeof ZEventSchema>;

export const ZEventListSchema = z.object({
  items: z.array(ZEventSchema),
  /** For the editor: the year's member units and the published plan's event milestones. */
  units: z.array(z.object({ id: z.string(), name: z.string() })),
  milestones: z.array(z.object({ id: z.string(), title: z.string(), deadlineAt: z.string().nullable() })),
  can: z.object({ create: z.boolean() }),
});
export type TEventList = z.infer<typeof ZEventListSchema>;

export const ZAttendanceRequestSchema = z.object({
  items: z
    .array(z.object({ unitId: z.uuid(), attendance: ZAttendance.nullable() }))
    .min(1)
    .max(200),
});
export type TAttendanceRequest = z.infer<typeof ZAttendanceRequestSchema>;

export const ZAttachQuerySchema = z.object({ kind: ZAttachmentKind.default('other') });

export const ZExemplarInputSchema = z.object({
  title: text(300).min(2),
  field: text(200).min(2),
  description: text(8000).min(2),
});
export type TExemplarInput = z.input<typeof ZExemplarInputSchema>;

export const ZExemplarSchema = z.object({
  id: z.string(),
  yearId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  title: z.string(),
  field: z.string(),
  description: z.string(),
  presentAtConference: z.boolean(),
  attachments: z.array(ZAttachmentSchema),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: z.object({ edit: z.boolean(), mark: z.boolean() }),
});
export type TExemplar = z.infer<typeof ZExemplarSchema>;

export const ZExemplarQuerySchema = z.object({
  q: text(200).default(''),
  presented: z.enum(['all', 'yes']).default('all'),
});
export const ZExemplarListSchema = z.object({
  items: z.array(ZExemplarSchema),
  can: z.object({ publish: z.boolean(), mark: z.boolean() }),
});
export type TExemplarList = z.infer<typeof ZExemplarListSchema>;

export const ZExemplarMarkRequestSchema = z.object({ present: z.boolean() });
