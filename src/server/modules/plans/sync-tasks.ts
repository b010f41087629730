import { randomUUID } from 'node:crypto';
import { deadlineText, deliverableLabels, type ResponsibleParty } from '../../../domain/plans';
import type { TPlanContent } from '../../../shared/plans';
import type { TaskTable, Tx } from '../../db/schema';
import type { YearAccess } from '../../access';
import { createPlanRepository } from './repository';

/**
 * The units a milestone's tasks go to. "members" is every unit of the bloc that year (the head and the
 * deputy included); the Council is outside the bloc, so the head follows its items up.
 */
export function responsibleUnits(party: ResponsibleParty, access: YearAccess): string[] {
  switch (party) {
    case 'members':
      return access.memberUnitIds;
    case 'head':
    case 'council':
      return access.headUnitId ? [access.headUnitId] : [];
    case 'deputy':
      return access.deputyUnitId ? [access.deputyUnitId] : [];
  }
}

/** A task's title: the milestone's, with the deliverable named when a milestone has several. */
const taskTitle = (title: string, deliverable: keyof typeof deliverableLabels, several: boolean) =>
  several ? `${title} – ${deliverableLabels[deliverable]}` : title;

export interface SyncResult {
  created: number;
  updated: number;
  cancelled: number;
  /** unit id → titles of its new or changed tasks, to tell the unit. */
  changedByUnit: Map<string, string[]>;
}

/**
 * Makes the tasks match a published version: one per milestone × responsible unit × deliverable. Existing
 * tasks keep their id and completion (a new deadline re-arms reminders); tasks of removed milestones are
 * cancelled, never deleted.
 */
export async function syncTasks(
  tx: Tx,
  planId: string,
  content: TPlanContent,
  access: YearAccess,
  at: string,
): Promise<SyncResult> {
  const repo = createPlanRepository(tx);
  const existing = new Map(
    (await repo.tasksOfPlan(planId)).map((t) => [`${t.milestoneId}|${t.unitId}|${t.deliverable}`, t]),
  );
  const result: SyncResult = { created: 0, updated: 0, cancelled: 0, changedByUnit: new Map() };
  const note = (unitId: string, line: string) =>
    result.changedByUnit.set(unitId, [...(result.changedByUnit.get(unitId) ?? []), line]);
  const inserts: TaskTable[] = [];
  const wanted = new Set<string>();
  for (const m of content.milestones) {
    for (const unitId of responsibleUnits(m.responsible, access)) {
      for (const deliverable of m.deliverables) {
        const key = `${m.id}|${unitId}|${deliverable}`;
        wanted.add(key);
        const title = taskTitle(m.title, deliverable, m.deliverables.length > 1);
        const line = `- ${title}${m.deadlineAt ? ` (${deadlineText(m.deadlineAt)})` : ''}`;
        const old = existing.get(key);
        if (!old) {
          inserts.push({
            id: randomUUID(),
            planId,
            yearId: access.yearId,
            unitId,
            milestoneId: m.id,
            deliverable,
            quarter: m.quarter,
            title,
            deadlineAt: m.deadlineAt,
            status: 'open',
            completedAt: null,
            completedBy: null,
            completedByUser: null,
            note: null,
            reportId: null,
            createdAt: at,
          });
          note(unitId, line);
        } else if (
          old.title !== title ||
          old.deadlineAt !== m.deadlineAt ||
          old.quarter !== m.quarter ||
          old.status === 'cancelled'
        ) {
          await repo.updateTask(old.id, {
            title,
            deadlineAt: m.deadlineAt,
            quarter: m.quarter,
            status: old.completedAt ? 'done' : 'open',
          });
          result.updated++;
          note(unitId, line);
        }
      }
    }
  }
  await repo.insertTasks(inserts);
  result.created = inserts.length;
  for (const [key, t] of existing) {
    if (!wanted.has(key) && t.status !== 'cancelled') {
      await repo.updateTask(t.id, { status: 'cancelled' });
      result.cancelled++;
    }
  }
  return result;
}
