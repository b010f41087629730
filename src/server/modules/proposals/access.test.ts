import { afterAll, beforeAll, describe } from 'vitest';
import { accessCases, everyone, roleCookies, type AccessRoute, type Who } from '../../testing/access';
import { testFiles } from '../../testing/files';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';
import { finishedYear, insertNomination, type ProposalFixture } from '../../testing/proposals';

/**
 * Per-role access to every proposal, award and public-page route on the demo bloc's finished 2024 (one
 * nomination line, proposal still drafted): `head` is the head unit's officer, `headLeader` its leader,
 * `deputy` the deputy's officer, `officer`/`leader` Sở Tài chính's (the nominee). Allowed callers may still
 * meet the proposal's state (409).
 */
interface Ids extends ProposalFixture {
  lineId: string;
  /** The current year: the same head, no nominations (nothing to send). */
  currentYearId: string;
}

const readers: Who[] = ['board', 'head', 'headLeader', 'deputy', 'officer', 'leader'];
const decision = { decision: 'approved', decisionNumber: '1/QĐ', decisionDate: '2025-01-10' };
const file = multipart('Quyết định.pdf', testFiles.pdf());

const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET proposal',
    status: 200,
    allowed: readers,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/proposal` }),
  },
  {
    name: 'GET minutes.docx',
    status: 200,
    allowed: readers,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/proposal/minutes.docx` }),
  },
  {
    name: 'GET letter.docx',
    status: 200,
    allowed: readers,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/proposal/letter.docx` }),
  },
  {
    name: 'GET dossier.zip',
    status: 200,
    allowed: ['board', 'head', 'headLeader', 'deputy'],
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/dossier.zip` }),
  },
  {
    name: 'POST send (nothing to send)',
    status: 409,
    allowed: ['headLeader'],
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.currentYearId}/proposal/send`,
      payload: { docNumber: '1/TTr-KTĐ', sentOn: '2026-12-20' },
    }),
  },
  {
    name: 'PUT decision (not sent yet)',
    status: 409,
    allowed: ['board'],
    req: (i) => ({ method: 'PUT', url: `/api/nominations/${i.lineId}/decision`, payload: decision }),
  },
  {
    name: 'POST decision file (not sent yet)',
    status: 409,
    allowed: ['board'],
    req: (i) => ({
      method: 'POST',
      url: `/api/nominations/${i.lineId}/decision-file`,
      payload: file.payload,
      headers: file.headers,
    }),
  },
  {
    name: "GET a unit's awards",
    status: 200,
    allowed: ['board', 'head', 'headLeader', 'officer', 'leader'],
    req: (i) => ({ method: 'GET', url: `/api/units/${i.unit.stc}/awards` }),
  },
  {
    name: 'GET awards',
    status: 200,
    allowed: ['board'],
    req: () => ({ method: 'GET', url: '/api/awards?year=2024' }),
  },
  {
    name: 'GET awards.xlsx',
    status: 200,
    allowed: ['board'],
    req: () => ({ method: 'GET', url: '/api/awards.xlsx' }),
  },
  {
    name: 'PATCH public results',
    status: 200,
    allowed: ['board'],
    req: (i) => ({
      method: 'PATCH',
      url: `/api/blocs/${i.blocId}/public-results`,
      payload: { publicResults: true },
    }),
  },
  {
    name: 'GET public page',
    status: 200,
    allowed: everyone,
    req: (i) => ({ method: 'GET', url: `/public/blocs/${i.blocId}/years/2024` }),
  },
];

describe.each(testDatabases)('proposal access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    const f = await finishedYear(t);
    cookies = await roleCookies(t);
    const lineId = await insertNomination(t, f, { unitId: f.unit.stc!, awardCode: 'co-thi-dua' });
    const current = await t.db.handle.db
      .selectFrom('years')
      .select('id')
      .where('year', '>', 2024)
      .executeTakeFirstOrThrow();
    ids = { ...f, lineId, currentYearId: current.id };
  }, 120_000);
  afterAll(() => t.close());

  accessCases(routes, () => ({ t, ids, cookies }));
});
