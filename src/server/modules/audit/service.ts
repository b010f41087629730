import type { TAuditFacets, TAuditFilter, TAuditPage } from '../../../shared/audit';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { allow, accountAccess } from '../../access';
import { auditFacets, listAudit } from './repository';

const onlyAdmin = 'Chỉ quản trị hệ thống xem được nhật ký.';

/** The audit log, newest first: administrators only. */
export async function readAudit(db: Executor, q: TAuditFilter, ctx: Ctx): Promise<TAuditPage> {
  allow(accountAccess(ctx.actor).readAudit, onlyAdmin);
  return listAudit(db, q);
}

/** What the log's filters offer. */
export async function readAuditFacets(db: Executor, ctx: Ctx): Promise<TAuditFacets> {
  allow(accountAccess(ctx.actor).readAudit, onlyAdmin);
  return auditFacets(db);
}
