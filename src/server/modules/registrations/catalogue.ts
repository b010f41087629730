import { DEFAULT_CATALOGUE } from '../../../domain/registrations';
import type { TCatalogue, TCatalogueEntry, TCatalogueSave } from '../../../shared/registrations';
import { accountAccess, allow } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import { uuidv7 } from '../../db/ids';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { recordAudit } from '../audit/repository';
import { createRegistrationRepository } from './repository';

type Effective = Omit<TCatalogue, 'can'>;

const entryOf = (r: TCatalogueEntry): TCatalogueEntry => ({
  code: r.code,
  name: r.name,
  kind: r.kind,
  level: r.level,
  legalBasis: r.legalBasis,
  recipient: r.recipient,
  quotaPerBloc: r.quotaPerBloc,
});

/**
 * The catalogue that holds for a year: its own; else a copy of the latest earlier year's (a year copies
 * last year's until the board saves one of its own); else the default catalogue.
 */
export async function effectiveCatalogue(db: Executor, year: number): Promise<Effective> {
  const repo = createRegistrationRepository(db);
  const own = await repo.catalogue(year);
  if (own.length) {
    const updatedAt = own.map((r) => r.updatedAt).reduce((a, b) => (b > a ? b : a));
    return { year, source: 'saved', copiedFrom: null, entries: own.map(entryOf), updatedAt };
  }
  const earlier = await repo.latestCatalogueYearBefore(year);
  if (earlier !== null) {
    const entries = (await repo.catalogue(earlier)).map(entryOf);
    return { year, source: 'copied', copiedFrom: earlier, entries, updatedAt: null };
  }
  return {
    year,
    source: 'default',
    copiedFrom: null,
    entries: DEFAULT_CATALOGUE.map(entryOf),
    updatedAt: null,
  };
}

/** The catalogue of a year; every signed-in account reads it (it is the city's public rule). */
export async function getCatalogue(db: Executor, year: number, ctx: Ctx): Promise<TCatalogue> {
  const can = { edit: accountAccess(ctx.actor).editCatalogue };
  return { ...(await effectiveCatalogue(db, year)), can };
}

/** Writes a year's catalogue as given (the board), audited with what held before. */
export async function writeCatalogue(
  tx: Executor,
  year: number,
  entries: readonly TCatalogueEntry[],
  ctx: Pick<Ctx, 'requestId'> & { actor: Ctx['actor'] | null },
): Promise<void> {
  const before = await effectiveCatalogue(tx, year);
  const at = now().toISOString();
  await createRegistrationRepository(tx).replaceCatalogue(
    year,
    entries.map((e, position) => ({
      id: uuidv7(),
      year,
      position,
      ...entryOf(e),
      updatedAt: at,
      updatedBy: ctx.actor?.userId ?? null,
    })),
  );
  await recordAudit(tx, ctx, {
    action: 'catalogue.saved',
    entityType: 'catalogue',
    entityId: String(year),
    before: {
      source: before.source,
      copiedFrom: before.copiedFrom,
      codes: before.entries.map((e) => e.code),
    },
    after: { entries },
  });
}

/** The board saves the whole catalogue of a year. */
export async function saveCatalogue(
  db: Executor,
  year: number,
  input: TCatalogueSave,
  ctx: Ctx,
): Promise<TCatalogue> {
  allow(
    accountAccess(ctx.actor).editCatalogue,
    'Chỉ Ban Thi đua - Khen thưởng thành phố sửa danh mục danh hiệu, khen thưởng.',
  );
  return inTransaction(db, async (tx) => {
    await writeCatalogue(tx, year, input.entries, ctx);
    return { ...(await effectiveCatalogue(tx, year)), can: { edit: true } };
  });
}
