import { catalogueKinds, recipientKinds, registrationStatuses } from '../domain/registrations';
import { z } from './zod';

const code = z
  .string()
  .trim()
  .min(2)
  .max(60)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang.');

export const ZCatalogueEntrySchema = z.object({
  code,
  name: z.string().trim().min(3).max(300),
  kind: z.enum(catalogueKinds),
  level: z.string().trim().min(2).max(300),
  legalBasis: z.string().trim().min(2).max(1000),
  recipient: z.enum(recipientKinds),
  quotaPerBloc: z.number().int().min(1).max(100).nullable(),
});
export type TCatalogueEntry = z.infer<typeof ZCatalogueEntrySchema>;

/** The board saves the whole catalogue of a year at once; codes are unique within it. */
export const ZCatalogueSaveSchema = z.object({
  entries: z
    .array(ZCatalogueEntrySchema)
    .min(1)
    .max(100)
    .superRefine((entries, c) => {
      const seen = new Set<string>();
      entries.forEach((e, i) => {
        if (seen.has(e.code)) {
          c.addIssue({ code: 'custom', path: [i, 'code'], message: `Mã “${e.code}” bị trùng.` });
        }
        seen.add(e.code);
      });
    }),
});
export type TCatalogueSave = z.infer<typeof ZCatalogueSaveSchema>;

export const ZCatalogueParamsSchema = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

export const ZCatalogueSchema = z.object({
  year: z.number().int(),
  /** 'saved' for the year's own; 'copied' from an earlier year (copiedFrom); 'default' when the city has none. */
  source: z.enum(['saved', 'copied', 'default']),
  copiedFrom: z.number().int().nullable(),
  entries: z.array(ZCatalogueEntrySchema),
  updatedAt: z.string().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type TCatalogue = z.infer<typeof ZCatalogueSchema>;

export const ZRegistrationItemInputSchema = z.object({
  code,
  /** The person's full name, for a title or award given to a person. */
  nominee: z.string().trim().max(200).nullable().default(null),
});
export const ZRegistrationInputSchema = z.object({
  items: z.array(ZRegistrationItemInputSchema).min(1).max(50),
  commitments: z.string().trim().min(10).max(20_000),
});
export type TRegistrationInput = z.input<typeof ZRegistrationInputSchema>;

export const ZRegistrationItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(catalogueKinds),
  recipient: z.enum(recipientKinds),
  nominee: z.string().nullable(),
});
export type TRegistrationItem = z.infer<typeof ZRegistrationItemSchema>;

export const ZRegistrationWindowSchema = z.object({
  state: z.enum(['not-open', 'open', 'closed']),
  deadlineAt: z.string().nullable(),
  deadlineText: z.string().nullable(),
});

/** A unit's registration as its own people see it (or an empty one before the first save). */
export const ZRegistrationSchema = z.object({
  id: z.string().nullable(),
  yearId: z.string(),
  year: z.number().int(),
  unitId: z.string(),
  unitName: z.string(),
  status: z.enum(registrationStatuses).nullable(),
  items: z.array(ZRegistrationItemSchema),
  commitments: z.string(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  submittedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  window: ZRegistrationWindowSchema,
  catalogue: z.array(ZCatalogueEntrySchema),
  can: z.object({ save: z.boolean(), submit: z.boolean() }),
});
export type TRegistration = z.infer<typeof ZRegistrationSchema>;

export const ZUnitRegistrationSchema = z.object({
  unitId: z.string(),
  unitName: z.string(),
  registrationId: z.string().nullable(),
  status: z.enum(['none', 'submitted', 'returned', 'accepted']),
  /** What the unit sent; empty until it sent something. */
  items: z.array(ZRegistrationItemSchema),
  commitments: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});
export type TUnitRegistration = z.infer<typeof ZUnitRegistrationSchema>;

export const ZDispatchSchema = z.object({
  id: z.string(),
  docNumber: z.string().nullable(),
  sentOn: z.string(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type TDispatch = z.infer<typeof ZDispatchSchema>;

/** Every unit's registration state (the head, the deputy, the board). */
export const ZRegistrationOverviewSchema = z.object({
  yearId: z.string(),
  year: z.number().int(),
  blocName: z.string(),
  window: ZRegistrationWindowSchema,
  units: z.array(ZUnitRegistrationSchema),
  dispatches: z.array(ZDispatchSchema),
  can: z.object({ decide: z.boolean(), markSent: z.boolean() }),
});
export type TRegistrationOverview = z.infer<typeof ZRegistrationOverviewSchema>;

/** Returning says why (the unit reads it); accepting needs nothing. */
export const ZRegistrationReturnSchema = z.object({ reason: z.string().trim().min(5).max(2000) });
export type TRegistrationReturn = z.input<typeof ZRegistrationReturnSchema>;

export const ZDispatchInputSchema = z.object({
  docNumber: z.string().trim().max(100).nullable().default(null),
  sentOn: z.iso.date(),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type TDispatchInput = z.input<typeof ZDispatchInputSchema>;

export const ZRegistrationSummaryParamsSchema = z.object({
  id: z.uuid(),
  format: z.enum(['xlsx', 'docx']),
});
