import { yearCan } from '../../../domain/access';
import { now } from '../../clock';
import type { YearCan } from '../../../domain/access';
import { createPlanRepository } from '../plans/repository';
import { presentTask } from '../plans/present';
import type { TTask } from '../../../shared/plans';
import { unitRoleInYear } from '../../../domain/org';
import type { THome } from '../../../shared/org';
import type { Ctx } from '../../context';
import type { Db } from '../../db/schema';
import { getMe } from '../auth/service';
import { createOrgRepository } from '../org/repository';

/** The home page: the bloc-years the user's unit is in (all of them for admin and board), newest first. */
export async function getHome(db: Db, ctx: Ctx): Promise<THome> {
  const repo = createOrgRepository(db);
  const me = await getMe(db, ctx.actor.userId);
  const all = await repo.listYears();
  const mine = ctx.actor.unitId ? new Set(await repo.yearIdsOfUnit(ctx.actor.unitId)) : null;
  const visible = mine ? all.filter((y) => mine.has(y.id)) : all;
  const members = await repo.membersOfYears(visible.map((y) => y.id));
  const at = now();
  const years = [];
  for (const y of visible) {
    const list = members.get(y.id) ?? [];
    const myRole = unitRoleInYear({ ...y, memberUnitIds: list.map((m) => m.id) }, ctx.actor.unitId);
    const can = yearCan({ role: ctx.actor.role, unitId: ctx.actor.unitId, yearRole: myRole });
    years.push({
      ...y,
      members: list,
      myRole,
      can,
      next: await nextSteps(db, y.id, can, ctx.actor.unitId, at),
    });
  }
  return { me: { fullName: me.fullName, role: me.role, unitName: me.unitName }, years };
}

const NEXT_TASKS = 3;

/** What to do next in a year: the unit's nearest open tasks, overdue first; overdue tasks in the bloc for those who run it. */
async function nextSteps(
  db: Db,
  yearId: string,
  can: YearCan,
  unitId: string | null,
  at: Date,
): Promise<{ tasks: TTask[]; overdueInBloc: number | null }> {
  if (!can.ownTasks && !can.readBoard) return { tasks: [], overdueInBloc: null };
  const open = (await createPlanRepository(db).liveTasks(yearId))
    .map((t) => presentTask(t, at))
    .filter((t) => t.state !== 'done');
  const mine = can.ownTasks ? open.filter((t) => t.unitId === unitId) : [];
  const soonest = (t: TTask) => (t.deadlineAt ? Date.parse(t.deadlineAt) : Number.MAX_SAFE_INTEGER);
  return {
    tasks: mine.sort((a, b) => soonest(a) - soonest(b)).slice(0, NEXT_TASKS),
    overdueInBloc: can.readBoard ? open.filter((t) => t.state === 'overdue').length : null,
  };
}
