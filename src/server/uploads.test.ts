import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from './limits';
import { createTestApp, testDatabases, type TestApp } from './testing/harness';
import { multipart } from './testing/multipart';
import { inflatingSheetXml, sheetXml, xlsxEntries, zipEntries } from './testing/zip';

const MB = 1024 * 1024;

/** Multipart bodies that never parse: cut short, without the closing boundary, without any boundary. */
function malformed(): [name: string, payload: Buffer, contentType: string][] {
  const ok = multipart('tep.xlsx', Buffer.from('PK\u0003\u0004 nội dung'));
  const type = ok.headers['content-type']!;
  const boundary = type.split('boundary=')[1]!;
  const open = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tep.xlsx"\r\n\r\nPK nội dung`;
  return [
    ['truncated', ok.payload.subarray(0, ok.payload.length - 12), type],
    ['without its closing boundary', Buffer.from(open), type],
    ['without a boundary', ok.payload, 'multipart/form-data'],
  ];
}

describe.each(testDatabases)('uploads on %s: bounded, checked for access first, never a 500', (kind) => {
  let t: TestApp;
  let draftSetId: string;
  let reportTaskId: string;
  const as = (login: string) => t.cookie(login);
  const send = async (login: string, url: string, payload: Buffer | Readable, contentType: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: await as(login), 'content-type': contentType },
    });
  const upload = async (login: string, url: string, filename: string, data: Buffer) => {
    const body = multipart(filename, data);
    return send(login, url, body.payload, body.headers['content-type']!);
  };
  const importUrl = () => `/api/criteria-sets/${draftSetId}/import/preview`;
  const reportUrl = () => `/api/tasks/${reportTaskId}/report`;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const db = t.db.handle.db;
    const yearId = (await db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    // The demo year has a draft criteria set (the next version after the round's locked one), or gets one.
    const existing = await db
      .selectFrom('criteriaSets')
      .select('id')
      .where('status', '=', 'draft')
      .executeTakeFirst();
    const started = existing
      ? undefined
      : await t.app.inject({
          method: 'POST',
          url: `/api/years/${yearId}/criteria`,
          headers: { cookie: await as('bqlkkt.canbo') },
        });
    draftSetId = existing?.id ?? started!.json().id;
    const stc = await db.selectFrom('units').select('id').where('code', '=', 'stc').executeTakeFirstOrThrow();
    reportTaskId = (
      await db
        .selectFrom('tasks')
        .select('id')
        .where('unitId', '=', stc.id)
        .where('deliverable', '=', 'report-mid-year')
        .executeTakeFirstOrThrow()
    ).id;
  });
  afterAll(() => t.close());

  const bombs: [string, () => Buffer][] = [
    ['declares 2 GB', () => zipEntries(xlsxEntries(inflatingSheetXml(1000), 2_000_000_000))],
    ['declares 1 kB and inflates to 40 MB', () => zipEntries(xlsxEntries(inflatingSheetXml(40 * MB), 1000))],
  ];

  it.each(bombs)(
    'refuses a zip bomb that %s, sent three times at once, and stays up',
    async (_name, make) => {
      const bomb = make();
      const sends = [
        ...[1, 2, 3].map(() => upload('bqlkkt.canbo', importUrl(), 'tieu-chi.xlsx', bomb)),
        ...[1, 2, 3].map(() => upload('admin', '/api/import/units', 'don-vi.xlsx', bomb)),
      ];
      for (const res of await Promise.all(sends)) {
        expect(res.statusCode, res.body).toBe(413);
        expect(res.json().message).toMatch(/^Tệp quá lớn sau khi giải nén/);
      }
      expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
    },
  );

  it('imports a sheet with a cell at column XFD on every row, ignoring the far cells', async () => {
    const rows: [string, string][][] = [
      [
        ['A1', 'Mã đơn vị'],
        ['B1', 'Tên đơn vị'],
        ['XFD1', 'Ghi chú xa'],
      ],
    ];
    for (let r = 2; r <= 6; r++) {
      rows.push([
        [`A${r}`, `xa-${kind}-${r}`],
        [`B${r}`, `Sở xa ${r}`],
        [`XFD${r}`, '?'],
      ]);
    }
    const res = await upload(
      'admin',
      '/api/import/units',
      'don-vi.xlsx',
      zipEntries(xlsxEntries(sheetXml(rows))),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 5, kind: 'units' });
  });

  describe.each(malformed())('a multipart body %s', (_name, payload, contentType) => {
    it('is refused with 403 before it is read, for a caller without the right', async () => {
      expect((await send('stc.canbo', importUrl(), payload, contentType)).statusCode).toBe(403);
      expect((await send('ban-tdkt', '/api/import/units', payload, contentType)).statusCode).toBe(403);
      expect((await send('skhdt.canbo', reportUrl(), payload, contentType)).statusCode).toBe(403);
    });
    it('is a 400 in Vietnamese for a caller with the right', async () => {
      for (const [login, url] of [
        ['bqlkkt.canbo', importUrl()],
        ['admin', '/api/import/units'],
        ['stc.canbo', reportUrl()],
      ] as const) {
        const res = await send(login, url, payload, contentType);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(400);
        expect(res.json()).toMatchObject({ code: 'VALIDATION', fieldErrors: { file: expect.any(String) } });
      }
    });
  });

  /** A report of 11 MB sent chunked, with the file cut exactly on a chunk boundary at 10 MB. */
  function chunkedReport(): { chunks: Buffer[]; contentType: string } {
    const boundary = 'thidua-chunked';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bao-cao.pdf"\r\n\r\n`;
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const n = Math.ceil((MAX_UPLOAD_BYTES + MB) / chunk.length);
    return {
      chunks: [
        Buffer.from(head),
        ...Array.from({ length: n }, () => chunk),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ],
      contentType: `multipart/form-data; boundary=${boundary}`,
    };
  }

  async function nothingStored() {
    const db = t.db.handle.db;
    expect(await db.selectFrom('reports').select('id').where('taskId', '=', reportTaskId).execute()).toEqual(
      [],
    );
    const task = await db
      .selectFrom('tasks')
      .select('status')
      .where('id', '=', reportTaskId)
      .executeTakeFirstOrThrow();
    expect(task.status).not.toBe('done');
    const dir = path.join(t.db.config.dataDir, 'uploads');
    expect(fs.existsSync(dir) ? fs.readdirSync(dir) : []).toEqual([]);
  }

  it('refuses a chunked report over 10 MB with 413 and stores nothing', async () => {
    const { chunks, contentType } = chunkedReport();
    const res = await send('stc.canbo', reportUrl(), Readable.from(chunks), contentType);
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
    await nothingStored();
  });

  it('refuses it over a real connection too (Transfer-Encoding: chunked)', async () => {
    const { chunks, contentType } = chunkedReport();
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const cookie = await as('stc.canbo');
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(`${address}${reportUrl()}`, {
        method: 'POST',
        headers: { cookie, 'content-type': contentType, 'transfer-encoding': 'chunked' },
      });
      req.on('response', (r) => {
        r.resume();
        resolve(r.statusCode ?? 0);
      });
      req.on('error', reject);
      for (const c of chunks) req.write(c);
      req.end();
    });
    expect(status).toBe(413);
    await nothingStored();
  });

  it('answers a criteria tree nested 1,000 deep with 403 to a unit officer and 400 to the head', async () => {
    let node: Record<string, unknown> = {
      id: 'x',
      code: 'a',
      text: 'Sâu',
      kind: 'normal',
      maxPoints: 100,
      step: 50,
      children: [],
    };
    for (let i = 0; i < 1000; i++) node = { ...node, id: `n${i}`, children: [node] };
    const payload = { name: 'Bảng tiêu chí sâu', tree: [node] };
    const put = async (login: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/criteria-sets/${draftSetId}`,
        payload,
        headers: { cookie: await as(login) },
      });
    expect((await put('stc.canbo')).statusCode).toBe(403);
    const res = await put('bqlkkt.canbo');
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().message).toMatch(/tối đa 4 cấp/);
  });
});
