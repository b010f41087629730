import type { AwardRule } from '../../../domain/nominations';
import type { TAwardRules, TAwardRulesSave } from '../../../shared/nominations';
import { allow, yearAccess, type YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict } from '../../errors';
import { recordAudit } from '../audit/repository';
import { effectiveCatalogue } from '../registrations/catalogue';
import { createNominationRepository } from './repository';

export const nominationWhy = {
  read: 'Chỉ các đơn vị thành viên của Khối và Ban TĐKT xem được danh sách đề nghị khen thưởng.',
  nominate: 'Chỉ Trưởng khối (cán bộ hoặc lãnh đạo đơn vị Trưởng khối) lập danh sách đề nghị khen thưởng.',
  sent: 'Tờ trình đề nghị khen thưởng đã gửi Hội đồng: danh sách và quy tắc không sửa được nữa.',
};

/** Refuses a change once the proposal went to the Council (drafted or absent is still open). */
export async function allowWhileProposalOpen(db: Executor, yearId: string): Promise<void> {
  const status = await createNominationRepository(db).proposalStatus(yearId);
  if (status !== null && status !== 'drafted') throw conflict(nominationWhy.sent);
}

/**
 * The year's award rules: the head's saved rules; else, so that a year works without editing, one rule
 * per catalogue award given to units with a quota (in catalogue order: the quota as places, registration
 * required, no minimum score).
 */
export async function effectiveRules(
  db: Executor,
  access: Pick<YearAccess, 'yearId' | 'year'>,
): Promise<Omit<TAwardRules, 'can' | 'yearId'>> {
  const saved = await createNominationRepository(db).rules(access.yearId);
  if (saved.length) {
    const last = saved.reduce((a, b) => (b.updatedAt > a.updatedAt ? b : a));
    return {
      source: 'saved',
      rules: saved.map((r) => ({
        awardCode: r.awardCode,
        awardName: r.awardName,
        places: r.places,
        requiresRegistration: r.requiresRegistration,
        minScore: r.minScore,
      })),
      updatedAt: last.updatedAt,
      updatedByName: last.updatedByName,
    };
  }
  const catalogue = await effectiveCatalogue(db, access.year);
  const rules: AwardRule[] = catalogue.entries
    .filter((e) => e.recipient === 'unit' && e.quotaPerBloc !== null)
    .map((e) => ({
      awardCode: e.code,
      awardName: e.name,
      places: e.quotaPerBloc!,
      requiresRegistration: true,
      minScore: null,
    }));
  return { source: 'default', rules, updatedAt: null, updatedByName: null };
}

/** The rules as members and the board read them. */
export async function getAwardRules(db: Executor, yearId: string, ctx: Ctx): Promise<TAwardRules> {
  const access = await yearAccess(db, yearId, ctx.actor);
  allow(access.can.readNominations, nominationWhy.read);
  return { yearId, ...(await effectiveRules(db, access)), can: { edit: access.can.nominate } };
}

/** The head saves the year's rules in order (audited with what held before). */
export async function saveAwardRules(
  db: Executor,
  yearId: string,
  input: TAwardRulesSave,
  ctx: Ctx,
): Promise<TAwardRules> {
  return inTransaction(db, async (tx) => {
    const access = await yearAccess(tx, yearId, ctx.actor);
    allow(access.can.nominate, nominationWhy.nominate);
    await allowWhileProposalOpen(tx, yearId);
    const before = await effectiveRules(tx, access);
    const at = now().toISOString();
    await createNominationRepository(tx).replaceRules(
      yearId,
      input.rules.map((r, position) => ({
        yearId,
        position,
        awardCode: r.awardCode,
        awardName: r.awardName,
        places: r.places,
        requiresRegistration: r.requiresRegistration,
        minScore: r.minScore,
        updatedBy: ctx.actor.userId,
        updatedAt: at,
      })),
    );
    await recordAudit(tx, ctx, {
      action: 'award-rules.saved',
      entityType: 'year',
      entityId: yearId,
      before: { source: before.source, rules: before.rules },
      after: { rules: input.rules },
    });
    return { yearId, ...(await effectiveRules(tx, access)), can: { edit: true } };
  });
}
