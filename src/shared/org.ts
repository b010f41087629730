import { ZTaskSchema } from './plans';
import { ZYearCanSchema } from './access';
import { z } from './zod';
import { ZRole, passwordMinLength } from './auth';

export const blocKinds = ['bloc', 'cluster'] as const;
export const ZBlocKind = z.enum(blocKinds);

export const ZIdParamsSchema = z.object({ id: z.uuid() });

const name = z.string().trim().min(2).max(300);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const ZBlocSchema = z.object({
  id: z.string(),
  kind: ZBlocKind,
  name: z.string(),
  shortName: z.string().nullable(),
  description: z.string().nullable(),
  governingBody: z.string().nullable(),
  place: z.string().nullable(),
  /** Whether the bloc's public results page is on (the board switches it). */
  publicResults: z.boolean(),
});
export type TBloc = z.infer<typeof ZBlocSchema>;
export const ZBlocCreateRequestSchema = z.object({
  kind: ZBlocKind,
  name,
  shortName: optionalText(50),
  description: optionalText(2000),
  /** Shown on official documents: "UBND THÀNH PHỐ HẢI PHÒNG", "Hải Phòng". */
  governingBody: optionalText(200),
  place: optionalText(100),
});
export const ZBlocUpdateRequestSchema = ZBlocCreateRequestSchema.partial();
export type TBlocCreateRequest = z.infer<typeof ZBlocCreateRequestSchema>;

export const unitCodePattern = /^[a-z0-9][a-z0-9-]{1,39}$/;
export const ZUnitCode = z
  .string()
  .trim()
  .toLowerCase()
  .regex(unitCodePattern, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang (2–40 ký tự)');

export const ZUnitSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  email: z.string().nullable(),
  isSample: z.boolean(),
  disabled: z.boolean(),
});
export type TUnit = z.infer<typeof ZUnitSchema>;
export const ZUnitCreateRequestSchema = z.object({
  code: ZUnitCode,
  name,
  shortName: optionalText(50),
  email: z.email().nullish(),
});
export const ZUnitUpdateRequestSchema = ZUnitCreateRequestSchema.partial().extend({
  disabled: z.boolean().optional(),
});
export type TUnitCreateRequest = z.infer<typeof ZUnitCreateRequestSchema>;

export const ZYearSchema = z.object({
  id: z.string(),
  blocId: z.string(),
  blocName: z.string(),
  blocKind: ZBlocKind,
  year: z.number().int(),
  headUnitId: z.string().nullable(),
  deputyUnitId: z.string().nullable(),
  memberCount: z.number().int(),
});
export type TYear = z.infer<typeof ZYearSchema>;
export const ZYearDetailSchema = ZYearSchema.extend({
  members: z.array(ZUnitSchema),
});
export type TYearDetail = z.infer<typeof ZYearDetailSchema>;
export const ZYearCreateRequestSchema = z.object({
  blocId: z.uuid(),
  year: z.number().int().min(2000).max(2100),
  unitIds: z.array(z.uuid()).max(60).default([]),
  headUnitId: z.uuid().nullish(),
  deputyUnitId: z.uuid().nullish(),
});
export const ZYearUpdateRequestSchema = z.object({
  unitIds: z.array(z.uuid()).max(60).optional(),
  headUnitId: z.uuid().nullable().optional(),
  deputyUnitId: z.uuid().nullable().optional(),
});
export type TYearCreateRequest = z.input<typeof ZYearCreateRequestSchema>;
export type TYearUpdateRequest = z.infer<typeof ZYearUpdateRequestSchema>;
export const ZYearListQuerySchema = z.object({ blocId: z.uuid().optional() });

export const ZUserSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  role: ZRole,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type TUser = z.infer<typeof ZUserSchema>;
export const loginPattern = /^[a-z0-9][a-z0-9._-]{1,59}$/;
export const ZLogin = z
  .string()
  .trim()
  .toLowerCase()
  .regex(loginPattern, 'chỉ gồm chữ thường không dấu, số, dấu chấm, gạch dưới, gạch ngang (2–60 ký tự)');
const userFields = {
  login: ZLogin,
  fullName: name,
  email: z.email().nullish(),
  role: ZRole,
  unitId: z.uuid().nullish(),
};
/** Officers and leaders belong to a unit; admins and the board do not. */
function unitMatchesRole(v: { role?: string; unitId?: string | null }) {
  if (v.role === undefined) return true;
  const needsUnit = v.role === 'officer' || v.role === 'leader';
  return needsUnit ? Boolean(v.unitId) : !v.unitId;
}
const unitRoleRule = {
  path: ['unitId'],
  message: 'bắt buộc với cán bộ đầu mối và lãnh đạo đơn vị, để trống với quản trị và Ban TĐKT',
};
export const ZUserCreateRequestSchema = z
  .object({ ...userFields, password: z.string().min(passwordMinLength).max(200) })
  .refine(unitMatchesRole, unitRoleRule);
export type TUserCreateRequest = z.input<typeof ZUserCreateRequestSchema>;
export const ZUserUpdateRequestSchema = z
  .object({
    fullName: name.optional(),
    email: z.email().nullish(),
    role: ZRole.optional(),
    unitId: z.uuid().nullish(),
    disabled: z.boolean().optional(),
  })
  .refine((v) => v.role === undefined || unitMatchesRole(v), unitRoleRule);
export type TUserUpdateRequest = z.infer<typeof ZUserUpdateRequestSchema>;
export const ZResetPasswordResponseSchema = z.object({ temporaryPassword: z.string() });

export const ZImportResultSchema = z.object({ imported: z.number().int(), kind: z.enum(['units', 'users']) });
export type TImportResult = z.infer<typeof ZImportResultSchema>;

export const ZHomeSchema = z.object({
  me: z.object({ fullName: z.string(), role: ZRole, unitName: z.string().nullable() }),
  years: z.array(
    ZYearDetailSchema.extend({
      myRole: z.enum(['head', 'deputy', 'member']).nullable(),
      /** What the caller may do in that year. */
      can: ZYearCanSchema,
      /** What to do next: the caller's unit's nearest open tasks (overdue first), and for those who run the year how many tasks are overdue. */
      next: z.object({ tasks: z.array(ZTaskSchema), overdueInBloc: z.number().int().nullable() }),
    }),
  ),
});
export type THome = z.infer<typeof ZHomeSchema>;
