import { deadlineText, durationText, taskState, type Deliverable } from '../../../domain/plans';
import type { TPlan, TTask } from '../../../shared/plans';
import { now } from '../../clock';
import type { Executor } from '../../db/schema';
import type { YearAccess } from '../../access';
import { contentWarnings } from './content';
import { createPlanRepository, type Plan, type TaskRow } from './repository';

/** The plan as its reader may see it: the working copy and warnings only for the head and the deputy. */
export async function presentPlan(db: Executor, plan: Plan, access: YearAccess): Promise<TPlan> {
  const repo = createPlanRepository(db);
  const draft = access.can.readPlanDraft ? plan.content : null;
  const latest =
    plan.publishedVersion > 0 ? await repo.findVersion(plan.id, plan.publishedVersion) : undefined;
  const versions = await repo.versions(plan.id);
  return {
    id: plan.id,
    yearId: plan.yearId,
    year: access.year,
    blocName: access.blocName,
    governingBody: (await repo.bloc(access.blocId)).governingBody,
    issuingUnitId: plan.issuingUnitId,
    issuingUnitName: await repo.unitName(plan.issuingUnitId),
    publishedVersion: plan.publishedVersion,
    dirty: plan.dirty,
    revision: plan.revision,
    updatedAt: plan.updatedAt,
    draft,
    warnings: draft ? contentWarnings(access.year, draft) : [],
    published: latest ? latest.content : null,
    versions: versions.map((v) => ({
      version: v.version,
      publishedAt: v.publishedAt,
      publishedByName: v.publishedByName ?? null,
      acknowledgedWarnings: v.acknowledgedWarnings,
    })),
    now: now().toISOString(),
    can: { edit: access.can.prepare, publish: access.can.publishPlan },
  };
}

/**
 * A task with its state now: done, open or overdue, and by how long. A score-sheet task links to the
 * year-end round (`roundId`) when one is open.
 */
export function presentTask(t: TaskRow, at: Date, yearEndRoundId: string | null = null): TTask {
  const { state, lateByMs } = taskState(t, at);
  return {
    id: t.id,
    yearId: t.yearId,
    unitId: t.unitId,
    unitName: t.unitName,
    milestoneId: t.milestoneId,
    quarter: t.quarter,
    title: t.title,
    deliverable: t.deliverable as Deliverable,
    deadlineAt: t.deadlineAt,
    deadlineText: t.deadlineAt ? deadlineText(t.deadlineAt) : null,
    state,
    completedAt: t.completedAt,
    completedBy: t.completedBy,
    note: t.note,
    lateByMs,
    lateByText:
      lateByMs === null
        ? null
        : state === 'done'
          ? `nộp muộn ${durationText(lateByMs)}`
          : `quá hạn ${durationText(lateByMs)}`,
    reportId: t.reportId,
    roundId: t.deliverable === 'score-sheets' ? yearEndRoundId : null,
  };
}
