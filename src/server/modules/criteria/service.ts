import { randomUUID } from 'node:crypto';
import { validateTree, type CriterionNode } from '../../../domain/criteria';
import { ZCriteriaSetUpdateRequestSchema, type TCriteriaSet } from '../../../shared/criteria';
import { nowIso, type Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, conflict, notFound } from '../../errors';
import { parseBody } from '../../http';
import { allow } from '../../access';
import { recordAudit } from '../audit/repository';
import { yearAccess } from '../../access';
import { createCriteriaRepository, presentSet } from './repository';

const onlyHead = 'Chỉ Trưởng khối của năm này được soạn bảng tiêu chí.';

/** The newest version of a year's criteria set, or null when the year has none yet. */
export async function getCurrentSet(db: Executor, yearId: string, ctx: Ctx): Promise<TCriteriaSet | null> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.read);
  const row = await createCriteriaRepository(db).findCurrent(yearId);
  return row ? presentSet(row) : null;
}

/** One version of a criteria set by id (a round's locked set), for whoever may read the year's criteria. */
export async function getSet(db: Executor, setId: string, ctx: Ctx): Promise<TCriteriaSet> {
  const row = await createCriteriaRepository(db).findSet(setId);
  if (!row) throw notFound('bảng tiêu chí');
  allow((await yearAccess(db, row.yearId, ctx.actor)).can.read);
  return presentSet(row);
}

/**
 * Starts a draft: a new version copied from the current (locked) set, else from the bloc's previous
 * year, else empty. Only one draft exists at a time.
 */
export async function startDraft(db: Executor, yearId: string, ctx: Ctx): Promise<TCriteriaSet> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.prepare, onlyHead);
    const repo = createCriteriaRepository(tx);
    const current = await repo.findCurrent(yearId);
    if (current?.status === 'draft') throw conflict('Đã có một bản dự thảo bảng tiêu chí đang soạn.');
    const source = current ?? (await repo.findPreviousYearSet(access.blocId, access.year));
    const now = nowIso();
    const row = {
      id: randomUUID(),
      yearId,
      version: (current?.version ?? 0) + 1,
      status: 'draft' as const,
      name: current?.name ?? `Bảng tiêu chí chấm điểm thi đua năm ${access.year}`,
      tree: source?.tree ?? [],
      isSample: source?.isSample ?? false,
      createdAt: now,
      updatedAt: now,
      lockedAt: null,
    };
    await repo.insertSet(row);
    const set = presentSet(row);
    await recordAudit(tx, ctx, {
      action: 'criteria.draft-started',
      entityType: 'criteriaSet',
      entityId: row.id,
      after: { version: row.version, copiedFrom: source?.id ?? null },
    });
    return set;
  });
}

/**
 * Replaces a draft's name and tree after checking the tree; a locked set never changes. The body is
 * validated here, after the access check (the route leaves it unchecked): see `bodyCheckedInService`.
 */
export async function saveDraft(
  db: Executor,
  setId: string,
  body: unknown, // a TCriteriaSetUpdateRequest once parsed
  ctx: Ctx,
): Promise<TCriteriaSet> {
  return inTransaction(db, async (tx) => {
    const repo = createCriteriaRepository(tx);
    const before = await repo.findSet(setId);
    if (!before) throw notFound('bảng tiêu chí');
    allow((await yearAccess(tx, before.yearId, ctx.actor)).can.prepare, onlyHead);
    const input = parseBody(ZCriteriaSetUpdateRequestSchema, body);
    if (before.status !== 'draft') {
      throw conflict('Bảng tiêu chí đã khóa vì đợt chấm điểm đã mở; hãy tạo phiên bản mới để sửa.');
    }
    assertValidTree(input.tree);
    const patch = { name: input.name, tree: input.tree, updatedAt: nowIso() };
    await repo.updateSet(setId, patch);
    const after = presentSet({ ...before, ...patch });
    await recordAudit(tx, ctx, {
      action: 'criteria.saved',
      entityType: 'criteriaSet',
      entityId: setId,
      before: before.tree,
      after: input.tree,
    });
    return after;
  });
}

/** Throws a VALIDATION error with one message per wrong criterion (keyed by its id). */
export function assertValidTree(tree: CriterionNode[]): void {
  const issues = validateTree(tree);
  if (issues.length) {
    const fieldErrors = Object.fromEntries(issues.map((i) => [i.criterionId, i.message]));
    throw new AppError(
      'VALIDATION',
      `Bảng tiêu chí có ${issues.length} lỗi: ${issues.map((i) => i.message).join('; ')}`,
      fieldErrors,
    );
  }
}
