import { inTransaction } from '../../db/transaction';
import { randomUUID } from 'node:crypto';
import type { TBloc, TBlocCreateRequest } from '../../../shared/org';
import { nowIso, type Ctx } from '../../context';
import { isUniqueViolation } from '../../db/errors';
import type { Executor } from '../../db/schema';
import { conflict, notFound } from '../../errors';
import { allow, accountAccess } from '../../access';
import { recordAudit } from '../audit/repository';
import { createOrgRepository, presentBloc } from './repository';

const duplicateName = () => conflict('Tên Cụm/Khối đã tồn tại.', { name: 'Tên: đã có Cụm/Khối cùng tên' });

export async function listBlocs(db: Executor, ctx: Ctx): Promise<TBloc[]> {
  allow(accountAccess(ctx.actor).readOrg);
  return createOrgRepository(db).listBlocs();
}

export async function createBloc(db: Executor, input: TBlocCreateRequest, ctx: Ctx): Promise<TBloc> {
  allow(accountAccess(ctx.actor).manageOrg);
  const row = {
    id: randomUUID(),
    kind: input.kind,
    name: input.name,
    shortName: input.shortName ?? null,
    description: input.description ?? null,
    governingBody: input.governingBody ?? null,
    place: input.place ?? null,
    createdAt: nowIso(),
    publicResults: 1,
  };
  try {
    return await inTransaction(db, async (tx) => {
      await createOrgRepository(tx).insertBloc(row);
      await recordAudit(tx, ctx, {
        action: 'bloc.created',
        entityType: 'bloc',
        entityId: row.id,
        after: presentBloc(row),
      });
      return presentBloc(row);
    });
  } catch (e) {
    throw isUniqueViolation(e) ? duplicateName() : e;
  }
}

export async function updateBloc(
  db: Executor,
  id: string,
  patch: Partial<TBlocCreateRequest>,
  ctx: Ctx,
): Promise<TBloc> {
  allow(accountAccess(ctx.actor).manageOrg);
  try {
    return await inTransaction(db, async (tx) => {
      const repo = createOrgRepository(tx);
      const before = await repo.findBloc(id);
      if (!before) throw notFound('Cụm/Khối');
      await repo.updateBloc(id, patch);
      const after = presentBloc({ ...before, ...patch });
      await recordAudit(tx, ctx, {
        action: 'bloc.updated',
        entityType: 'bloc',
        entityId: id,
        before: presentBloc(before),
        after,
      });
      return after;
    });
  } catch (e) {
    throw isUniqueViolation(e) ? duplicateName() : e;
  }
}
