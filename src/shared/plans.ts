import { ZPower } from './access';
/** The HTTP contract of the year's plan, its tasks, reports, notifications and calendar feed. */
import { MAX_CLIENT_INT, z } from './zod';
import { deliverables, responsibleParties } from '../domain/plans';
import { blocReportPeriods } from '../domain/bloc-reports';

export const ZDeliverable = z.enum(deliverables);
export const ZResponsibleParty = z.enum(responsibleParties);

const text = (max: number) => z.string().trim().max(max);
const lines = (max: number, count = 50) => z.array(z.string().trim().min(1).max(max)).max(count);
const ZInstant = z.iso.datetime({ offset: true });
const ZDay = z.iso.date();

export const ZSignerSchema = z.object({
  /** "KT. TRƯỞNG BAN"; empty when the head signs in person. */
  authority: text(100).default(''),
  /** "PHÓ TRƯỞNG BAN" */
  title: text(100).default(''),
  /** "BÙI NGỌC HẢI" */
  name: text(100).default(''),
});

/** A paragraph of the plan's free text; `subheading` is a bold line such as "Căn cứ đánh giá, bình xét…". */
export const ZPlanParagraphSchema = z.object({
  kind: z.enum(['paragraph', 'subheading', 'bullet']).default('paragraph'),
  text: text(4000).min(1),
});

/** Section III: the duties of one party (head, deputy, members), under its own heading. */
export const ZRoleSectionSchema = z.object({ title: text(500).default(''), items: lines(2000) });

export const ZMilestoneInputSchema = z.object({
  /** Kept across edits and versions so that tasks follow their milestone; new milestones get one. */
  id: z.uuid().optional(),
  quarter: z.number().int().min(1).max(4),
  /** A short name used for tasks, reminders and the calendar. */
  title: text(300).min(2),
  /** The sentence in the plan document; `{deadline}` becomes "trước ngày 08/12/2024". Default: the title. */
  description: text(4000).default(''),
  responsible: ZResponsibleParty,
  /** An instant with its offset; or give `deadlineBeforeDay`. */
  deadlineAt: ZInstant.nullish(),
  /** "trước ngày D": 00:00 on D in Vietnam time ("2024-12-08"). Wins over deadlineAt. */
  deadlineBeforeDay: ZDay.nullish(),
  /** What completes the milestone's tasks; one task per responsible unit and deliverable. */
  deliverables: z.array(ZDeliverable).min(1).max(deliverables.length).default(['manual']),
});
export type TMilestoneInput = z.input<typeof ZMilestoneInputSchema>;

export const ZPlanContentInputSchema = z.object({
  docNumber: text(50).default(''),
  place: text(100).default(''),
  /** The date printed on the plan, in Vietnam ("2024-03-20"). */
  issueDate: ZDay.nullish(),
  /** Trích yếu; "\n" starts a new line. */
  subject: text(500).default(''),
  signer: ZSignerSchema.default({ authority: '', title: '', name: '' }),
  legalBases: lines(1000, 20).default([]),
  /** The sentence before section I ("Khối thi đua … xây dựng Kế hoạch … như sau:"). */
  intro: text(2000).default(''),
  theme: text(1000).default(''),
  purposes: lines(4000, 20).default([]),
  requirements: lines(4000, 20).default([]),
  /** II.1: the criteria and how units are scored. */
  scoring: z
    .object({
      title: text(1000).default(''),
      paragraphs: z.array(ZPlanParagraphSchema).max(30).default([]),
      formula: text(1000).default(''),
    })
    .default({ title: '', paragraphs: [], formula: '' }),
  milestones: z.array(ZMilestoneInputSchema).max(100).default([]),
  organization: z
    .object({ head: ZRoleSectionSchema, deputy: ZRoleSectionSchema, members: ZRoleSectionSchema })
    .default({
      head: { title: '', items: [] },
      deputy: { title: '', items: [] },
      members: { title: '', items: [] },
    }),
  recipients: lines(300, 30).default([]),
});
export type TPlanContentInput = z.input<typeof ZPlanContentInputSchema>;

export const ZMilestoneSchema = z.object({
  id: z.string(),
  quarter: z.number().int(),
  title: z.string(),
  description: z.string(),
  responsible: ZResponsibleParty,
  deadlineAt: z.string().nullable(),
  /** "Trước ngày 08/12/2024 (hạn cuối: hết ngày 07/12/2024, giờ Việt Nam)". */
  deadlineText: z.string().nullable(),
  /** The description with `{deadline}` filled in, as printed. */
  sentence: z.string(),
  deliverables: z.array(ZDeliverable),
});
export type TMilestone = z.infer<typeof ZMilestoneSchema>;

export const ZPlanWarningSchema = z.object({
  id: z.string(),
  code: z.enum(['deadline-outside-year', 'deadline-outside-quarter', 'deadline-before-issue']),
  milestoneId: z.string(),
  message: z.string(),
});
export type TPlanWarning = z.infer<typeof ZPlanWarningSchema>;

const ZStoredContent = ZPlanContentInputSchema.omit({ milestones: true }).extend({
  milestones: z.array(ZMilestoneSchema),
});
export const ZPlanContentSchema = z.object({
  ...ZStoredContent.shape,
  signer: z.object({ authority: z.string(), title: z.string(), name: z.string() }),
  issueDate: z.string().nullable(),
});
export type TPlanContent = z.infer<typeof ZPlanContentSchema>;

export const ZPlanVersionSummarySchema = z.object({
  version: z.number().int(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
  acknowledgedWarnings: z.array(z.string()),
});

export const ZPlanSchema = z.object({
  id: z.string(),
  yearId: z.string(),
  year: z.number().int(),
  blocName: z.string(),
  /** The body above the bloc in the document header ("UBND THÀNH PHỐ HẢI PHÒNG"), if set. */
  governingBody: z.string().nullable(),
  issuingUnitId: z.string().nullable(),
  issuingUnitName: z.string().nullable(),
  /** 0 until the first publication. */
  publishedVersion: z.number().int(),
  /** Whether the working copy has changes not yet published. */
  dirty: z.boolean(),
  revision: z.number().int(),
  updatedAt: z.string(),
  /** The working copy with its warnings: only for the head and the deputy. */
  draft: ZPlanContentSchema.nullable(),
  warnings: z.array(ZPlanWarningSchema),
  /** The latest published version, for everyone who may read the year. */
  published: ZPlanContentSchema.nullable(),
  versions: z.array(ZPlanVersionSummarySchema),
  /** The server's "now" for the timeline's today marker. */
  now: z.string(),
  /** What the caller may do: edit the working copy (the head's secretariat); publish it (its leader) or ask to. */
  can: z.object({ edit: z.boolean(), publish: ZPower }),
});
export type TPlan = z.infer<typeof ZPlanSchema>;

export const ZPlanSaveRequestSchema = z.object({
  content: ZPlanContentInputSchema,
  revision: z.number().int().min(0).max(MAX_CLIENT_INT),
});
export type TPlanSaveRequest = z.input<typeof ZPlanSaveRequestSchema>;

export const ZPlanPublishRequestSchema = z.object({
  /** Ids of the warnings the secretariat has read and accepts (e.g. "deadline-outside-year:<milestone id>"). */
  acknowledgedWarnings: z.array(z.string().max(200)).max(300).default([]),
  /** The revision the secretariat reviewed; publishing refuses if someone saved since. */
  revision: z.number().int().min(0).max(MAX_CLIENT_INT).optional(),
});
export type TPlanPublishRequest = z.input<typeof ZPlanPublishRequestSchema>;

export const ZPlanVersionSchema = ZPlanVersionSummarySchema.extend({
  planId: z.string(),
  content: ZPlanContentSchema,
});
export type TPlanVersion = z.infer<typeof ZPlanVersionSchema>;

export const ZPlanPublishResponseSchema = z.object({
  plan: ZPlanSchema,
  tasks: z.object({ created: z.number().int(), updated: z.number().int(), cancelled: z.number().int() }),
});

export const ZPlanVersionParamsSchema = z.object({
  id: z.uuid(),
  version: z.coerce.number().int().min(1).max(MAX_CLIENT_INT),
});
export const ZPlanDocumentParamsSchema = z.object({ id: z.uuid(), format: z.enum(['docx', 'pdf']) });
export const ZPlanDocumentQuerySchema = z.object({
  /** A version number, or "draft" for the working copy (head and deputy). Default: the latest version. */
  version: z.union([z.literal('draft'), z.coerce.number().int().min(1).max(MAX_CLIENT_INT)]).optional(),
});

/* ---------- tasks ---------- */

export const ZTaskStateSchema = z.enum(['done', 'open', 'overdue']);
export const ZTaskSchema = z.object({
  id: z.string(),
  yearId: z.string(),
  unitId: z.string(),
  unitName: z.string(),
  milestoneId: z.string(),
  quarter: z.number().int(),
  title: z.string(),
  deliverable: ZDeliverable,
  deadlineAt: z.string().nullable(),
  deadlineText: z.string().nullable(),
  state: ZTaskStateSchema,
  completedAt: z.string().nullable(),
  completedBy: z
    .enum(['report', 'score-sheets', 'registration', 'covenant-signature', 'head', 'event-minutes'])
    .nullable(),
  note: z.string().nullable(),
  /** How long past the deadline: now for an overdue task, at completion for one done late. */
  lateByMs: z.number().nullable(),
  lateByText: z.string().nullable(),
  reportId: z.string().nullable(),
  /** A score-sheet task's year-end round, where the unit scores. */
  roundId: z.string().nullable(),
});
export type TTask = z.infer<typeof ZTaskSchema>;

export const ZMyTasksSchema = z.object({ unitId: z.string(), tasks: z.array(ZTaskSchema), now: z.string() });

export const ZBoardSchema = z.object({
  units: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      done: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
  columns: z.array(
    z.object({
      key: z.string(),
      milestoneId: z.string(),
      deliverable: ZDeliverable,
      quarter: z.number().int(),
      title: z.string(),
      deadlineAt: z.string().nullable(),
      deadlineText: z.string().nullable(),
    }),
  ),
  /** One cell per unit × task. */
  cells: z.array(ZTaskSchema.extend({ columnKey: z.string() })),
  now: z.string(),
});
export type TBoard = z.infer<typeof ZBoardSchema>;

export const ZTaskCompleteRequestSchema = z.object({ note: text(1000).nullish() });

export const ZReportSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  unitId: z.string(),
  kind: z.enum(['mid-year', 'year-end']),
  filename: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
  late: z.boolean(),
});
export const ZReportUploadResponseSchema = z.object({
  report: ZReportSchema,
  completedTasks: z.array(ZTaskSchema),
});

export const ZUrgeRequestSchema = z
  .object({
    /** One unit; or leave it out and set allLate to urge every unit with an overdue task. */
    unitId: z.uuid().optional(),
    allLate: z.boolean().optional(),
    message: text(2000).min(5),
  })
  .refine((v) => Boolean(v.unitId) !== Boolean(v.allLate), {
    path: ['unitId'],
    message: 'chọn một đơn vị, hoặc "tất cả đơn vị chậm"',
  });
export type TUrgeRequest = z.infer<typeof ZUrgeRequestSchema>;
export const ZUrgeResponseSchema = z.object({
  unitIds: z.array(z.string()),
  notifications: z.number().int(),
  emails: z.number().int(),
});

/* ---------- notifications ---------- */

export const notificationKinds = [
  'plan-published',
  'reminder',
  'overdue',
  'urge',
  'task-done',
  'round',
  'approval',
  'registration',
  'covenant',
  'ballot',
  'event',
  'nomination',
  'proposal',
] as const;
export const ZNotificationKind = z.enum(notificationKinds);
export type TNotificationKind = z.infer<typeof ZNotificationKind>;

export const ZNotificationSchema = z.object({
  id: z.string(),
  kind: ZNotificationKind,
  title: z.string(),
  body: z.string(),
  taskId: z.string().nullable(),
  yearId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type TNotification = z.infer<typeof ZNotificationSchema>;
export const ZNotificationListSchema = z.object({
  unread: z.number().int(),
  items: z.array(ZNotificationSchema),
});
export const ZNotificationListQuerySchema = z.object({
  unreadOnly: z.stringbool().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Per kind: whether the user also gets it by e-mail (in-app notifications always arrive). */
export const ZNotificationPreferencesSchema = z.object({
  email: z.record(ZNotificationKind, z.boolean()),
  address: z.string().nullable(),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferencesSchema>;
export const ZNotificationPreferencesRequestSchema = z.object({
  email: z.partialRecord(ZNotificationKind, z.boolean()),
});

export const ZOutboxItemSchema = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(['pending', 'sent', 'failed']),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const ZOutboxSchema = z.object({ smtpConfigured: z.boolean(), items: z.array(ZOutboxItemSchema) });
export const ZOutboxQuerySchema = z.object({
  status: z.enum(['pending', 'sent', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/* ---------- calendar ---------- */

export const ZCalendarFeedSchema = z.object({
  unitId: z.string(),
  path: z.string(),
  url: z.string(),
  createdAt: z.string(),
});
export const ZCalendarParamsSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

/** The bloc's own report of a period (mid-year, year-end) and the archive of the units' reports for it. */
export const ZBlocReportParamsSchema = z.object({ id: z.uuid(), period: z.enum(blocReportPeriods) });
