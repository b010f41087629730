import type { AwardRuleTable, Executor, NominationTable } from '../../db/schema';

/** A rule as the services use it (the 0/1 flag as a boolean). */
export type AwardRule = Omit<AwardRuleTable, 'requiresRegistration'> & { requiresRegistration: boolean };
/** A nomination line as the services use it (the 0/1 flag as a boolean). */
export type Nomination = Omit<NominationTable, 'included'> & { included: boolean };

const toLine = <T extends { included: number }>(r: T): Omit<T, 'included'> & { included: boolean } => ({
  ...r,
  included: r.included === 1,
});
const toRow = ({ included, ...rest }: Nomination): NominationTable => ({
  ...rest,
  included: included ? 1 : 0,
});
function toPatch({ included, ...rest }: Partial<Nomination>): Partial<NominationTable> {
  return { ...rest, ...(included === undefined ? {} : { included: included ? 1 : 0 }) };
}

/** The year's award rules, its nomination lines, the proposal's status and the round the lines read. */
export function createNominationRepository(db: Executor) {
  const line = () => db.selectFrom('nominations').selectAll();
  return {
    rules: async (yearId: string) =>
      (
        await db
          .selectFrom('awardRules as r')
          .innerJoin('users as u', 'u.id', 'r.updatedBy')
          .selectAll('r')
          .select('u.fullName as updatedByName')
          .where('r.yearId', '=', yearId)
          .orderBy('r.position')
          .execute()
      ).map((r) => ({ ...r, requiresRegistration: r.requiresRegistration === 1 })),
    replaceRules: async (yearId: string, rules: AwardRule[]) => {
      await db.deleteFrom('awardRules').where('yearId', '=', yearId).execute();
      const rows = rules.map((r) => ({ ...r, requiresRegistration: r.requiresRegistration ? 1 : 0 }));
      if (rows.length) await db.insertInto('awardRules').values(rows).execute();
    },

    /** The year's lines with the unit's name and the name of who last changed each, in rule then rank order. */
    lines: async (yearId: string) =>
      (
        await db
          .selectFrom('nominations as n')
          .innerJoin('units as u', 'u.id', 'n.unitId')
          .leftJoin('users as c', 'c.id', 'n.changedBy')
          .selectAll('n')
          .select(['u.name as unitName', 'c.fullName as changedByName'])
          .where('n.yearId', '=', yearId)
          .orderBy('n.position')
          .orderBy('n.rank')
          .orderBy('u.name')
          .execute()
      ).map(toLine),
    findLine: async (yearId: string, id: string) => {
      const r = await line().where('yearId', '=', yearId).where('id', '=', id).executeTakeFirst();
      return r && toLine(r);
    },
    findLineOf: async (yearId: string, unitId: string, awardCode: string) => {
      const r = await line()
        .where('yearId', '=', yearId)
        .where('unitId', '=', unitId)
        .where('awardCode', '=', awardCode)
        .executeTakeFirst();
      return r && toLine(r);
    },
    replaceLines: async (yearId: string, lines: Nomination[]) => {
      await db.deleteFrom('nominations').where('yearId', '=', yearId).execute();
      if (lines.length) await db.insertInto('nominations').values(lines.map(toRow)).execute();
    },
    insertLine: (l: Nomination) => db.insertInto('nominations').values(toRow(l)).execute(),
    updateLine: (id: string, patch: Partial<Nomination>) =>
      db.updateTable('nominations').set(toPatch(patch)).where('id', '=', id).execute(),
    /** Every line drafted from a round (included or not), for the results' column. */
    linesOfRound: async (roundId: string) =>
      (
        await db
          .selectFrom('nominations')
          .select(['unitId', 'awardName', 'included'])
          .where('roundId', '=', roundId)
          .orderBy('position')
          .execute()
      ).map(toLine),

    proposalStatus: async (yearId: string) =>
      (await db.selectFrom('proposals').select('status').where('yearId', '=', yearId).executeTakeFirst())
        ?.status ?? null,
    /** The year's latest published year-end round. */
    publishedYearEndRound: (yearId: string) =>
      db
        .selectFrom('rounds')
        .select(['id', 'title'])
        .where('yearId', '=', yearId)
        .where('kind', '=', 'year-end')
        .where('status', '=', 'published')
        .orderBy('publishedAt', 'desc')
        .executeTakeFirst(),
    /** Per scorer unit of a round: sheets it did not submit, and sheets it submitted late. */
    scorerFlaws: async (roundId: string) => {
      const rows = await db
        .selectFrom('sheets')
        .select(['scorerUnitId', 'submittedVersion', 'late'])
        .where('roundId', '=', roundId)
        .execute();
      const out = new Map<string, { missing: number; late: number }>();
      for (const r of rows) {
        const f = out.get(r.scorerUnitId) ?? { missing: 0, late: 0 };
        if (r.submittedVersion === 0) f.missing++;
        else if (r.late) f.late++;
        out.set(r.scorerUnitId, f);
      }
      return out;
    },
  };
}
