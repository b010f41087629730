import { yearCan } from '../../../domain/access';
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
  const years = visible.map((y) => {
    const list = members.get(y.id) ?? [];
    const myRole = unitRoleInYear({ ...y, memberUnitIds: list.map((m) => m.id) }, ctx.actor.unitId);
    const can = yearCan({ role: ctx.actor.role, unitId: ctx.actor.unitId, yearRole: myRole });
    return { ...y, members: list, myRole, can };
  });
  return { me: { fullName: me.fullName, role: me.role, unitName: me.unitName }, years };
}
