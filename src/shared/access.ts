/**
 * The caller's permissions as the server sends them (domain/access computes them). The web renders its
 * buttons and menus from these and holds no copy of a rule.
 */
import type { AccountCan, YearCan } from '../domain/access';
import { z } from './zod';

export const ZPower = z.enum(['direct', 'request', 'none']);

export const ZAccountCanSchema = z.object({
  manageOrg: z.boolean(),
  readOrg: z.boolean(),
  readAudit: z.boolean(),
  decideApprovals: z.boolean(),
  editCatalogue: z.boolean(),
  searchAwards: z.boolean(),
  switchPublicResults: z.boolean(),
}) satisfies z.ZodType<AccountCan>;

export const ZYearCanSchema = z.object({
  read: z.boolean(),
  prepare: z.boolean(),
  publishPlan: ZPower,
  readPlanDraft: z.boolean(),
  readBoard: z.boolean(),
  urge: z.boolean(),
  ownTasks: z.boolean(),
  readApprovals: z.boolean(),
  submitRegistration: z.boolean(),
  draftCovenant: z.boolean(),
  publishCovenant: z.boolean(),
  commentCovenant: z.boolean(),
  signCovenant: z.boolean(),
  manageEvents: z.boolean(),
  publishExemplars: z.boolean(),
  markExemplars: z.boolean(),
  nominate: z.boolean(),
  readNominations: z.boolean(),
  readProposal: z.boolean(),
  prepareProposal: z.boolean(),
  sendProposal: z.boolean(),
  readDossier: z.boolean(),
  recordDecision: z.boolean(),
}) satisfies z.ZodType<YearCan>;
