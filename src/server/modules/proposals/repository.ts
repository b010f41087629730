import type { Executor, NominationTable, ProposalTable } from '../../db/schema';

export interface AwardFilter {
  year?: number;
  blocId?: string;
  unitId?: string;
  awardCode?: string;
}

/**
 * The proposal to the Council, its nomination lines and their decisions, the decided awards (history and
 * search) and the facts the minutes and the public page read. The only Kysely of the module.
 */
export function createProposalRepository(db: Executor) {
  const awards = () =>
    db
      .selectFrom('nominations as n')
      .innerJoin('years as y', 'y.id', 'n.yearId')
      .innerJoin('blocs as b', 'b.id', 'y.blocId')
      .innerJoin('units as u', 'u.id', 'n.unitId')
      .select([
        'n.id as nominationId',
        'y.year',
        'y.id as yearId',
        'b.id as blocId',
        'b.name as blocName',
        'n.unitId',
        'u.name as unitName',
        'n.awardCode',
        'n.awardName',
        'n.rank',
        'n.scoreText',
        'n.decisionNumber',
        'n.decisionDate',
      ])
      .where('n.decision', '=', 'approved');
  return {
    find: (yearId: string) =>
      db.selectFrom('proposals').selectAll().where('yearId', '=', yearId).executeTakeFirst(),
    insert: (row: ProposalTable) => db.insertInto('proposals').values(row).execute(),
    /** Moves the proposal from one status to the next once: false when someone else did it meanwhile. */
    transition: async (yearId: string, from: ProposalTable['status'], patch: Partial<ProposalTable>) => {
      const r = await db
        .updateTable('proposals')
        .set(patch)
        .where('yearId', '=', yearId)
        .where('status', '=', from)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },
    /** The year's nomination lines, in their order, with the unit's name. */
    lines: (yearId: string) =>
      db
        .selectFrom('nominations as n')
        .innerJoin('units as u', 'u.id', 'n.unitId')
        .selectAll('n')
        .select('u.name as unitName')
        .where('n.yearId', '=', yearId)
        .orderBy('n.position')
        .orderBy('n.id')
        .execute(),
    findLine: (id: string) =>
      db.selectFrom('nominations').selectAll().where('id', '=', id).executeTakeFirst(),
    setDecision: (id: string, patch: Partial<NominationTable>) =>
      db.updateTable('nominations').set(patch).where('id', '=', id).execute(),
    /** Questions of the year's approval ballots that name a nominee and an award, with the published tally. */
    awardQuestions: (yearId: string) =>
      db
        .selectFrom('ballotQuestions as q')
        .innerJoin('ballots as b', 'b.id', 'q.ballotId')
        .select(['q.id', 'q.subjectUnitId', 'q.awardCode', 'b.status', 'b.closedAt', 'b.resultJson'])
        .where('b.yearId', '=', yearId)
        .where('b.kind', '=', 'approval')
        .where('q.awardCode', 'is not', null)
        .execute(),
    /** The year's closed ballots and their questions, for the minutes. */
    closedBallots: async (yearId: string) => {
      const ballots = await db
        .selectFrom('ballots')
        .select(['id', 'kind', 'title', 'quorum', 'threshold', 'resultJson', 'closedAt'])
        .where('yearId', '=', yearId)
        .where('status', '=', 'closed')
        .orderBy('closedAt')
        .orderBy('id')
        .execute();
      const questions = ballots.length
        ? await db
            .selectFrom('ballotQuestions')
            .select(['id', 'ballotId', 'label', 'seat'])
            .where(
              'ballotId',
              'in',
              ballots.map((b) => b.id),
            )
            .orderBy('position')
            .execute()
        : [];
      return ballots.map((b) => ({ ...b, questions: questions.filter((q) => q.ballotId === b.id) }));
    },
    /** The year's published year-end round (the latest published, when several). */
    publishedYearEndRound: (yearId: string) =>
      db
        .selectFrom('rounds')
        .select(['id', 'publishedAt'])
        .where('yearId', '=', yearId)
        .where('kind', '=', 'year-end')
        .where('status', '=', 'published')
        .orderBy('publishedAt', 'desc')
        .executeTakeFirst(),
    /** The year's year-end conference (the latest one not cancelled), with each unit's attendance. */
    conference: async (yearId: string) => {
      const event = await db
        .selectFrom('events')
        .select(['id', 'title', 'startsAt', 'location'])
        .where('yearId', '=', yearId)
        .where('kind', '=', 'year-end-conference')
        .where('status', '=', 'scheduled')
        .orderBy('startsAt', 'desc')
        .executeTakeFirst();
      if (!event) return null;
      const units = await db
        .selectFrom('eventUnits as e')
        .innerJoin('units as u', 'u.id', 'e.unitId')
        .select(['e.unitId', 'u.name', 'e.attendance'])
        .where('e.eventId', '=', event.id)
        .orderBy('u.name')
        .execute();
      return { ...event, units };
    },
    /** Approved awards matching the filter, newest year first. */
    awards: (f: AwardFilter) => {
      let q = awards();
      if (f.year !== undefined) q = q.where('y.year', '=', f.year);
      if (f.blocId) q = q.where('b.id', '=', f.blocId);
      if (f.unitId) q = q.where('n.unitId', '=', f.unitId);
      if (f.awardCode) q = q.where('n.awardCode', '=', f.awardCode);
      return q.orderBy('y.year', 'desc').orderBy('b.name').orderBy('n.position').orderBy('n.id').execute();
    },
    unitName: async (unitId: string) =>
      (await db.selectFrom('units').select('name').where('id', '=', unitId).executeTakeFirst())?.name ?? null,
    /** Whether `headUnitId` headed a bloc-year that `unitId` belonged to. */
    headedBlocOf: async (headUnitId: string, unitId: string) =>
      Boolean(
        await db
          .selectFrom('memberships as m')
          .innerJoin('years as y', 'y.id', 'm.yearId')
          .select('y.id')
          .where('m.unitId', '=', unitId)
          .where('y.headUnitId', '=', headUnitId)
          .limit(1)
          .executeTakeFirst(),
      ),
    /** A bloc-year for the public page: the bloc's name and switch, and the year's id. */
    publicYear: (blocId: string, year: number) =>
      db
        .selectFrom('years as y')
        .innerJoin('blocs as b', 'b.id', 'y.blocId')
        .select(['y.id as yearId', 'y.year', 'b.name as blocName', 'b.governingBody', 'b.publicResults'])
        .where('b.id', '=', blocId)
        .where('y.year', '=', year)
        .executeTakeFirst(),
    unitNames: async (ids: readonly string[]) =>
      new Map(
        ids.length
          ? (await db.selectFrom('units').select(['id', 'name']).where('id', 'in', ids).execute()).map(
              (r) => [r.id, r.name],
            )
          : [],
      ),
    findBloc: (id: string) =>
      db.selectFrom('blocs').select(['id', 'name', 'publicResults']).where('id', '=', id).executeTakeFirst(),
    setPublicResults: (blocId: string, on: boolean) =>
      db
        .updateTable('blocs')
        .set({ publicResults: on ? 1 : 0 })
        .where('id', '=', blocId)
        .execute(),
  };
}
export type ProposalRepository = ReturnType<typeof createProposalRepository>;
export type LineRow = Awaited<ReturnType<ProposalRepository['lines']>>[number];
