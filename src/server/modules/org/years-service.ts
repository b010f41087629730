import { inTransaction } from '../../db/transaction';
import { randomUUID } from 'node:crypto';
import { checkYearRoles } from '../../../domain/org';
import type { TYear, TYearCreateRequest, TYearDetail, TYearUpdateRequest } from '../../../shared/org';
import { nowIso, type Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { conflict, invalid, notFound } from '../../errors';
import { allow, accountAccess, why, yearAccess } from '../../access';
import { recordAudit } from '../audit/repository';
import { createOrgRepository } from './repository';

export async function listYears(db: Executor, blocId: string | undefined, ctx: Ctx): Promise<TYear[]> {
  allow(accountAccess(ctx.actor).readOrg);
  return createOrgRepository(db).listYears(blocId);
}

/** A bloc-year with its members; readable by its own members, admin and the board. */
export async function getYear(db: Executor, id: string, ctx: Ctx): Promise<TYearDetail> {
  const detail = await loadYear(db, id);
  allow((await yearAccess(db, id, ctx.actor)).can.read, why.readYear);
  return detail;
}

export async function loadYear(db: Executor, id: string): Promise<TYearDetail> {
  const repo = createOrgRepository(db);
  const year = await repo.findYear(id);
  if (!year) throw notFound('năm thi đua');
  return { ...year, members: await repo.members(id) };
}

/** Units must exist and be active to join a year; head and deputy must be distinct members. */
async function validateRoles(
  tx: Executor,
  roles: { memberUnitIds: string[]; headUnitId: string | null; deputyUnitId: string | null },
  newUnitIds: readonly string[],
) {
  const errors = checkYearRoles(roles);
  const found = await createOrgRepository(tx).findUnitsByIds(newUnitIds);
  const byId = new Map(found.map((u) => [u.id, u]));
  newUnitIds.forEach((id, i) => {
    const unit = byId.get(id);
    if (!unit) errors[`unitIds.${i}`] = `Đơn vị thành viên (mục ${i + 1}): không tồn tại`;
    else if (unit.disabled) {
      errors[`unitIds.${i}`] = `Đơn vị thành viên (mục ${i + 1}): "${unit.name}" đã ngừng hoạt động`;
    }
  });
  if (Object.keys(errors).length) throw invalid(errors);
}

export async function createYear(db: Executor, input: TYearCreateRequest, ctx: Ctx): Promise<TYearDetail> {
  allow(accountAccess(ctx.actor).manageOrg);
  return inTransaction(db, async (tx) => {
    const repo = createOrgRepository(tx);
    if (!(await repo.findBloc(input.blocId))) throw invalid({ blocId: 'Cụm/Khối: không tồn tại' });
    if (await repo.findYearByBlocAndYear(input.blocId, input.year)) {
      throw conflict(`Cụm/Khối này đã có năm thi đua ${input.year}.`, {
        year: 'Năm thi đua: đã tồn tại cho Cụm/Khối này',
      });
    }
    const unitIds = input.unitIds ?? [];
    const roles = {
      memberUnitIds: unitIds,
      headUnitId: input.headUnitId ?? null,
      deputyUnitId: input.deputyUnitId ?? null,
    };
    await validateRoles(tx, roles, unitIds);
    const id = randomUUID();
    await repo.insertYear({
      id,
      blocId: input.blocId,
      year: input.year,
      headUnitId: roles.headUnitId,
      deputyUnitId: roles.deputyUnitId,
      createdAt: nowIso(),
    });
    await repo.replaceMembers(id, unitIds);
    const after = await loadYear(tx, id);
    await recordAudit(tx, ctx, {
      action: 'year.created',
      entityType: 'year',
      entityId: id,
      after: auditView(after),
    });
    return after;
  });
}

export async function updateYear(
  db: Executor,
  id: string,
  patch: TYearUpdateRequest,
  ctx: Ctx,
): Promise<TYearDetail> {
  allow(accountAccess(ctx.actor).manageOrg);
  return inTransaction(db, async (tx) => {
    const repo = createOrgRepository(tx);
    const before = await loadYear(tx, id);
    const current = before.members.map((m) => m.id);
    const unitIds = patch.unitIds ?? current;
    const roles = {
      memberUnitIds: unitIds,
      headUnitId: patch.headUnitId === undefined ? before.headUnitId : patch.headUnitId,
      deputyUnitId: patch.deputyUnitId === undefined ? before.deputyUnitId : patch.deputyUnitId,
    };
    await validateRoles(
      tx,
      roles,
      unitIds.filter((u) => !current.includes(u)),
    );
    if (patch.unitIds) await repo.replaceMembers(id, unitIds);
    await repo.updateYearRoles(id, { headUnitId: roles.headUnitId, deputyUnitId: roles.deputyUnitId });
    const after = await loadYear(tx, id);
    await recordAudit(tx, ctx, {
      action: 'year.updated',
      entityType: 'year',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

/** What the audit log keeps of a year: the roles and member ids. */
const auditView = (y: TYearDetail) => ({
  blocId: y.blocId,
  year: y.year,
  headUnitId: y.headUnitId,
  deputyUnitId: y.deputyUnitId,
  unitIds: y.members.map((m) => m.id),
});
