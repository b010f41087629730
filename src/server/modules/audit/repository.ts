import type { TAuditEvent, TAuditFilter } from '../../../shared/audit';
import type { Actor } from '../../context';
import { uuidv7 } from '../../db/ids';
import { insertRow } from '../../db/raw';
import type { Executor } from '../../db/schema';
import { now } from '../../clock';

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
    at: now().toISOString(),
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
  const names = await entityNames(db, rows);
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
      entityName: (r.entityId && names.get(`${r.entityType}:${r.entityId}`)) ?? null,
      before: parse(r.beforeJson),
      after: parse(r.afterJson),
      requestId: r.requestId,
    })),
  };
}

type Named = { id: string; name: string | null };

/** The names people know the objects of a page of events by, in one query per kind of object. */
async function entityNames(
  db: Executor,
  rows: readonly { entityType: string; entityId: string | null }[],
): Promise<Map<string, string>> {
  const idsOf = (type: string) => [
    ...new Set(rows.filter((r) => r.entityType === type && r.entityId).map((r) => r.entityId!)),
  ];
  const lookups: Record<string, (ids: string[]) => Promise<Named[]>> = {
    bloc: (ids) => db.selectFrom('blocs').select(['id', 'name']).where('id', 'in', ids).execute(),
    unit: (ids) => db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute(),
    user: (ids) => db.selectFrom('users').select(['id', 'fullName as name']).where('id', 'in', ids).execute(),
    criteriaSet: (ids) =>
      db.selectFrom('criteriaSets').select(['id', 'name']).where('id', 'in', ids).execute(),
    round: (ids) => db.selectFrom('rounds').select(['id', 'title as name']).where('id', 'in', ids).execute(),
    task: (ids) => db.selectFrom('tasks').select(['id', 'title as name']).where('id', 'in', ids).execute(),
    report: (ids) =>
      db.selectFrom('reports').select(['id', 'filename as name']).where('id', 'in', ids).execute(),
    year: async (ids) =>
      (
        await db
          .selectFrom('years as y')
          .innerJoin('blocs as b', 'b.id', 'y.blocId')
          .select(['y.id', 'y.year', 'b.name'])
          .where('y.id', 'in', ids)
          .execute()
      ).map((y) => ({ id: y.id, name: `${y.name} — năm ${y.year}` })),
    plan: async (ids) =>
      (
        await db
          .selectFrom('plans as p')
          .innerJoin('years as y', 'y.id', 'p.yearId')
          .select(['p.id', 'y.year'])
          .where('p.id', 'in', ids)
          .execute()
      ).map((p) => ({ id: p.id, name: `Kế hoạch năm ${p.year}` })),
    sheet: async (ids) =>
      (
        await db
          .selectFrom('sheets as s')
          .innerJoin('units as a', 'a.id', 's.scorerUnitId')
          .innerJoin('units as b', 'b.id', 's.scoredUnitId')
          .select(['s.id', 'a.name as scorer', 'b.name as scored'])
          .where('s.id', 'in', ids)
          .execute()
      ).map((x) => ({ id: x.id, name: `${x.scorer} chấm ${x.scored}` })),
    approval: async (ids) =>
      (
        await db
          .selectFrom('approvals as a')
          .leftJoin('rounds as r', 'r.id', 'a.targetId')
          .select(['a.id', 'a.action', 'r.title'])
          .where('a.id', 'in', ids)
          .execute()
      ).map((x) => ({ id: x.id, name: `${x.action}${x.title ? ` — ${x.title}` : ''}` })),
  };
  const out = new Map<string, string>();
  for (const [type, lookup] of Object.entries(lookups)) {
    const ids = idsOf(type);
    if (!ids.length) continue;
    for (const n of await lookup(ids)) if (n.name) out.set(`${type}:${n.id}`, n.name);
  }
  return out;
}

/** The actions and object kinds the log holds, for the filters' lists. */
export async function auditFacets(db: Executor): Promise<{ actions: string[]; entityTypes: string[] }> {
  const actions = await db.selectFrom('auditEvents').select('action').distinct().orderBy('action').execute();
  const types = await db
    .selectFrom('auditEvents')
    .select('entityType')
    .distinct()
    .orderBy('entityType')
    .execute();
  return { actions: actions.map((a) => a.action), entityTypes: types.map((t) => t.entityType) };
}
