import { randomUUID } from 'node:crypto';
import { flatten, orderedNodeScores, sheetTotals, type CriterionNode } from '../src/domain/criteria';
import type { Db, SheetTable, SheetVersionTable } from '../src/server/db/schema';

/** 60 scored criteria: four normal sections of 13 (2 points each), 4 bonus and 4 deduction items. */
export function benchTree(): CriterionNode[] {
  const section = (
    code: string,
    kind: CriterionNode['kind'],
    count: number,
    leafMax: number,
    max: number,
  ): CriterionNode => ({
    id: code.toLowerCase(),
    code,
    text: `Mục ${code}`,
    kind,
    maxPoints: max,
    step: 50,
    children: Array.from({ length: count }, (_, i) => ({
      id: `${code.toLowerCase()}.${i + 1}`,
      code: String(i + 1),
      text: `Tiêu chí ${code}.${i + 1}`,
      kind,
      maxPoints: leafMax,
      step: 50,
      children: [],
    })),
  });
  return [
    section('I', 'normal', 13, 200, 2600),
    section('II', 'normal', 13, 200, 2600),
    section('III', 'normal', 13, 200, 2600),
    section('IV', 'normal', 13, 200, 2600),
    section('V', 'bonus', 4, 200, 500),
    section('VI', 'deduction', 4, 100, 400),
  ];
}

let seed = 42;
const rnd = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

/** Random valid scores: each leaf a multiple of its step within its max. */
export function randomScores(tree: CriterionNode[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of flatten(tree)) {
    if (!n.children.length) out[n.id] = n.kind === 'normal' ? 100 + rnd(3) * 50 : rnd(2) * 50;
  }
  return out;
}

export interface BenchData {
  roundIds: string[];
  sheets: number;
  /** Sheets prepared for the submission run: a changed draft waiting to be submitted, and the scorer's cookie. */
  pending: { sheetId: string; cookie: string }[];
}

async function insertChunks<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Seeds `blocs` bloc-years of 5–11 units with every sheet submitted, straight into the database. */
export async function seedNational(
  db: Db,
  blocs: number,
  pendingCount: number,
  sessionFor: (userId: string) => Promise<string>,
): Promise<BenchData> {
  const tree = benchTree();
  const treeJson = JSON.stringify(tree);
  const now = new Date().toISOString();
  const deadline = new Date(Date.now() + 30 * 86400_000).toISOString();
  const roundIds: string[] = [];
  const pendingUsers: { sheetId: string; userId: string }[] = [];
  let pendingLeft = pendingCount;
  let sheetCount = 0;
  const passwordHash = 'not-a-login-account';
  for (let b = 0; b < blocs; b++) {
    const n = 5 + (b % 7);
    const blocId = randomUUID();
    const yearId = randomUUID();
    const unitIds = Array.from({ length: n }, () => randomUUID());
    const leaderIds = unitIds.map(() => randomUUID());
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('blocs')
        .values({
          id: blocId,
          kind: 'bloc',
          name: `Khối ${b}`,
          shortName: null,
          description: null,
          governingBody: null,
          place: null,
          createdAt: now,
          publicResults: 1,
        })
        .execute();
      await tx
        .insertInto('units')
        .values(
          unitIds.map((id, i) => ({
            id,
            code: `b${b}-u${i}`,
            name: `Đơn vị ${i} khối ${b}`,
            shortName: null,
            email: null,
            isSample: 1,
            disabled: 0,
            createdAt: now,
          })),
        )
        .execute();
      await tx
        .insertInto('users')
        .values(
          leaderIds.map((id, i) => ({
            id,
            login: `b${b}-u${i}.ld`,
            fullName: `Lãnh đạo ${i}`,
            email: null,
            passwordHash,
            role: 'leader' as const,
            unitId: unitIds[i]!,
            disabled: 0,
            mustChangePassword: 0,
            isDemo: 0,
            createdAt: now,
            updatedAt: now,
          })),
        )
        .execute();
      await tx
        .insertInto('years')
        .values({
          id: yearId,
          blocId,
          year: 2024,
          headUnitId: unitIds[0]!,
          deputyUnitId: unitIds[1]!,
          createdAt: now,
        })
        .execute();
      await tx
        .insertInto('memberships')
        .values(unitIds.map((unitId) => ({ yearId, unitId })))
        .execute();
      const setId = randomUUID();
      await tx
        .insertInto('criteriaSets')
        .values({
          id: setId,
          yearId,
          version: 1,
          status: 'locked',
          name: 'Bộ tiêu chí',
          treeJson,
          isSample: 1,
          createdAt: now,
          updatedAt: now,
          lockedAt: now,
        })
        .execute();
      const roundId = randomUUID();
      roundIds.push(roundId);
      await tx
        .insertInto('rounds')
        .values({
          id: roundId,
          yearId,
          criteriaSetId: setId,
          kind: 'year-end',
          title: 'Cuối năm',
          deadlineAt: deadline,
          latePolicy: 'refuse',
          missingPolicy: 'wait-all',
          tieBreakersJson: '["more-bonus"]',
          officerMaySubmit: 0,
          status: 'open',
          openedAt: now,
          closedAt: null,
          publishedAt: null,
        })
        .execute();
      await tx
        .insertInto('roundMembers')
        .values(unitIds.map((unitId) => ({ roundId, unitId })))
        .execute();
      const sheets: SheetTable[] = [];
      const versions: SheetVersionTable[] = [];
      for (const scorer of unitIds) {
        for (const scored of unitIds) {
          const scores = randomScores(tree);
          const totals = sheetTotals(tree, scores);
          const id = randomUUID();
          const scoresJson = JSON.stringify(scores);
          const isPending = b % 3 === 0 && pendingLeft > 0;
          if (isPending) {
            pendingLeft--;
            pendingUsers.push({ sheetId: id, userId: leaderIds[unitIds.indexOf(scorer)]! });
          }
          sheets.push({
            id,
            roundId,
            scorerUnitId: scorer,
            scoredUnitId: scored,
            // A pending sheet's draft differs from what was submitted, so submitting it makes version 2.
            draftJson: isPending ? JSON.stringify(randomScores(tree)) : scoresJson,
            revision: 1,
            updatedAt: now,
            updatedBy: null,
            submittedVersion: 1,
            submittedAt: now,
            late: 0,
            total: totals.total,
            bonus: totals.bonus,
            deduction: totals.deduction,
            byNodeJson: JSON.stringify(orderedNodeScores(tree, totals.byNode)),
          });
          versions.push({
            id: randomUUID(),
            sheetId: id,
            version: 1,
            scoresJson,
            total: totals.total,
            submittedAt: now,
            submittedBy: 'bench',
            late: 0,
          });
        }
      }
      await insertChunks(sheets, 200, (c) => tx.insertInto('sheets').values(c).execute());
      await insertChunks(versions, 400, (c) => tx.insertInto('sheetVersions').values(c).execute());
      sheetCount += sheets.length;
    });
  }
  const cookies = new Map<string, string>();
  const pending: BenchData['pending'] = [];
  for (const p of pendingUsers) {
    if (!cookies.has(p.userId)) cookies.set(p.userId, await sessionFor(p.userId));
    pending.push({ sheetId: p.sheetId, cookie: cookies.get(p.userId)! });
  }
  return { roundIds, sheets: sheetCount, pending };
}
