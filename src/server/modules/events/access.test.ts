import { afterAll, beforeAll, describe, expect } from 'vitest';
import {
  accessCases,
  roleCookies,
  signedIn,
  unitUsers,
  type AccessRequest,
  type AccessRoute,
  type Who,
} from '../../testing/access';
import { testFiles } from '../../testing/files';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import { multipart } from '../../testing/multipart';

/**
 * Per-role access to every event and exemplary-model route on the demo bloc, with the exact status each
 * allowed caller gets: the head unit (officer and leader) runs events and marks models for the conference;
 * each member unit publishes and edits its own models (here Sở Tài chính's); whoever reads the year reads.
 */

interface Ids {
  yearId: string;
  eventId: string;
  attachmentId: string;
  exemplarId: string;
  body: object;
}

const file = (url: string, name: string, data: Buffer): AccessRequest => ({
  method: 'POST',
  url,
  ...multipart(name, data),
});
const head: Who[] = ['head', 'headLeader'];
const stc: Who[] = ['officer', 'leader'];

const routes: AccessRoute<Ids>[] = [
  {
    name: 'GET events',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/events` }),
  },
  {
    name: 'POST event',
    allowed: head,
    status: 201,
    req: (i) => ({ method: 'POST', url: `/api/years/${i.yearId}/events`, payload: i.body }),
  },
  {
    name: 'GET event',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/events/${i.eventId}` }),
  },
  {
    name: 'PUT event',
    allowed: head,
    status: 200,
    req: (i) => ({ method: 'PUT', url: `/api/events/${i.eventId}`, payload: i.body }),
  },
  {
    name: 'PUT attendance',
    allowed: head,
    status: 200,
    req: (i) => ({
      method: 'PUT',
      url: `/api/events/${i.eventId}/attendance`,
      payload: { items: [{ unitId: (i.body as { unitIds: string[] }).unitIds[0], attendance: 'present' }] },
    }),
  },
  {
    name: 'POST event minutes',
    allowed: head,
    status: 201,
    req: (i) => file(`/api/events/${i.eventId}/attachments?kind=minutes`, 'bien-ban.pdf', testFiles.pdf()),
  },
  {
    name: 'GET attachment file',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/attachments/${i.attachmentId}/file` }),
  },
  {
    name: 'GET exemplars',
    allowed: signedIn,
    status: 200,
    req: (i) => ({ method: 'GET', url: `/api/years/${i.yearId}/exemplars?q=dan%20van` }),
  },
  {
    name: 'POST exemplar',
    allowed: unitUsers,
    status: 201,
    req: (i) => ({
      method: 'POST',
      url: `/api/years/${i.yearId}/exemplars`,
      payload: { title: 'Mô hình mới', field: 'Cải cách hành chính', description: 'Cách làm hay.' },
    }),
  },
  {
    name: "PUT Sở Tài chính's exemplar",
    allowed: stc,
    status: 200,
    req: (i) => ({
      method: 'PUT',
      url: `/api/exemplars/${i.exemplarId}`,
      payload: { title: 'Dân vận khéo', field: 'Dân vận', description: 'Cách làm hay.' },
    }),
  },
  {
    name: 'POST exemplar attachment',
    allowed: stc,
    status: 201,
    req: (i) => file(`/api/exemplars/${i.exemplarId}/attachments`, 'anh.png', testFiles.png()),
  },
  {
    name: 'POST mark exemplar',
    allowed: head,
    status: 200,
    req: (i) => ({
      method: 'POST',
      url: `/api/exemplars/${i.exemplarId}/present`,
      payload: { present: true },
    }),
  },
  // Last: the first allowed caller cancels it, the second finds it cancelled.
  {
    name: 'POST cancel event',
    allowed: head,
    status: { head: 200, headLeader: 409 },
    req: (i) => ({ method: 'POST', url: `/api/events/${i.eventId}/cancel` }),
  },
];

describe.each(testDatabases)('events and exemplary models access per role on %s', (kind) => {
  let t: TestApp;
  let ids: Ids;
  let cookies: Partial<Record<Who, string>> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    cookies = await roleCookies(t);
    const db = t.db.handle.db;
    const yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const unit = async (code: string) =>
      (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const body = {
      kind: 'exchange',
      title: 'Giao lưu thể thao',
      startsAt: '2024-09-02T07:30:00+07:00',
      endsAt: '2024-09-02T11:00:00+07:00',
      location: 'Nhà thi đấu thành phố',
      hostUnitId: await unit('bqlkkt'),
      unitIds: [await unit('stc'), await unit('skhdt')],
    };
    const as = (w: Who) => ({ cookie: cookies[w]! });
    const event = await t.app.inject({
      method: 'POST',
      url: `/api/years/${yearId}/events`,
      payload: body,
      headers: as('head'),
    });
    expect(event.statusCode, event.body).toBe(201);
    const agenda = file(
      `/api/events/${event.json().id}/attachments?kind=agenda`,
      'chuong-trinh.pdf',
      testFiles.pdf(),
    );
    const attached = await t.app.inject({ ...agenda, headers: { ...agenda.headers, ...as('head') } });
    expect(attached.statusCode, attached.body).toBe(201);
    const exemplar = await t.app.inject({
      method: 'POST',
      url: `/api/years/${yearId}/exemplars`,
      payload: { title: 'Dân vận khéo', field: 'Dân vận', description: 'Cách làm hay.' },
      headers: as('officer'),
    });
    expect(exemplar.statusCode, exemplar.body).toBe(201);
    ids = {
      yearId,
      eventId: event.json().id,
      attachmentId: attached.json().attachments[0].id,
      exemplarId: exemplar.json().id,
      body,
    };
  });
  afterAll(() => t.close());

  accessCases(routes, () => ({ t, ids, cookies }));
});
