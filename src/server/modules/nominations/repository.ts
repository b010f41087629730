import type { AwardRuleTable, Executor, NominationTable } from '../../db/schema';

/** The year's award rules, its nomination lines, the proposal's status and the round the lines read. */
export function createNominationRepository(db: Executor) {
  return {
    rules: (yearId: string) =>
      db
        .selectFrom('awardRules as r')
        .innerJoin('users as u', 'u.id', 'r.updatedBy')
        .selectAll('r')
        .select('u.fullName as updatedByName')
        .where('r.yearId', '=', yearId)
        .orderBy('r.position')
        .execute(),
    replaceRules: async (yearId: string, rows: AwardRuleTable[]) => {
      await db.deleteFrom('awardRules').where('yearId', '=', yearId).execute();
      if (rows.length) await db.insertInto('awardRules').values(rows).execute();
    },

    lines: (yearId: string) =>
      db
        .selectFrom('nominations as n')
        .innerJoin('units as u', 'u.id', 'n.unitId')
        .leftJoin('users as c', 'c.id', 'n.changedBy')
        .selectAll('n')
        .select(['u.name as unitName', 'c.fullName as changedByName'])
        .where('n.yearId', '=', yearId)
        .orderBy('n.position')
        .orderBy('n.rank')
        .orderBy('u.name')
        .execute(),
    findLine: (yearId: string, id: string) =>
      db
        .selectFrom('nominations')
        .selectAll()
        .where('yearId', '=', yearId)
        .where('id', '=', id)
        .executeTakeFirst(),
    findLineOf: (yearId: string, unitId: string, awardCode: string) =>
      db
        .selectFrom('nominations')
        .selectAll()
        .where('yearId', '=', yearId)
        .where('unitId', '=', unitId)
        .where('awardCode', '=', awardCode)
        .executeTakeFirst(),
    replaceLines: async (yearId: string, rows: NominationTable[]) => {
      await db.deleteFrom('nominations').where('yearId', '=', yearId).execute();
      if (rows.length) await db.insertInto('nominations').values(rows).execute();
    },
    insertLine: (row: NominationTable) => db.insertInto('nominations').values(row).execute(),
    updateLine: (id: string, patch: Partial<NominationTable>) =>
      db.updateTable('nominations').set(patch).where('id', '=', id).execute(),
    /** Every line drafted from a round (included or not), for the results' column. */
    linesOfRound: (roundId: string) =>
      db
        .selectFrom('nominations')
        .select(['unitId', 'awardName', 'included'])
        .where('roundId', '=', roundId)
        .orderBy('position')
        .execute(),

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
