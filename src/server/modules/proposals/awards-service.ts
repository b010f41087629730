import { readsUnitAwards } from '../../../domain/access';
import type { TAwardList, TAwardSearchQuery, TUnitAwards } from '../../../shared/proposals';
import { ZAwardSearchQuerySchema } from '../../../shared/proposals';
import { accountAccess, allow } from '../../access';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import { awardsXlsx } from '../../documents/awards-xlsx';
import { notFound } from '../../errors';
import type { FileOut } from '../../http';
import { createProposalRepository } from './repository';

const why = {
  unit: 'Chỉ người của đơn vị, Trưởng khối của Khối có đơn vị này và Ban TĐKT xem được lịch sử khen thưởng.',
  search: 'Chỉ Ban Thi đua - Khen thưởng thành phố tra cứu được khen thưởng của mọi Khối.',
};

/** A unit's decided awards across years: its people, the heads of its blocs, the board. */
export async function unitAwards(db: Executor, unitId: string, ctx: Ctx): Promise<TUnitAwards> {
  const repo = createProposalRepository(db);
  const { actor } = ctx;
  const headed =
    actor.unitId !== null && actor.unitId !== unitId ? await repo.headedBlocOf(actor.unitId, unitId) : false;
  allow(readsUnitAwards(actor, unitId, headed), why.unit);
  const unitName = await repo.unitName(unitId);
  if (unitName === null) throw notFound('đơn vị');
  return { unitId, unitName, items: await repo.awards({ unitId }) };
}

/** The board's search over every bloc's decided awards. */
export async function searchAwards(db: Executor, query: TAwardSearchQuery, ctx: Ctx): Promise<TAwardList> {
  allow(accountAccess(ctx.actor).searchAwards, why.search);
  const f = ZAwardSearchQuerySchema.parse(query);
  return { items: await createProposalRepository(db).awards(f) };
}

/** The same search as .xlsx. */
export async function exportAwards(db: Executor, query: TAwardSearchQuery, ctx: Ctx): Promise<FileOut> {
  const { items } = await searchAwards(db, query, ctx);
  const f = ZAwardSearchQuerySchema.parse(query);
  const filter = [
    f.year ? `Năm ${f.year}` : 'Mọi năm',
    f.blocId ? items[0]?.blocName : null,
    f.unitId ? items[0]?.unitName : null,
    f.awardCode ? items[0]?.awardName : null,
  ]
    .filter(Boolean)
    .join(' - ');
  return {
    data: await awardsXlsx(items, filter),
    filename: `Danh sách khen thưởng${f.year ? ` năm ${f.year}` : ''}.xlsx`,
    kind: 'xlsx',
  };
}
