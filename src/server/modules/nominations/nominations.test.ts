import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import type { TNominations } from '../../../shared/nominations';
import { setClock } from '../../clock';
import { readDocx, tableTexts, tables } from '../../testing/docx';
import {
  acceptedRegistration,
  createBlocWithUnits,
  fullScores,
  openRound,
  submitUnit,
  type TestBloc,
} from '../../testing/factories';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 6000, step: 50, children: [] },
  { id: 'b', code: 'II', text: 'Thi đua', kind: 'normal', maxPoints: 4000, step: 50, children: [] },
];
const flagName = 'Cờ thi đua của UBND thành phố';
const meritName = 'Bằng khen của Chủ tịch UBND thành phố';
const rules = [
  { awardCode: 'co-thi-dua', awardName: flagName, places: 1, requiresRegistration: true, minScore: null },
  { awardCode: 'bang-khen', awardName: meritName, places: 2, requiresRegistration: true, minScore: 72 },
];
interface Line {
  id: string;
  unitId: string;
  awardCode: string;
  included: boolean;
  origin: string;
  reason: string;
  changeReason: string | null;
  changedByName: string | null;
  ballot: { approve: number; reject: number; outcome: string | null } | null;
}

/**
 * Five units; unit i scores 90 − 5i points from everyone. u1 never submits its sheets, u2 submits late
 * (the round accepts late sheets and ranks on the sheets received); u4 registered only for the certificate.
 */
describe.each(testDatabases)('nominations on %s', (kind) => {
  let t: TestApp;
  let b: TestBloc;
  let roundId = '';
  const as = (code: string, who: 'cb' | 'ld' = 'cb') => `${b.codes[Number(code.slice(1))]}.${who}`;
  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const id = (u: string) => b.unitIds[b.codes[Number(u.slice(1))]!]!;
  const read = async (login = as('u4')) => {
    const res = await call(login, 'GET', `/api/years/${b.yearId}/nominations`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<TNominations>();
  };

  beforeAll(async () => {
    setClock(new Date('2025-12-01T03:00:00Z'));
    t = await createTestApp(kind);
    b = await createBlocWithUnits(t, 5, tree);
    roundId = await openRound(t, b, {
      deadlineAt: '2025-12-08T00:00:00+07:00',
      latePolicy: 'accept-late',
      missingPolicy: 'mean-of-received',
    });
    const share = (scored: string) => fullScores(tree, 0.9 - 0.05 * b.codes.indexOf(scored));
    for (const c of [0, 3, 4]) {
      expect((await submitUnit(t, b, roundId, b.codes[c]!, share)).statusCode).toBe(200);
    }
    setClock(new Date('2025-12-10T03:00:00Z'));
    expect((await submitUnit(t, b, roundId, b.codes[2]!, share)).statusCode).toBe(200);
    for (const [i, c] of b.codes.entries()) {
      await acceptedRegistration(t, b, c, i === 4 ? ['bang-khen'] : ['co-thi-dua', 'bang-khen']);
    }
  });
  afterAll(async () => {
    setClock();
    await t.close();
  });

  it('gives the catalogue’s awards with a quota as default rules; the head saves the year’s own, checked', async () => {
    const def = await call(as('u3'), 'GET', `/api/years/${b.yearId}/award-rules`);
    expect(def.statusCode, def.body).toBe(200);
    expect(def.json()).toMatchObject({
      source: 'default',
      can: { edit: false },
      rules: [
        { awardCode: 'co-thi-dua', places: 2, requiresRegistration: true, minScore: null },
        { awardCode: 'bang-khen', places: 3, requiresRegistration: true, minScore: null },
      ],
    });
    const bad = await call(as('u0'), 'PUT', `/api/years/${b.yearId}/award-rules`, {
      rules: [
        { ...rules[0], places: 0 },
        { ...rules[1], awardCode: 'co-thi-dua', minScore: 72.555 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const fe = bad.json().fieldErrors as Record<string, string>;
    expect(fe['rules.0.places']).toMatch(/^Số suất/);
    expect(fe['rules.1.awardCode']).toContain('bị trùng');
    expect(fe['rules.1.minScore']).toContain('hai chữ số thập phân');
    expect((await call(as('u1'), 'PUT', `/api/years/${b.yearId}/award-rules`, { rules })).statusCode).toBe(
      403,
    );
    const saved = await call(as('u0', 'ld'), 'PUT', `/api/years/${b.yearId}/award-rules`, { rules });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      source: 'saved',
      rules,
      updatedByName: 'Lãnh đạo 1',
      can: { edit: true },
    });
  });

  it('refuses to draft before the year-end round is published', async () => {
    const res = await call(as('u0'), 'POST', `/api/years/${b.yearId}/nominations/draft`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('Chưa có đợt chấm điểm cuối năm được công bố');
    expect((await read()).can).toEqual({ draft: false, change: false, createBallot: false });
    for (const step of ['close', 'publish']) {
      const r = await call(as('u0', 'ld'), 'POST', `/api/rounds/${roundId}/${step}`);
      expect(r.statusCode, r.body).toBe(200);
    }
  });

  it('drafts lines from the ranking, registrations and rules; never a unit with a missing or late sheet', async () => {
    expect((await call(as('u3'), 'POST', `/api/years/${b.yearId}/nominations/draft`)).statusCode).toBe(403);
    const res = await call(as('u0'), 'POST', `/api/years/${b.yearId}/nominations/draft`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ lines: Line[]; notProposed: { unitId: string; reasons: string[] }[] }>();
    expect(body.lines.map((l) => [l.unitId, l.awardCode, l.origin, l.included])).toEqual([
      [id('u0'), 'co-thi-dua', 'rule', true],
      [id('u3'), 'bang-khen', 'rule', true],
    ]);
    expect(body.lines[0]!.reason).toBe(`Xếp hạng 1/5, 90,00 điểm; đã đăng ký ${flagName}`);
    expect(body.lines[1]!.reason).toBe(
      `Xếp hạng 4/5, 75,00 điểm; đã đăng ký ${meritName}; đạt điểm tối thiểu 72,00`,
    );
    const why = new Map(body.notProposed.map((n) => [n.unitId, n.reasons]));
    expect(why.get(id('u1'))![0]).toBe('Không đủ điều kiện đề nghị: thiếu 5 bảng chấm điểm.');
    expect(why.get(id('u2'))![0]).toBe('Không đủ điều kiện đề nghị: nộp muộn 5 bảng chấm điểm.');
    expect(why.get(id('u4'))).toContain(`${meritName}: dưới điểm tối thiểu 72,00.`);

    const member = await t.app.inject({
      url: '/api/notifications',
      headers: { cookie: await t.cookie(as('u4')) },
    });
    expect(member.json().items.some((n: { kind: string }) => n.kind === 'nomination')).toBe(true);
    const audit = await t.db.handle.db
      .selectFrom('auditEvents')
      .select('action')
      .where('entityId', '=', b.yearId)
      .where('action', '=', 'nominations.drafted')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('lets the head take a line out or add one only with a written reason that every member reads', async () => {
    const [flag] = (await read()).lines;
    const url = `/api/years/${b.yearId}/nominations/lines`;
    const short = await call(as('u0'), 'POST', `${url}/${flag!.id}/remove`, { reason: 'ngắn' });
    expect(short.statusCode).toBe(400);
    expect(short.json().fieldErrors.reason).toMatch(/^Lý do/);
    expect(
      (await call(as('u3', 'ld'), 'POST', `${url}/${flag!.id}/remove`, { reason: 'x'.repeat(20) }))
        .statusCode,
    ).toBe(403);
    const reason = 'Đơn vị bị xử lý kỷ luật trong năm, không đủ tiêu chuẩn.';
    const removed = await call(as('u0', 'ld'), 'POST', `${url}/${flag!.id}/remove`, { reason });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await call(as('u0'), 'POST', `${url}/${flag!.id}/remove`, { reason })).statusCode).toBe(409);

    // Hard rules: missing sheets, late sheets and the minimum score refuse the head too.
    const add = (unit: string, awardCode: string, awardName: string) =>
      call(as('u0'), 'POST', url, {
        unitId: id(unit),
        awardCode,
        awardName,
        reason: 'Đơn vị có thành tích đột xuất trong năm.',
      });
    for (const [u, code, text] of [
      ['u1', 'co-thi-dua', 'thiếu 5 bảng chấm điểm'],
      ['u2', 'co-thi-dua', 'nộp muộn 5 bảng chấm điểm'],
      ['u4', 'bang-khen', 'dưới điểm tối thiểu 72,00'],
    ] as const) {
      const r = await add(u, code, 'x'.repeat(3));
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().message).toContain(text);
    }
    expect((await add('u3', 'bang-khen', meritName)).statusCode).toBe(409);
    const added = await add('u4', 'tap-the-ldxs', 'Tập thể Lao động xuất sắc');
    expect(added.statusCode, added.body).toBe(200);

    const seen = await read(as('u2', 'ld'));
    const flagLine = seen.lines.find((l) => l.id === flag!.id)!;
    expect(flagLine).toMatchObject({ included: false, changeReason: reason, changedByName: 'Lãnh đạo 1' });
    const headLine = seen.lines.find((l) => l.unitId === id('u4'))!;
    expect(headLine).toMatchObject({
      origin: 'head',
      included: true,
      awardCode: 'tap-the-ldxs',
      changeReason: 'Đơn vị có thành tích đột xuất trong năm.',
      changedByName: 'Cán bộ 1',
    });
    expect(headLine.reason).toBe(
      'Trưởng khối bổ sung (xếp hạng 5/5, 70,00 điểm): Đơn vị có thành tích đột xuất trong năm.',
    );
    expect(seen.notProposed.find((n) => n.unitId === id('u0'))!.reasons[0]).toBe(
      `${flagName}: Trưởng khối bỏ khỏi danh sách — ${reason}`,
    );
    expect(seen.awards.map((a) => a.awardCode)).toEqual(['co-thi-dua', 'bang-khen', 'tap-the-ldxs']);
    const board = await read('ban-tdkt');
    expect(board.lines).toHaveLength(3);
    expect((await call('admin', 'GET', `/api/years/${b.yearId}/nominations`)).statusCode).toBe(403);
  });

  it('makes a draft approval ballot from the included lines, and shows each line’s published outcome', async () => {
    const res = await call(as('u0'), 'POST', `/api/years/${b.yearId}/nominations/ballot`, {
      opensAt: '2025-12-10T01:00:00Z',
      closesAt: '2025-12-20T01:00:00Z',
    });
    expect(res.statusCode, res.body).toBe(201);
    const ballot = res.json<{
      id: string;
      status: string;
      questions: { id: string; subjectUnitId: string; label: string }[];
    }>();
    expect(ballot.status).toBe('draft');
    expect(ballot.questions.map((q) => q.subjectUnitId)).toEqual([id('u3'), id('u4')]);
    const stored = await t.db.handle.db
      .selectFrom('ballotQuestions')
      .select('awardCode')
      .where('ballotId', '=', ballot.id)
      .orderBy('position')
      .execute();
    expect(stored.map((q) => q.awardCode)).toEqual(['bang-khen', 'tap-the-ldxs']);
    expect((await call(as('u0', 'ld'), 'POST', `/api/ballots/${ballot.id}/open`)).statusCode).toBe(200);
    for (const [i, c] of b.codes.entries()) {
      const choices = Object.fromEntries(
        ballot.questions.map((q, k) => [q.id, k === 1 && i < 3 ? 'no' : 'yes']),
      );
      const v = await call(`${c}.ld`, 'POST', `/api/ballots/${ballot.id}/vote`, { choices });
      expect(v.statusCode, v.body).toBe(201);
    }
    const lines = (await read()).lines;
    expect(lines.find((l) => l.unitId === id('u3'))!.ballot).toMatchObject({
      approve: 5,
      reject: 0,
      outcome: 'yes',
    });
    expect(lines.find((l) => l.unitId === id('u4'))!.ballot).toMatchObject({ approve: 2, reject: 3 });
    expect(lines.find((l) => l.unitId === id('u0'))!.ballot).toBeNull();
  });

  it('adds a "Đề nghị khen thưởng" column to the round’s results, .xlsx and .docx', async () => {
    // The factory names unit i "Đơn vị i (tag)", its code being "tag-u(i-1)".
    const unitName = (n: number) => `Đơn vị ${n} (${b.codes[0]!.split('-')[0]})`;
    const res = await call(as('u4'), 'GET', `/api/rounds/${roundId}/results`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().nominations).toEqual({
      [id('u3')]: [meritName],
      [id('u4')]: ['Tập thể Lao động xuất sắc'],
    });

    const xlsx = await call(as('u4'), 'GET', `/api/rounds/${roundId}/results.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Tổng hợp')!;
    const header = sheet.getRow(5).values as unknown[];
    const col = header.indexOf('Đề nghị khen thưởng');
    expect(col).toBeGreaterThan(0);
    expect(header[col + 1]).toBe('Ghi chú');
    const byUnit = new Map<string, unknown>();
    for (let r = 6; r < 6 + 5; r++) {
      byUnit.set(sheet.getRow(r).getCell(2).text, sheet.getRow(r).getCell(col).value);
    }
    expect(byUnit.get(unitName(4))).toBe(meritName);
    expect(byUnit.get(unitName(1))).toBe('');

    const docx = await call(as('u4'), 'GET', `/api/rounds/${roundId}/results.docx`);
    const rows = tables((await readDocx(docx.rawPayload)).document)
      .map(tableTexts)
      .find((t) => t.flat().includes('Xếp hạng'))!;
    expect(rows.flat()).toContain('Đề nghị khen thưởng');
    expect(rows.find((r) => r.includes(unitName(5)))).toContain('Tập thể Lao động xuất sắc');
  });

  it('refuses changes once the proposal went to the Council', async () => {
    await t.db.handle.db
      .insertInto('proposals')
      .values({
        yearId: b.yearId,
        status: 'sent',
        docNumber: null,
        sentOn: null,
        sentBy: null,
        decidedAt: null,
        updatedAt: new Date().toISOString(),
      })
      .execute();
    const res = await call(as('u0'), 'POST', `/api/years/${b.yearId}/nominations/draft`);
    expect(res.statusCode).toBe(409);
    expect(res.json().message).toContain('đã gửi Hội đồng');
    expect((await read(as('u0'))).can).toEqual({ draft: false, change: false, createBallot: true });
  });
});
