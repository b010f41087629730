import { z } from './zod';
import { ZApprovalSchema } from './approvals';
import { ZCriteriaSetSchema } from './criteria';
import { ZBoardSchema, ZPlanSchema, ZTaskSchema, ZNotificationSchema } from './plans';
import { ZProgressSchema, ZResultsSchema, ZRoundSchema, ZSheetSchema, ZFairnessSchema } from './scoring';

/**
 * The shared answers, named in the OpenAPI document (components.schemas): every route that returns one
 * refers to it by `$ref`, and each `$ref` resolves (tested). Registered once, at start.
 */
const named: [z.ZodType, string][] = [
  [ZRoundSchema, 'Round'],
  [ZSheetSchema, 'Sheet'],
  [ZProgressSchema, 'Progress'],
  [ZResultsSchema, 'Results'],
  [ZFairnessSchema, 'Fairness'],
  [ZCriteriaSetSchema, 'CriteriaSet'],
  [ZPlanSchema, 'Plan'],
  [ZTaskSchema, 'Task'],
  [ZBoardSchema, 'Board'],
  [ZNotificationSchema, 'Notification'],
  [ZApprovalSchema, 'Approval'],
];

export function registerOpenApiSchemas(): void {
  for (const [schema, id] of named) if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}
