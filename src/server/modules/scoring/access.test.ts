import { afterAll, beforeAll, describe, expect } from 'vitest';
import { accessCases, roleCookies, type AccessRoute, type Who } from '../../testing/access';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';

/**
 * Per-role access to every criteria and scoring route, in each round state. Roles: the head unit's
 * officer, the deputy's officer, a member officer and leader, the board, an admin, and anonymous.
 */

interface Ids {
  yearId: string;
  setId: string;
  roundId: string;
  ownSheetId: string;
  otherSheetId: string;
}

const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET criteria',
    allowed: ['admin', 'board', 'head', 'headLeader', 'deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/criteria` }),
  },
  {
    name: 'GET criteria set by id',
    allowed: ['admin', 'board', 'head', 'headLeader', 'deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/criteria-sets/${i.setId}` }),
  },
  {
    name: 'GET criteria export',
    allowed: ['admin', 'board', 'head', 'headLeader', 'deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/criteria-sets/${i.setId}/export.xlsx` }),
  },
  {
    name: 'GET blank sheet',
    allowed: ['admin', 'board', 'head', 'headLeader', 'deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/criteria-sets/${i.setId}/blank-sheet.docx` }),
  },
  {
    name: 'GET rounds',
    allowed: ['admin', 'board', 'head', 'headLeader', 'deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/rounds` }),
  },
  {
    name: 'GET round',
    allowed: ['admin', 'board', 'head', 'headLeader', 'deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/rounds/${i.roundId}` }),
  },
  {
    name: 'GET my sheets',
    allowed: ['head', 'headLeader', 'deputy', 'officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/rounds/${i.roundId}/my-sheets` }),
  },
  {
    name: 'GET progress',
    allowed: ['board', 'head', 'headLeader', 'deputy'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/rounds/${i.roundId}/progress` }),
  },
  {
    name: 'GET own sheet',
    allowed: ['officer', 'leader'],
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/sheets/${i.ownSheetId}` }),
  },
  {
    name: "GET another unit's sheet",
    allowed: [],
    req: (i) => ({ method: 'GET', url: `/api/sheets/${i.otherSheetId}` }),
  },
  {
    name: "PUT another unit's draft",
    allowed: [],
    req: (i) => ({
      method: 'PUT',
      url: `/api/sheets/${i.otherSheetId}/draft`,
      payload: { scores: {}, revision: 0 },
    }),
  },
  {
    name: 'GET results while open',
    allowed: [],
    req: (i) => ({ method: 'GET', url: `/api/rounds/${i.roundId}/results` }),
  },
  {
    name: 'GET analysis while open',
    allowed: [],
    req: (i) => ({ method: 'GET', url: `/api/rounds/${i.roundId}/analysis` }),
  },
  {
    name: 'GET results.xlsx while open',
    allowed: [],
    req: (i) => ({ method: 'GET', url: `/api/rounds/${i.roundId}/results.xlsx` }),
  },
  // Allowed callers get past the access check and meet the round's state (409) instead.
  {
    name: 'POST close',
    allowed: ['headLeader'],
    status: 409,
    req: (i) => ({ method: 'POST', url: `/api/rounds/${i.roundId}/close` }),
  },
  {
    name: 'POST publish',
    allowed: ['headLeader'],
    status: 409,
    req: (i) => ({ method: 'POST', url: `/api/rounds/${i.roundId}/publish` }),
  },
  {
    name: 'POST reopen',
    allowed: ['headLeader'],
    status: 409,
    req: (i) => ({
      method: 'POST',
      url: `/api/rounds/${i.roundId}/reopen`,
      payload: {
        unitId: crypto.randomUUID(),
        reason: 'Lý do đủ dài để mở lại',
        untilAt: '2099-01-01T00:00:00Z',
      },
    }),
  },
  {
    name: 'POST open another round',
    allowed: ['head', 'headLeader'],
    status: 409,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/rounds`,
      payload: {
        kind: 'year-end',
        title: 'Đợt trùng',
        deadlineAt: '2099-01-01T00:00:00+07:00',
        latePolicy: 'refuse',
        missingPolicy: 'wait-all',
      },
    }),
  },
  // The head meets the locked set (409) before any file is read; everybody else is refused first.
  {
    name: 'POST criteria import preview',
    allowed: ['head', 'headLeader'],
    status: 409,
    req: (i) => ({
      method: 'POST',
      url: `/api/criteria-sets/${i.setId}/import/preview`,
      ...multipart('tieu-chi.csv', Buffer.from('STT;Nội dung tiêu chí;Điểm tối đa\nI;Nhiệm vụ;100\n')),
    }),
  },
  // A draft is already being written (made before the cases), so every allowed call meets it: 409.
  {
    name: 'POST new criteria draft',
    allowed: ['head', 'headLeader'],
    status: 409,
    req: (i) => ({ method: 'POST', url: `/api/years/${i.yearId}/criteria` }),
  },
];

describe.each(testDatabases)('scoring access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
    const db = t.db.handle.db;
    const yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const setId = (await db.selectFrom('criteriaSets').select('id').executeTakeFirstOrThrow()).id;
    const round = await t.app.inject({
      method: 'POST',
      url: `/api/years/${yearId}/rounds`,
      headers: { cookie: cookies.head! },
      payload: {
        kind: 'year-end',
        title: 'Năm 2024',
        deadlineAt: '2099-12-08T00:00:00+07:00',
        latePolicy: 'refuse',
        missingPolicy: 'wait-all',
      },
    });
    const roundId = round.json().id;
    const stc = (
      await db.selectFrom('units').select('id').where('code', '=', 'stc').executeTakeFirstOrThrow()
    ).id;
    const own = await db
      .selectFrom('sheets')
      .select('id')
      .where('roundId', '=', roundId)
      .where('scorerUnitId', '=', stc)
      .executeTakeFirstOrThrow();
    // Written by Sở Công Thương: none of the callers' units.
    const sct = (
      await db.selectFrom('units').select('id').where('code', '=', 'sct').executeTakeFirstOrThrow()
    ).id;
    const other = await db
      .selectFrom('sheets')
      .select('id')
      .where('roundId', '=', roundId)
      .where('scorerUnitId', '=', sct)
      .executeTakeFirstOrThrow();
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/years/${yearId}/criteria`,
      headers: { cookie: cookies.head! },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    ids = { yearId, setId, roundId, ownSheetId: own.id, otherSheetId: other.id };
  });
  afterAll(() => t.close());

  accessCases(routes, () => ({ t, ids, cookies }));
});
