import { deadlineText } from '../../../domain/plans';
import type { TUrgeRequest } from '../../../shared/plans';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict, invalid } from '../../errors';
import { allow, yearAccess } from '../../access';
import { recordAudit } from '../audit/repository';
import { notifyUnits } from '../notifications/notify';
import { createOrgRepository } from '../org/repository';
import { presentTask } from './present';
import { createPlanRepository } from './repository';

/**
 * The head or the deputy urges (đôn đốc) one unit, or every unit with an overdue task, with a message; each
 * unit is told its unfinished tasks. In-app at once; e-mail through the outbox.
 */
export async function urgeUnits(db: Executor, yearId: string, input: TUrgeRequest, ctx: Ctx) {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.urge, 'Chỉ Trưởng khối và Phó trưởng khối được đôn đốc các đơn vị.');
    const at = now();
    const tasks = (await createPlanRepository(tx).liveTasks(yearId))
      .map((t) => presentTask(t, at))
      .filter((t) => t.state !== 'done');
    let unitIds: string[];
    if (input.unitId) {
      if (!access.memberUnitIds.includes(input.unitId)) {
        throw invalid({ unitId: 'Đơn vị: không thuộc Khối trong năm này' });
      }
      unitIds = [input.unitId];
    } else {
      unitIds = [...new Set(tasks.filter((t) => t.state === 'overdue').map((t) => t.unitId))];
      if (!unitIds.length) throw conflict('Không có đơn vị nào đang chậm nhiệm vụ.');
    }
    const sender =
      (ctx.actor.unitId && (await createOrgRepository(tx).findUnit(ctx.actor.unitId))?.name) || 'Trưởng khối';
    const messages = unitIds.map((unitId) => {
      const open = tasks.filter((t) => t.unitId === unitId);
      const list = open.map(
        (t) =>
          `- ${t.title}${t.deadlineAt ? `: ${deadlineText(t.deadlineAt)}` : ''}${t.state === 'overdue' ? ` – ${t.lateByText}` : ''}`,
      );
      return {
        unitId,
        title: `Đôn đốc từ ${sender}`,
        body: `${input.message}\n\n${list.length ? `Nhiệm vụ chưa hoàn thành:\n${list.join('\n')}` : 'Đơn vị không còn nhiệm vụ chưa hoàn thành.'}`,
      };
    });
    const n = await notifyUnits(tx, 'urge', messages, { yearId });
    await recordAudit(tx, ctx, {
      action: 'tasks.urged',
      entityType: 'year',
      entityId: yearId,
      after: { unitIds, message: input.message },
    });
    return { unitIds, notifications: n.notifications, emails: n.emails };
  });
}
