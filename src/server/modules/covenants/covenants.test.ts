import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setClock } from '../../clock';
import { paragraphs, readDocx, tableTexts, tables } from '../../testing/docx';
import { createBlocWithUnits } from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';
import type { TCovenantView } from '../../../shared/covenants';

/**
 * The covenant's flow on the demo bloc: the head drafts and opens comments, members comment within the
 * window (Vietnam time), the head answers and its leader publishes; each unit's leader signs the text whose
 * hash they name. Rule tested: once a unit signed, the text cannot change; before that a new publication
 * makes a signature naming the earlier text fail.
 */
const codes = ['bqlkkt', 'skhdt', 'stc', 'sct', 'cthue', 'chq', 'kbnn'];
const draft = {
  title: 'Giao ước thi đua năm 2025',
  body: 'Căn cứ Kế hoạch của Khối,\nCác đơn vị trong Khối thống nhất ký kết giao ước thi đua với các nội dung sau.',
  commitments: ['Hoàn thành xuất sắc nhiệm vụ chính trị được giao.', 'Thực hiện tốt chuyển đổi số.'],
  commentsFrom: '2025-03-01',
  commentsUntil: '2025-03-05',
};
/** The hash the server must sign, computed here from the rule in docs/covenant.md. */
const sha = (title: string, body: string, commitments: string[]) =>
  createHash('sha256')
    .update(JSON.stringify([title, body, commitments]), 'utf8')
    .digest('hex');

describe.each(testDatabases)('the covenant on %s', (kind) => {
  let t: TestApp;
  let yearId: string;
  const as = async (login: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const page = async (login: string) =>
    (await as(login, 'GET', `/api/years/${yearId}/covenant`)).json<TCovenantView>();
  const notes = (login: string) =>
    t.db.handle.db
      .selectFrom('notifications as n')
      .innerJoin('users as u', 'u.id', 'n.userId')
      .select(['n.title', 'n.body'])
      .where('u.login', '=', login)
      .where('n.kind', '=', 'covenant')
      .orderBy('n.createdAt')
      .execute();

  beforeAll(async () => {
    setClock(new Date('2025-02-20T02:00:00Z'));
    t = await createTestApp(kind);
    yearId = (await t.db.handle.db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    setClock();
    await t.close();
  });

  it('the head drafts; members do not see it before comments open', async () => {
    const refused = await as('stc.canbo', 'PUT', `/api/years/${yearId}/covenant`, { ...draft, revision: 0 });
    expect(refused.statusCode).toBe(403);
    const bad = await as('bqlkkt.canbo', 'PUT', `/api/years/${yearId}/covenant`, {
      ...draft,
      commentsUntil: '2025-02-01',
      revision: 0,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fieldErrors.commentsUntil).toBe('Góp ý đến ngày: không được trước ngày bắt đầu góp ý');
    const saved = await as('bqlkkt.canbo', 'PUT', `/api/years/${yearId}/covenant`, { ...draft, revision: 0 });
    expect(saved.statusCode, saved.body).toBe(200);
    const view = saved.json<TCovenantView>();
    expect(view.covenant).toMatchObject({
      revision: 1,
      commentsFrom: '2025-03-01',
      commentsUntil: '2025-03-05',
    });
    expect(view.covenant!.commentWindow).toBe('not-yet');
    expect(view.can).toMatchObject({ edit: true, openComments: true, publish: false, sign: false });
    expect((await page('stc.canbo')).covenant).toBeNull();
    // The leader of the head unit publishes; its officer drafts only.
    expect((await page('bqlkkt.lanhdao')).can.publish).toBe(true);
  });

  it('opening comments tells the members; a comment is taken only within the window', async () => {
    const comment = (login: string) =>
      as(login, 'POST', `/api/years/${yearId}/covenant/comments`, { body: `Góp ý của ${login}` });
    expect((await comment('stc.canbo')).statusCode).toBe(409);
    expect((await as('stc.canbo', 'POST', `/api/years/${yearId}/covenant/open-comments`)).statusCode).toBe(
      403,
    );
    const opened = await as('bqlkkt.canbo', 'POST', `/api/years/${yearId}/covenant/open-comments`);
    expect(opened.statusCode, opened.body).toBe(200);
    expect((await notes('stc.lanhdao')).map((n) => n.title)).toEqual([
      'Dự thảo giao ước thi đua năm 2024 mở lấy ý kiến',
    ]);
    expect((await notes('stc.lanhdao'))[0]!.body).toContain('từ ngày 01/03/2025 đến hết ngày 05/03/2025');
    expect(await notes('bqlkkt.canbo')).toEqual([]);

    // Before the window: 23:59:59 on 28/02 in Vietnam.
    setClock(new Date('2025-02-28T16:59:59Z'));
    const early = await comment('stc.canbo');
    expect(early.statusCode).toBe(409);
    expect(early.json().message).toContain('Ngoài thời hạn góp ý');
    setClock(new Date('2025-02-28T17:00:00Z'));
    expect((await comment('stc.canbo')).statusCode).toBe(200);
    // The last instant of 05/03 in Vietnam is inside; 00:00 on 06/03 is outside.
    setClock(new Date('2025-03-05T16:59:59.999Z'));
    expect((await comment('skhdt.lanhdao')).statusCode).toBe(200);
    setClock(new Date('2025-03-05T17:00:00Z'));
    expect((await comment('sct.canbo')).statusCode).toBe(409);
    // The head does not comment on its own draft.
    expect((await comment('bqlkkt.canbo')).statusCode).toBe(403);
    const view = await page('stc.canbo');
    expect(view.comments.map((c) => c.authorName)).toHaveLength(2);
    expect(view.can.comment).toBe(false);
  });

  it('the head answers; only its leader publishes; members are told the final text', async () => {
    setClock(new Date('2025-03-06T02:00:00Z'));
    const [first] = (await page('bqlkkt.canbo')).comments;
    expect(
      (await as('stc.lanhdao', 'POST', `/api/covenant-comments/${first!.id}/reply`, { reply: 'x' }))
        .statusCode,
    ).toBe(403);
    const answered = await as('bqlkkt.canbo', 'POST', `/api/covenant-comments/${first!.id}/reply`, {
      reply: 'Tiếp thu, đã bổ sung vào cam kết số 2.',
    });
    expect(answered.statusCode).toBe(200);
    expect((await page('stc.canbo')).comments[0]).toMatchObject({
      reply: 'Tiếp thu, đã bổ sung vào cam kết số 2.',
    });

    expect(
      (await as('bqlkkt.canbo', 'POST', `/api/years/${yearId}/covenant/publish`, { revision: 1 })).statusCode,
    ).toBe(403);
    const published = await as('bqlkkt.lanhdao', 'POST', `/api/years/${yearId}/covenant/publish`, {
      revision: 1,
    });
    expect(published.statusCode, published.body).toBe(200);
    const p = published.json<TCovenantView>().covenant!.published!;
    expect(p.version).toBe(1);
    expect(p.textHash).toBe(sha(draft.title, draft.body, draft.commitments));
    const told = await notes('sct.canbo');
    expect(told.at(-1)!.title).toBe('Ban hành giao ước thi đua năm 2024');
    expect(told.at(-1)!.body).toContain(p.textHash.slice(0, 12));
  });

  it('before any signature a new text may be published; a signature naming the earlier text is refused', async () => {
    const v1 = (await page('stc.lanhdao')).covenant!.published!.textHash;
    const commitments = [...draft.commitments, 'Tham gia đầy đủ các hoạt động của Khối.'];
    const saved = await as('bqlkkt.canbo', 'PUT', `/api/years/${yearId}/covenant`, {
      ...draft,
      commitments,
      revision: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const republished = await as('bqlkkt.lanhdao', 'POST', `/api/years/${yearId}/covenant/publish`, {
      revision: 2,
    });
    expect(republished.statusCode, republished.body).toBe(200);
    const v2 = republished.json<TCovenantView>().covenant!.published!;
    expect(v2.version).toBe(2);
    expect(v2.textHash).toBe(sha(draft.title, draft.body, commitments));

    const stale = await as('stc.lanhdao', 'POST', `/api/years/${yearId}/covenant/sign`, { textHash: v1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toContain('đã thay đổi');
    expect((await page('stc.lanhdao')).signatures.find((s) => s.unitName === 'Sở Tài chính')?.signed).toBe(
      false,
    );
  });

  it('a leader signs for the unit once; an officer cannot sign; the unit task completes', async () => {
    setClock(new Date('2025-03-10T02:30:00Z'));
    const hash = (await page('stc.lanhdao')).covenant!.published!.textHash;
    const sign = (login: string) =>
      as(login, 'POST', `/api/years/${yearId}/covenant/sign`, { textHash: hash });
    expect((await sign('stc.canbo')).statusCode).toBe(403);
    expect((await sign('ban-tdkt')).statusCode).toBe(403);
    // Two presses at once: one signature, the other refused.
    const both = await Promise.all([sign('stc.lanhdao'), sign('stc.lanhdao')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const signed = both.find((r) => r.statusCode === 200)!;
    const mine = signed.json<TCovenantView>().signatures.find((s) => s.unitName === 'Sở Tài chính')!;
    expect(mine).toMatchObject({
      signed: true,
      signedAt: '2025-03-10T02:30:00.000Z',
      textHash: hash,
      version: 2,
    });
    expect(signed.json<TCovenantView>().can.sign).toBe(false);
    const again = await sign('stc.lanhdao');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Đơn vị của bạn đã ký giao ước này.');

    const tasks = await as('stc.canbo', 'GET', `/api/years/${yearId}/my-tasks`);
    const covenantTasks = tasks
      .json<{ tasks: { deliverable: string; state: string; completedBy: string | null }[] }>()
      .tasks.filter((x) => x.deliverable === 'covenant-signature');
    expect(covenantTasks.length).toBeGreaterThan(0);
    expect(covenantTasks.map((x) => [x.state, x.completedBy])).toEqual([['done', 'covenant-signature']]);
  });

  it('once a unit signed, the text cannot change', async () => {
    const edit = await as('bqlkkt.canbo', 'PUT', `/api/years/${yearId}/covenant`, {
      ...draft,
      title: 'Giao ước thi đua năm 2025 (sửa)',
      revision: 2,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().message).toContain('không thay đổi được');
    const republish = await as('bqlkkt.lanhdao', 'POST', `/api/years/${yearId}/covenant/publish`, {
      revision: 2,
    });
    expect(republish.statusCode).toBe(409);
    expect((await page('bqlkkt.canbo')).can).toMatchObject({ edit: false, publish: false });
  });

  it("another bloc's people cannot act on this covenant", async () => {
    const other = await createBlocWithUnits(t, 2, []);
    const hash = (await page('stc.lanhdao')).covenant!.published!.textHash;
    const leader = `${other.codes[1]}.ld`;
    expect(
      (await as(leader, 'POST', `/api/years/${yearId}/covenant/sign`, { textHash: hash })).statusCode,
    ).toBe(403);
    expect((await as(leader, 'GET', `/api/years/${yearId}/covenant`)).statusCode).toBe(403);
    const commentId = (await page('bqlkkt.canbo')).comments[0]!.id;
    const head = `${other.codes[0]}.cb`;
    const reply = await as(head, 'POST', `/api/covenant-comments/${commentId}/reply`, {
      reply: 'Không phải của tôi',
    });
    expect(reply.statusCode).toBe(403);
    expect((await as(head, 'GET', `/api/years/${yearId}/covenant/document.docx`)).statusCode).toBe(403);
  });

  it('the .docx carries the text, the signing record and every signer block', async () => {
    const res = await as('stc.canbo', 'GET', `/api/years/${yearId}/covenant/document.docx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const { document } = await readDocx(res.rawPayload);
    const text = paragraphs(document);
    expect(text).toContain('GIAO ƯỚC THI ĐUA');
    expect(text).toContain(draft.title);
    expect(text).toContain('3. Tham gia đầy đủ các hoạt động của Khối.');
    const view = await page('stc.canbo');
    const hash = view.covenant!.published!.textHash;
    expect(text.some((p) => p.includes(`mã SHA-256: ${hash}`) && p.includes('Đã ký: 1/7 đơn vị'))).toBe(true);
    const record = tables(document)
      .map(tableTexts)
      .find((g) => g[0]?.[1] === 'Đơn vị')!;
    expect(record.slice(1)).toHaveLength(7);
    const stc = record.find((r) => r[1] === 'Sở Tài chính')!;
    expect(stc.slice(2)).toEqual([
      view.signatures.find((s) => s.unitName === 'Sở Tài chính')!.signerName,
      '10/03/2025 09:30',
      hash.slice(0, 12),
    ]);
    expect(record.filter((r) => r[2] === 'Chưa ký')).toHaveLength(6);
    // A long authority wraps into balanced lines: read the signer blocks as one text.
    const all = text.join(' ');
    for (const s of view.signatures) expect(all).toContain(`TM. ${s.unitName.toUpperCase()}`);
  });

  it('when every unit signed, the head is told and the .docx shows all signatures', async () => {
    const hash = (await page('stc.lanhdao')).covenant!.published!.textHash;
    for (const code of codes.filter((c) => c !== 'stc')) {
      const res = await as(`${code}.lanhdao`, 'POST', `/api/years/${yearId}/covenant/sign`, {
        textHash: hash,
      });
      expect(res.statusCode, `${code}: ${res.body}`).toBe(200);
    }
    const view = await page('bqlkkt.canbo');
    expect(view.signatures.every((s) => s.signed && s.textHash === hash)).toBe(true);
    expect(view.covenant!.allSignedAt).toBe('2025-03-10T02:30:00.000Z');
    expect((await notes('bqlkkt.canbo')).map((n) => n.title)).toEqual([
      'Các đơn vị đã ký đủ giao ước thi đua năm 2024',
    ]);
    const res = await as('bqlkkt.canbo', 'GET', `/api/years/${yearId}/covenant/document.docx`);
    const { document } = await readDocx(res.rawPayload);
    const text = paragraphs(document);
    expect(text.filter((p) => p.startsWith('Đã ký trên ThiĐua lúc 10/03/2025 09:30'))).toHaveLength(7);
    expect(text).not.toContain('Chưa ký');

    const audit = await t.db.handle.db
      .selectFrom('auditEvents')
      .select('action')
      .where('action', 'like', 'covenant.%')
      .execute();
    const count = (a: string) => audit.filter((e) => e.action === a).length;
    expect(count('covenant.saved')).toBe(2);
    expect(count('covenant.comments-opened')).toBe(1);
    expect(count('covenant.commented')).toBe(2);
    expect(count('covenant.comment-answered')).toBe(1);
    expect(count('covenant.published')).toBe(2);
    expect(count('covenant.signed')).toBe(7);
  });
});

describe.each(testDatabases)('a publication and a signature at once on %s', (kind) => {
  let t: TestApp;
  afterAll(async () => {
    setClock();
    await t.close();
  });

  it('one of them wins; no signature ever covers a text other than the published one', async () => {
    setClock(new Date('2025-03-10T02:00:00Z'));
    t = await createTestApp(kind);
    const yearId = (await t.db.handle.db.selectFrom('years').select('id').executeTakeFirstOrThrow()).id;
    const as = async (login: string, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
      t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
    const base = `/api/years/${yearId}/covenant`;
    expect((await as('bqlkkt.canbo', 'PUT', base, { ...draft, revision: 0 })).statusCode).toBe(200);
    const v1 = (await as('bqlkkt.lanhdao', 'POST', `${base}/publish`, { revision: 1 })).json<TCovenantView>();
    const hash1 = v1.covenant!.published!.textHash;
    const changed = { ...draft, commitments: [...draft.commitments, 'Cam kết bổ sung.'], revision: 1 };
    expect((await as('bqlkkt.canbo', 'PUT', base, changed)).statusCode).toBe(200);

    const [publish, sign] = await Promise.all([
      as('bqlkkt.lanhdao', 'POST', `${base}/publish`, { revision: 2 }),
      as('stc.lanhdao', 'POST', `${base}/sign`, { textHash: hash1 }),
    ]);
    expect([publish.statusCode, sign.statusCode].sort()).toEqual([200, 409]);
    const view = (await as('bqlkkt.canbo', 'GET', base)).json<TCovenantView>();
    const current = view.covenant!.published!;
    expect(current.version).toBe(publish.statusCode === 200 ? 2 : 1);
    const signed = view.signatures.filter((s) => s.signed);
    expect(signed).toHaveLength(sign.statusCode === 200 ? 1 : 0);
    for (const s of signed) expect(s.textHash).toBe(current.textHash);
  });
});
