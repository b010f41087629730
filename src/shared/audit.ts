import { z } from './zod';

export const ZAuditEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorLogin: z.string().nullable(),
  actorUnitId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEventSchema>;

export const ZAuditQuerySchema = z.object({
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorLogin: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type TAuditQuery = z.input<typeof ZAuditQuerySchema>;
export type TAuditFilter = z.output<typeof ZAuditQuerySchema>;
export const ZAuditPageSchema = z.object({ total: z.number().int(), items: z.array(ZAuditEventSchema) });
export type TAuditPage = z.infer<typeof ZAuditPageSchema>;
