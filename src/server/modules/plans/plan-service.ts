import { randomUUID } from 'node:crypto';
import type { TPlan, TPlanPublishRequest, TPlanSaveRequest, TPlanVersion } from '../../../shared/plans';
import { ZPlanPublishRequestSchema } from '../../../shared/plans';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor, Tx } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { AppError, conflict, forbidden, invalid, notFound } from '../../errors';
import { allow, why } from '../../access';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { createOrgRepository } from '../org/repository';
import { yearAccess, type YearAccess } from '../../access';
import {
  contentWarnings,
  nextYearContent,
  normalizeContent,
  publishErrors,
  templateContent,
} from './content';
import { presentPlan } from './present';
import { createPlanRepository, type Plan } from './repository';
import { syncTasks } from './sync-tasks';

/** A plan with its year access for the actor. */
export async function loadPlan(db: Executor, planId: string, ctx: Ctx) {
  const plan = await createPlanRepository(db).findPlan(planId);
  if (!plan) throw notFound('kế hoạch');
  return { plan, access: await yearAccess(db, plan.yearId, ctx.actor) };
}

/** The year's plan (null when none was started): published versions for readers, the draft for head and deputy. */
export async function getPlan(db: Executor, yearId: string, ctx: Ctx): Promise<TPlan | null> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.read);
  const plan = await createPlanRepository(db).findPlanOfYear(yearId);
  return plan ? presentPlan(db, plan, access) : null;
}

async function insertPlan(
  tx: Executor,
  access: YearAccess,
  content: ReturnType<typeof normalizeContent>,
  ctx: Ctx,
  copiedFrom: string | null,
): Promise<string> {
  const repo = createPlanRepository(tx);
  if (await repo.findPlanOfYear(access.yearId)) {
    throw conflict(`Năm ${access.year} đã có kế hoạch; hãy sửa kế hoạch đó.`);
  }
  const at = now().toISOString();
  const row = {
    id: randomUUID(),
    yearId: access.yearId,
    issuingUnitId: access.headUnitId,
    content,
    revision: 0,
    publishedVersion: 0,
    dirty: true,
    createdAt: at,
    updatedAt: at,
    updatedBy: ctx.actor.userId,
  };
  await repo.insertPlan(row);
  await recordAudit(tx, ctx, {
    action: 'plan.created',
    entityType: 'plan',
    entityId: row.id,
    after: { yearId: access.yearId, copiedFrom },
  });
  return row.id;
}

/** Starts the year's plan from the standard template (head). */
export async function createPlan(db: Executor, yearId: string, ctx: Ctx): Promise<TPlan> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.prepare, why.onlyHead);
    const repo = createPlanRepository(tx);
    const bloc = await repo.bloc(access.blocId);
    const content = templateContent({
      year: access.year,
      blocName: bloc.name,
      place: bloc.place,
      headUnitName: await repo.unitName(access.headUnitId),
      memberCount: access.memberUnitIds.length,
    });
    const id = await insertPlan(tx, access, content, ctx, null);
    return presentPlan(tx, (await repo.findPlan(id))!, access);
  });
}

/** Saves the working copy (head). Refused with 409 when someone saved since the revision it was based on. */
export async function savePlan(
  db: Executor,
  planId: string,
  input: TPlanSaveRequest,
  ctx: Ctx,
): Promise<TPlan> {
  return inTransaction(db, async (tx) => {
    const { plan, access } = await loadPlan(tx, planId, ctx);
    allow(access.can.prepare, why.onlyHead);
    const content = normalizeContent(input.content);
    const patch = {
      content,
      updatedAt: now().toISOString(),
      updatedBy: ctx.actor.userId,
    };
    if (!(await createPlanRepository(tx).savePlan(planId, input.revision, patch))) {
      throw conflict(
        'Kế hoạch vừa được người khác lưu. Tải lại để xem bản mới nhất rồi nhập lại thay đổi của bạn; bản của bạn chưa được lưu.',
      );
    }
    await recordAudit(tx, ctx, {
      action: 'plan.saved',
      entityType: 'plan',
      entityId: planId,
      before: plan.content,
      after: content,
    });
    return presentPlan(tx, { ...plan, ...patch, dirty: true, revision: input.revision + 1 }, access);
  });
}

const askLeader =
  'Kế hoạch ban hành dưới tên Lãnh đạo đơn vị Trưởng khối: hãy gửi đề nghị để Lãnh đạo duyệt.';

/**
 * Publishes the working copy as version n+1: the head unit's leader (the plan goes out in the signer's
 * name; the officer asks the leader, see approvals). Only when it is complete and every warning is
 * acknowledged. Creates or updates the units' tasks and tells each unit what it has to do.
 */
export async function publishPlan(db: Executor, planId: string, input: TPlanPublishRequest, ctx: Ctx) {
  const req = ZPlanPublishRequestSchema.parse(input);
  return inTransaction(db, async (tx) => {
    const { plan, access } = await loadPlan(tx, planId, ctx);
    const power = access.can.publishPlan;
    if (power !== 'direct') throw forbidden(power === 'request' ? askLeader : why.onlyHead);
    return publishLoaded(tx, plan, access, req, ctx, null);
  });
}

/** Refuses a publication that would fail: a changed working copy, missing parts, unacknowledged warnings. */
export function checkPublishable(
  plan: Plan,
  access: YearAccess,
  req: { revision?: number; acknowledgedWarnings: string[] },
) {
  if (req.revision !== undefined && req.revision !== plan.revision) {
    throw conflict('Kế hoạch đã thay đổi sau khi bạn mở; tải lại để xem trước khi ban hành.');
  }
  const content = plan.content;
  const errors = publishErrors(content);
  if (Object.keys(errors).length) throw invalid(errors);
  const warnings = contentWarnings(access.year, content);
  const open = warnings.filter((w) => !req.acknowledgedWarnings.includes(w.id));
  if (open.length) {
    throw new AppError(
      'CONFLICT',
      `Kế hoạch còn ${open.length} cảnh báo chưa được xác nhận: ${open.map((w) => w.message).join(' ')} Hãy sửa, hoặc xác nhận từng cảnh báo rồi ban hành.`,
      Object.fromEntries(open.map((w) => [w.id, w.message])),
    );
  }
  return { content, acknowledged: warnings.map((w) => w.id) };
}

/** The publication itself, once the caller's right is checked (directly, or by approving a request). */
export async function publishLoaded(
  tx: Tx,
  plan: Plan,
  access: YearAccess,
  req: { revision?: number; acknowledgedWarnings: string[] },
  ctx: Ctx,
  approved: { approvalId: string; requestedBy: string } | null,
) {
  const { content, acknowledged } = checkPublishable(plan, access, req);
  const planId = plan.id;
  const at = now().toISOString();
  const version = plan.publishedVersion + 1;
  const repo = createPlanRepository(tx);
  await repo.insertVersion({
    id: randomUUID(),
    planId,
    version,
    content: plan.content,
    acknowledgedWarnings: acknowledged,
    publishedAt: at,
    publishedBy: ctx.actor.userId,
  });
  await repo.markPublished(planId, version);
  const sync = await syncTasks(tx, planId, content, access, at);
  const title = `Kế hoạch ${content.docNumber} năm ${access.year} đã ${version === 1 ? 'ban hành' : `cập nhật (phiên bản ${version})`}`;
  await notifyUnits(
    tx,
    'plan-published',
    [...sync.changedByUnit].map(([unitId, lines]) => ({
      unitId,
      title,
      body: `${access.blocName}: nhiệm vụ của đơn vị theo kế hoạch:\n${lines.join('\n')}`,
    })),
    { yearId: access.yearId },
  );
  await recordAudit(tx, ctx, {
    action: 'plan.published',
    entityType: 'plan',
    entityId: planId,
    after: {
      version,
      acknowledgedWarnings: acknowledged,
      tasks: { created: sync.created, updated: sync.updated, cancelled: sync.cancelled },
      ...(approved ?? {}),
    },
  });
  const fresh = (await repo.findPlan(planId))!;
  return {
    plan: await presentPlan(tx, fresh, access),
    tasks: { created: sync.created, updated: sync.updated, cancelled: sync.cancelled },
  };
}

/** One published version, as it was published. */
export async function getVersion(
  db: Executor,
  planId: string,
  version: number,
  ctx: Ctx,
): Promise<TPlanVersion> {
  const { access } = await loadPlan(db, planId, ctx);
  allow(access.can.read);
  const repo = createPlanRepository(db);
  const row = await repo.findVersion(planId, version);
  if (!row) throw notFound(`phiên bản ${version} của kế hoạch`);
  const summary = (await repo.versions(planId)).find((v) => v.version === version);
  return {
    planId,
    version,
    publishedAt: row.publishedAt,
    publishedByName: summary?.publishedByName ?? null,
    acknowledgedWarnings: row.acknowledgedWarnings,
    content: row.content,
  };
}

/**
 * Starts the bloc's next year's plan from this one (the latest published version, else the working copy):
 * deadlines one year later, text kept for editing. By the head of this year or of the next, who must also
 * be allowed to read what is copied: the published version (members), or the working copy (head, deputy).
 */
export async function startNextYear(db: Executor, planId: string, ctx: Ctx): Promise<TPlan> {
  return inTransaction(db, async (tx) => {
    const { plan, access } = await loadPlan(tx, planId, ctx);
    const next = await createOrgRepository(tx).findYearByBlocAndYear(access.blocId, access.year + 1);
    const nextAccess = next ? await yearAccess(tx, next.id, ctx.actor) : null;
    allow(access.can.prepare || (nextAccess !== null && nextAccess.can.prepare), why.onlyHead);
    if (!nextAccess) {
      throw notFound(`năm thi đua ${access.year + 1} của Khối (quản trị viên cần tạo năm đó trước)`);
    }
    const published = plan.publishedVersion > 0;
    allow(
      published ? access.can.read : access.can.readPlanDraft,
      published
        ? 'Đơn vị của bạn không thuộc Khối năm này nên không đọc được kế hoạch để sao chép.'
        : 'Kế hoạch năm này chưa ban hành: chỉ Trưởng khối và Phó khối năm này đọc được bản đang soạn.',
    );
    const repo = createPlanRepository(tx);
    const source = published
      ? (await repo.findVersion(planId, plan.publishedVersion))!.content
      : plan.content;
    const content = nextYearContent(source, access.year);
    const id = await insertPlan(tx, nextAccess, content, ctx, planId);
    return presentPlan(tx, (await repo.findPlan(id))!, nextAccess);
  });
}
