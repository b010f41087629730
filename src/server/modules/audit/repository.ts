import type { TAuditEvent, TAuditFilter } from '../../../shared/audit';
import type { Actor } from '../../context';
import { uuidv7 } from '../../db/ids';
import { insertRow } from '../../db/raw';
import type { Executor } from '../../db/schema';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
const parse = (v: string | null): unknown => (v === null ? null : JSON.parse(v));

/** Writes one audit event; call it inside the transaction of the change it records. */
export async function recordAudit(
  tx: Executor,
  ctx: { actor: Actor | null; requestId: string },
  event: AuditInput,
): Promise<void> {
  // Raw insert (db/raw.ts): every change writes one, so it is on every hot path.
  await insertRow('auditEvents', {
    id: uuidv7(),
    at: new Date().toISOString(),
    actorUserId: ctx.actor?.userId ?? null,
    actorUnitId: ctx.actor?.unitId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    beforeJson: json(event.before),
    afterJson: json(event.after),
    requestId: ctx.requestId,
  }).execute(tx);
}

/** Lists audit events, newest first, with the filters of the admin page. */
export async function listAudit(
  db: Executor,
  q: TAuditFilter,
): Promise<{ total: number; items: TAuditEvent[] }> {
  let base = db.selectFrom('auditEvents as e').leftJoin('users as u', 'u.id', 'e.actorUserId');
  if (q.action) base = base.where('e.action', '=', q.action);
  if (q.entityType) base = base.where('e.entityType', '=', q.entityType);
  if (q.entityId) base = base.where('e.entityId', '=', q.entityId);
  if (q.actorLogin) base = base.where('u.login', '=', q.actorLogin.toLowerCase());
  if (q.from) base = base.where('e.at', '>=', new Date(q.from).toISOString());
  if (q.to) base = base.where('e.at', '<=', new Date(q.to).toISOString());
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll('e')
    .select('u.login as actorLogin')
    .orderBy('e.id', 'desc')
    .limit(q.limit)
    .offset(q.offset)
    .execute();
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actorUserId,
      actorLogin: r.actorLogin ?? null,
      actorUnitId: r.actorUnitId,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      before: parse(r.beforeJson),
      after: parse(r.afterJson),
      requestId: r.requestId,
    })),
  };
}
