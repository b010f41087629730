import type {
  CovenantCommentTable,
  CovenantSignatureTable,
  CovenantTable,
  CovenantVersionTable,
  Executor,
} from '../../db/schema';
import { z } from '../../../shared/zod';
import { jsonColumn } from '../../db/json';

const parseCommitments = jsonColumn(z.array(z.string()));

/** A covenant's working copy as the services use it: the commitments parsed. */
export type Covenant = Omit<CovenantTable, 'commitmentsJson'> & { commitments: string[] };
/** A published version: the text that was signed. */
export type CovenantVersion = Omit<CovenantVersionTable, 'commitmentsJson'> & { commitments: string[] };

const fromRow = <T extends { commitmentsJson: string }>({ commitmentsJson, ...rest }: T) => ({
  ...rest,
  commitments: parseCommitments(commitmentsJson),
});
/** A patch as columns: the commitments, when changed, as JSON. */
const toRow = <T extends { commitments?: string[] }>({ commitments, ...rest }: T) =>
  commitments ? { ...rest, commitmentsJson: JSON.stringify(commitments) } : rest;

/** The covenant of a bloc-year, its versions, comments and signatures. */
export function createCovenantRepository(db: Executor) {
  return {
    ofYear: async (yearId: string): Promise<Covenant | undefined> => {
      const row = await db
        .selectFrom('covenants')
        .selectAll()
        .where('yearId', '=', yearId)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    insert: ({ commitments, ...rest }: Covenant) =>
      db
        .insertInto('covenants')
        .values({ ...rest, commitmentsJson: JSON.stringify(commitments) })
        .execute(),
    /** Saves the working copy if nobody changed it since `revision` and nobody has signed; false otherwise. */
    async saveDraft(id: string, revision: number, patch: Partial<Covenant>): Promise<boolean> {
      const r = await db
        .updateTable('covenants')
        .set({ ...toRow(patch), revision: revision + 1 })
        .where('id', '=', id)
        .where('revision', '=', revision)
        .where('signatureCount', '=', 0)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    update: (id: string, patch: Partial<Covenant>) =>
      db.updateTable('covenants').set(toRow(patch)).where('id', '=', id).execute(),
    /**
     * Moves the published version from `from` to `from + 1` while nobody has signed: one UPDATE, so a
     * signature arriving at the same time either comes first (and this fails) or waits for it.
     */
    async advanceVersion(id: string, from: number, revision: number, at: string): Promise<boolean> {
      const r = await db
        .updateTable('covenants')
        .set({ publishedVersion: from + 1, updatedAt: at })
        .where('id', '=', id)
        .where('publishedVersion', '=', from)
        .where('revision', '=', revision)
        .where('signatureCount', '=', 0)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    /** Counts a signature on version `version`; false when another version was published meanwhile. */
    async countSignature(id: string, version: number): Promise<boolean> {
      const r = await db
        .updateTable('covenants')
        .set((eb) => ({ signatureCount: eb('signatureCount', '+', 1) }))
        .where('id', '=', id)
        .where('publishedVersion', '=', version)
        .executeTakeFirst();
      return r.numUpdatedRows > 0n;
    },
    insertVersion: ({ commitments, ...rest }: CovenantVersion) =>
      db
        .insertInto('covenantVersions')
        .values({ ...rest, commitmentsJson: JSON.stringify(commitments) })
        .execute(),
    version: async (covenantId: string, version: number) => {
      const row = await db
        .selectFrom('covenantVersions as v')
        .leftJoin('users as u', 'u.id', 'v.publishedBy')
        .selectAll('v')
        .select('u.fullName as publishedByName')
        .where('v.covenantId', '=', covenantId)
        .where('v.version', '=', version)
        .executeTakeFirst();
      return row && fromRow(row);
    },
    insertComment: (row: CovenantCommentTable) => db.insertInto('covenantComments').values(row).execute(),
    comment: (id: string) =>
      db
        .selectFrom('covenantComments as c')
        .innerJoin('covenants as k', 'k.id', 'c.covenantId')
        .selectAll('c')
        .select('k.yearId')
        .where('c.id', '=', id)
        .executeTakeFirst(),
    answer: (id: string, patch: Pick<CovenantCommentTable, 'reply' | 'repliedBy' | 'repliedAt'>) =>
      db.updateTable('covenantComments').set(patch).where('id', '=', id).execute(),
    comments: (covenantId: string) =>
      db
        .selectFrom('covenantComments as c')
        .innerJoin('units as n', 'n.id', 'c.unitId')
        .innerJoin('users as a', 'a.id', 'c.authorId')
        .leftJoin('users as r', 'r.id', 'c.repliedBy')
        .select([
          'c.id',
          'c.body',
          'c.createdAt',
          'c.reply',
          'c.repliedAt',
          'n.name as unitName',
          'a.fullName as authorName',
          'r.fullName as repliedByName',
        ])
        .where('c.covenantId', '=', covenantId)
        .orderBy('c.createdAt')
        .orderBy('c.id')
        .execute(),
    insertSignature: (row: CovenantSignatureTable) =>
      db.insertInto('covenantSignatures').values(row).execute(),
    signature: (covenantId: string, unitId: string) =>
      db
        .selectFrom('covenantSignatures')
        .select('id')
        .where('covenantId', '=', covenantId)
        .where('unitId', '=', unitId)
        .executeTakeFirst(),
    signatures: (covenantId: string) =>
      db
        .selectFrom('covenantSignatures as s')
        .innerJoin('users as u', 'u.id', 's.userId')
        .selectAll('s')
        .select('u.fullName as signerName')
        .where('s.covenantId', '=', covenantId)
        .execute(),
    /** The year's units in order, with their leader (for the signer blocks). */
    units: (yearId: string) =>
      db
        .selectFrom('memberships as m')
        .innerJoin('units as n', 'n.id', 'm.unitId')
        .select(['n.id', 'n.name'])
        .where('m.yearId', '=', yearId)
        .orderBy('n.name')
        .execute(),
  };
}

export type CovenantRepository = ReturnType<typeof createCovenantRepository>;
export type SignatureRow = Awaited<ReturnType<CovenantRepository['signatures']>>[number];
export type CommentRow = Awaited<ReturnType<CovenantRepository['comments']>>[number];
