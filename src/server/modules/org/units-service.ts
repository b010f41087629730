import { inTransaction } from '../../db/transaction';
import { randomUUID } from 'node:crypto';
import type { TUnit, TUnitCreateRequest } from '../../../shared/org';
import { nowIso, type Ctx } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import type { Executor } from '../../db/schema';
import { conflict, notFound } from '../../errors';
import { allow, accountAccess } from '../../access';
import { recordAudit } from '../audit/repository';
import { createOrgRepository, presentUnit } from './repository';
import { createUsersRepository } from './users-repository';

const duplicateCode = (code: string) =>
  conflict(`Mã đơn vị "${code}" đã tồn tại.`, { code: 'Mã: đã có đơn vị dùng mã này' });

export async function listUnits(db: Executor, ctx: Ctx): Promise<TUnit[]> {
  allow(accountAccess(ctx.actor).readOrg);
  return createOrgRepository(db).listUnits();
}

/** Inserts a unit and its audit event in the caller's transaction (also used by the importer). */
export async function insertUnit(
  tx: Executor,
  input: TUnitCreateRequest & { isSample?: boolean },
  ctx: Pick<Ctx, 'requestId'> & { actor: Ctx['actor'] | null },
): Promise<TUnit> {
  const row = {
    id: randomUUID(),
    code: input.code,
    name: input.name,
    shortName: input.shortName ?? null,
    email: input.email ?? null,
    isSample: input.isSample ?? false,
    disabled: false,
    createdAt: nowIso(),
  };
  await createOrgRepository(tx).insertUnit(row);
  await recordAudit(tx, ctx, {
    action: 'unit.created',
    entityType: 'unit',
    entityId: row.id,
    after: presentUnit(row),
  });
  return presentUnit(row);
}

export async function createUnit(db: Executor, input: TUnitCreateRequest, ctx: Ctx): Promise<TUnit> {
  allow(accountAccess(ctx.actor).manageOrg);
  try {
    return await inTransaction(db, (tx) => insertUnit(tx, input, ctx));
  } catch (e) {
    throw isUniqueViolation(e) ? duplicateCode(input.code) : e;
  }
}

export async function updateUnit(
  db: Executor,
  id: string,
  patch: Partial<TUnitCreateRequest> & { disabled?: boolean },
  ctx: Ctx,
): Promise<TUnit> {
  allow(accountAccess(ctx.actor).manageOrg);
  try {
    return await inTransaction(db, async (tx) => {
      const repo = createOrgRepository(tx);
      const before = await repo.findUnit(id);
      if (!before) throw notFound('đơn vị');
      const { disabled, ...rest } = patch;
      const set = { ...rest, ...(disabled === undefined ? {} : { disabled }) };
      await repo.updateUnit(id, set);
      // Its accounts can no longer sign in (auth checks the unit) and are signed out now; its sheets,
      // reports and memberships stay, so that results already given keep counting.
      if (disabled) await createUsersRepository(tx).deleteUnitSessions(id);
      const after = presentUnit({ ...before, ...set });
      await recordAudit(tx, ctx, {
        action: 'unit.updated',
        entityType: 'unit',
        entityId: id,
        before: presentUnit(before),
        after,
      });
      return after;
    });
  } catch (e) {
    throw isUniqueViolation(e) ? duplicateCode(patch.code ?? '') : e;
  }
}
