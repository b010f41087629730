import { randomUUID } from 'node:crypto';
import { headPublicAct } from '../../../domain/access';
import type { TNextYear } from '../../../shared/ballots';
import { allow, yearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict } from '../../errors';
import { recordAudit } from '../audit/repository';
import { createCriteriaRepository } from '../criteria/repository';
import { createOrgRepository } from '../org/repository';
import { startNextYear } from '../plans/plan-service';
import { createPlanRepository } from '../plans/repository';
import { electedRoles } from './service';

/**
 * "Tạo năm tiếp theo": the head unit's leader makes the bloc's next year from this one once the election
 * has elected next year's head — members carried over (the administrator edits them as ever), the elected
 * head and deputy, this year's plan copied as next year's working copy (plans' startNextYear) and the
 * criteria copied as a draft.
 */
export async function createNextYear(db: Executor, yearId: string, ctx: Ctx): Promise<TNextYear> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(
      headPublicAct(access.subject) === 'direct',
      'Chỉ lãnh đạo đơn vị Trưởng khối tạo được năm tiếp theo.',
    );
    const org = createOrgRepository(tx);
    const nextYear = access.year + 1;
    if (await org.findYearByBlocAndYear(access.blocId, nextYear)) {
      throw conflict(`Cụm/Khối này đã có năm thi đua ${nextYear}.`);
    }
    const elected = await electedRoles(tx, yearId);
    if (!elected?.headUnitId) {
      throw conflict(
        'Chưa có kết quả bầu Trưởng khối năm sau: hãy tổ chức bỏ phiếu bầu trước khi tạo năm tiếp theo.',
      );
    }
    const id = randomUUID();
    const at = now().toISOString();
    await org.insertYear({
      id,
      blocId: access.blocId,
      year: nextYear,
      headUnitId: elected.headUnitId,
      deputyUnitId: elected.deputyUnitId,
      createdAt: at,
    });
    await org.replaceMembers(id, access.memberUnitIds);
    const criteria = createCriteriaRepository(tx);
    const source = await criteria.findPreviousYearSet(access.blocId, nextYear);
    if (source) {
      await criteria.insertSet({
        id: randomUUID(),
        yearId: id,
        version: 1,
        status: 'draft',
        name: `Bảng tiêu chí chấm điểm thi đua năm ${nextYear}`,
        tree: source.tree,
        isSample: source.isSample,
        createdAt: at,
        updatedAt: at,
        lockedAt: null,
      });
    }
    const plan = await createPlanRepository(tx).findPlanOfYear(yearId);
    if (plan) await startNextYear(tx, plan.id, ctx);
    const result: TNextYear = {
      yearId: id,
      year: nextYear,
      headUnitId: elected.headUnitId,
      deputyUnitId: elected.deputyUnitId,
      planCopied: plan !== undefined,
      criteriaCopied: source !== undefined,
    };
    await recordAudit(tx, ctx, {
      action: 'year.next-created',
      entityType: 'year',
      entityId: id,
      after: { from: yearId, ...result },
    });
    return result;
  });
}
