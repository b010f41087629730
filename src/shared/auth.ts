import { ZAccountCanSchema } from './access';
import { z } from './zod';

export const roles = ['admin', 'board', 'officer', 'leader'] as const;
export const ZRole = z.enum(roles);
export type TRole = z.infer<typeof ZRole>;

/** The server's policy also refuses guessable passwords (server/modules/auth/password-policy.ts). */
export const passwordMinLength = 10;

export const ZLoginRequestSchema = z.object({
  login: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export type TLoginRequest = z.infer<typeof ZLoginRequestSchema>;

export const ZMeSchema = z.object({
  id: z.string(),
  login: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  role: ZRole,
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** What the account may do anywhere (menus for administration, the board, approvals). */
  can: ZAccountCanSchema,
});
export type TMe = z.infer<typeof ZMeSchema>;

export const ZChangePasswordRequestSchema = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(passwordMinLength).max(200),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'phải khác mật khẩu hiện tại',
  });
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequestSchema>;

export const ZDemoAccountSchema = z.object({
  login: z.string(),
  fullName: z.string(),
  role: ZRole,
  unitName: z.string().nullable(),
});
export const ZDemoAccountsResponseSchema = z.object({
  demo: z.boolean(),
  password: z.string().nullable(),
  accounts: z.array(ZDemoAccountSchema),
});
export type TDemoAccountsResponse = z.infer<typeof ZDemoAccountsResponseSchema>;

export const ZOkSchema = z.object({ ok: z.literal(true) });
