import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionNode } from '../../../domain/criteria';
import { createBlocWithUnits, fullScores, roundWithSheets, type TestBloc } from '../../testing/factories';
import { docxText } from '../../testing/docx';
import { createTestApp, testDatabases, type TestApp } from '../../testing/harness';

const tree: CriterionNode[] = [
  { id: 'a', code: 'I', text: 'Nhiệm vụ', kind: 'normal', maxPoints: 10_000, step: 50, children: [] },
];

describe.each(testDatabases)('approvals and the integrity of results on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.close());

  const call = async (login: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: { cookie: await t.cookie(login) } });
  const officer = (b: TestBloc, i: number) => `${b.codes[i]}.cb`;
  const leader = (b: TestBloc, i: number) => `${b.codes[i]}.ld`;

  /** A closed round of 4 units (head, deputy, two members), every sheet submitted: unit i gives each unit its share. */
  async function closedRound(shares: (scorer: number, scored: number) => number) {
    const b = await createBlocWithUnits(t, 4, tree, { deputy: true });
    const roundId = await roundWithSheets(t, b, tree, shares, {
      title: 'Đợt thử',
      deadlineAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    // The head's officer asks; the head's leader approves the close.
    expect((await call(officer(b, 0), 'POST', `/api/rounds/${roundId}/close`)).statusCode).toBe(403);
    const asked = await call(officer(b, 0), 'POST', '/api/approvals', { action: 'round.close', roundId });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      status: 'pending',
      approver: 'head-leader',
      can: { withdraw: true, decide: false },
    });
    const mine = (await call(leader(b, 0), 'GET', '/api/approvals/mine')).json();
    expect(mine.map((a: { id: string }) => a.id)).toContain(asked.json().id);
    const approved = await call(leader(b, 0), 'POST', `/api/approvals/${asked.json().id}/approve`, {});
    expect(approved.statusCode, approved.body).toBe(200);
    expect((await call(officer(b, 0), 'GET', `/api/rounds/${roundId}`)).json().status).toBe('closed');
    return { b, roundId };
  }

  it("refuses the head's attack: after reading the ranking it cannot reopen its own unit; the board refuses the request", async () => {
    // The head unit (0) is 4th of 4: everyone gives it 50 %, the others more.
    const { b, roundId } = await closedRound((_, scored) => (scored === 0 ? 0.5 : 0.6 + scored / 10));
    // The head reads the confidential ranking: from now on reopening needs the city board.
    const seen = (await call(officer(b, 0), 'GET', `/api/rounds/${roundId}/results`)).json();
    expect(seen.units.at(-1).unitId).toBe(b.unitIds[b.codes[0]!]);
    expect(seen.round.resultsShownAt).not.toBeNull();
    const reopen = {
      unitId: b.unitIds[b.codes[0]!],
      reason: 'Đơn vị Trưởng khối cần sửa bảng điểm',
      untilAt: new Date(Date.now() + 3600_000).toISOString(),
    };
    for (const who of [officer(b, 0), leader(b, 0), leader(b, 1)]) {
      const res = await call(who, 'POST', `/api/rounds/${roundId}/reopen`, reopen);
      expect(res.statusCode, `${who}: ${res.body}`).toBe(403);
    }
    expect(
      (await call(leader(b, 0), 'POST', `/api/rounds/${roundId}/reopen`, reopen)).json().message,
    ).toMatch(/Ban TĐKT duyệt/);
    // The request goes to the board, which refuses it with a reason.
    const asked = await call(leader(b, 0), 'POST', '/api/approvals', {
      action: 'round.reopen',
      roundId,
      ...reopen,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().approver).toBe('board');
    expect(
      (await call(leader(b, 1), 'POST', `/api/approvals/${asked.json().id}/approve`, {})).statusCode,
    ).toBe(403);
    const refusedShort = await call('ban-tdkt', 'POST', `/api/approvals/${asked.json().id}/refuse`, {
      note: 'không',
    });
    expect(refusedShort.statusCode).toBe(400);
    const refused = await call('ban-tdkt', 'POST', `/api/approvals/${asked.json().id}/refuse`, {
      note: 'Kết quả đã được xem; không mở lại bảng điểm của đơn vị Trưởng khối.',
    });
    expect(refused.json()).toMatchObject({ status: 'refused', decidedByName: expect.any(String) });
    // Nothing was reopened: the head's own sheets stay locked, and the results publish unchanged.
    const ownSheet = (await call(officer(b, 0), 'GET', `/api/rounds/${roundId}/my-sheets`)).json().sheets[0];
    expect(ownSheet.isSelf).toBe(true);
    const write = await call(officer(b, 0), 'PUT', `/api/sheets/${ownSheet.id}/draft`, {
      scores: fullScores(tree, 1),
      revision: ownSheet.revision,
    });
    expect(write.statusCode).toBe(409);
    expect((await call(leader(b, 0), 'POST', `/api/rounds/${roundId}/publish`)).json().status).toBe(
      'published',
    );
    const published = (await call(officer(b, 3), 'GET', `/api/rounds/${roundId}/results`)).json();
    expect(published.units.map((u: { unitId: string }) => u.unitId)).toEqual(
      seen.units.map((u: { unitId: string }) => u.unitId),
    );
    expect(published.afterClose).toMatchObject({ reopenings: [], changes: [] });
    // The requester heard the decision.
    const notes = (await call(leader(b, 0), 'GET', '/api/notifications?limit=50')).json().items;
    expect(notes.map((n: { title: string }) => n.title)).toContain(
      'Đề nghị mở lại bảng điểm cho ' + seen.units.at(-1).unitName + ' bị từ chối',
    );
  });

  it('lets the deputy reopen the head unit before results are shown; an approved late reopening is published with its changes', async () => {
    const { b, roundId } = await closedRound((scorer, scored) => 0.6 + ((scorer + scored) % 3) / 10);
    const until = new Date(Date.now() + 3600_000).toISOString();
    const head = b.unitIds[b.codes[0]!];
    const ownReopen = await call(leader(b, 1), 'POST', `/api/rounds/${roundId}/reopen`, {
      unitId: head,
      reason: 'Trưởng khối báo nhập nhầm một bảng điểm',
      untilAt: until,
    });
    expect(ownReopen.statusCode, ownReopen.body).toBe(200);
    // The head reads the results; a member's reopening now needs the board.
    await call(leader(b, 0), 'GET', `/api/rounds/${roundId}/results`);
    const member = b.unitIds[b.codes[3]!];
    const direct = await call(leader(b, 0), 'POST', `/api/rounds/${roundId}/reopen`, {
      unitId: member,
      reason: 'Đơn vị báo sự cố đường truyền',
      untilAt: until,
    });
    expect(direct.statusCode).toBe(403);
    const asked = await call(officer(b, 0), 'POST', '/api/approvals', {
      action: 'round.reopen',
      roundId,
      unitId: member,
      reason: 'Đơn vị báo sự cố đường truyền',
      untilAt: until,
    });
    expect(asked.json()).toMatchObject({ approver: 'board', unitName: expect.any(String) });
    expect(
      (
        await call(officer(b, 0), 'POST', '/api/approvals', {
          action: 'round.reopen',
          roundId,
          unitId: member,
          reason: 'Đơn vị báo sự cố đường truyền',
          untilAt: until,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await call('ban-tdkt', 'POST', `/api/approvals/${asked.json().id}/approve`, { note: 'Đồng ý' }))
        .statusCode,
    ).toBe(200);
    // The reopened member changes one sheet; its leader submits it.
    const sheet = (await call(officer(b, 3), 'GET', `/api/rounds/${roundId}/my-sheets`)).json().sheets[1];
    const saved = (
      await call(officer(b, 3), 'PUT', `/api/sheets/${sheet.id}/draft`, {
        scores: fullScores(tree, 0.95),
        revision: sheet.revision,
      })
    ).json();
    expect(
      (await call(leader(b, 3), 'POST', `/api/sheets/${sheet.id}/submit`, { revision: saved.revision }))
        .statusCode,
    ).toBe(200);
    expect((await call(leader(b, 0), 'POST', `/api/rounds/${roundId}/publish`)).statusCode).toBe(200);
    const r = (await call(officer(b, 2), 'GET', `/api/rounds/${roundId}/results`)).json();
    expect(r.afterClose.reopenings).toHaveLength(2);
    expect(r.afterClose.reopenings[0]).toMatchObject({
      unitId: member,
      reason: 'Đơn vị báo sự cố đường truyền',
      requestedByName: 'Cán bộ 1',
      reopenedByName: expect.any(String),
    });
    expect(r.afterClose.changes).toEqual([
      expect.objectContaining({
        scorerUnitId: member,
        scoredUnitId: sheet.scoredUnitId,
        version: 2,
        totalBefore:
          fullScores(tree, sheet.total === null ? 0 : 0).a === undefined ? null : expect.any(Number),
        totalAfter: 9500,
      }),
    ]);
    // The documents carry it too.
    const xlsx = await call(officer(b, 2), 'GET', `/api/rounds/${roundId}/results.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const lines: string[] = [];
    book.getWorksheet('Sau khi đóng đợt')!.eachRow((row) => lines.push(row.getCell(2).text));
    expect(lines.join('\n')).toMatch(/Mở lại bảng điểm của .* Lý do: Đơn vị báo sự cố đường truyền/);
    expect(lines.join('\n')).toMatch(/→ 95,00/);
    const docx = await call(officer(b, 2), 'GET', `/api/rounds/${roundId}/results.docx`);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('Mở lại và thay đổi sau khi đóng đợt chấm');
    expect(text).toContain('Cán bộ 1');
  });

  it("publishes the plan only with the head leader's approval of its officer's request", async () => {
    const yearId = (
      await t.db.handle.db.selectFrom('years').select('id').where('year', '=', 2024).executeTakeFirstOrThrow()
    ).id;
    const plan = (await call('bqlkkt.canbo', 'GET', `/api/years/${yearId}/plan`)).json().plan;
    const saved = (
      await call('bqlkkt.canbo', 'PUT', `/api/plans/${plan.id}`, {
        content: plan.draft,
        revision: plan.revision,
      })
    ).json();
    const body = {
      acknowledgedWarnings: saved.warnings.map((w: { id: string }) => w.id),
      revision: saved.revision,
    };
    const direct = await call('bqlkkt.canbo', 'POST', `/api/plans/${plan.id}/publish`, body);
    expect(direct.statusCode).toBe(403);
    expect(direct.json().message).toMatch(/gửi đề nghị để Lãnh đạo duyệt/);
    const asked = await call('bqlkkt.canbo', 'POST', '/api/approvals', {
      action: 'plan.publish',
      planId: plan.id,
      ...body,
    });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json().targetTitle).toBe('Kế hoạch 1192/KH-KTĐ');
    // A member unit's leader cannot decide it; the head's leader can.
    expect(
      (await call('stc.lanhdao', 'POST', `/api/approvals/${asked.json().id}/approve`, {})).statusCode,
    ).toBe(403);
    expect(
      (await call('bqlkkt.lanhdao', 'POST', `/api/approvals/${asked.json().id}/approve`, {})).statusCode,
    ).toBe(200);
    const after = (await call('stc.canbo', 'GET', `/api/years/${yearId}/plan`)).json().plan;
    expect(after.publishedVersion).toBe(plan.publishedVersion + 1);
  });

  it("publishes the results only with the head leader's approval; a refusal says why", async () => {
    const { b, roundId } = await closedRound(() => 0.7);
    const asked = await call(officer(b, 0), 'POST', '/api/approvals', { action: 'round.publish', roundId });
    const refused = await call(leader(b, 0), 'POST', `/api/approvals/${asked.json().id}/refuse`, {
      note: 'Chờ kiểm tra lại bảng tổng hợp',
    });
    expect(refused.json().status).toBe('refused');
    expect((await call(officer(b, 0), 'GET', `/api/rounds/${roundId}`)).json().status).toBe('closed');
    const again = await call(officer(b, 0), 'POST', '/api/approvals', { action: 'round.publish', roundId });
    const list = (await call(leader(b, 1), 'GET', `/api/years/${b.yearId}/approvals?status=all`)).json();
    expect(list.map((a: { status: string }) => a.status).sort()).toEqual(['approved', 'pending', 'refused']);
    expect((await call(officer(b, 2), 'GET', `/api/years/${b.yearId}/approvals`)).statusCode).toBe(403);
    expect(
      (await call(officer(b, 0), 'POST', `/api/approvals/${again.json().id}/approve`, {})).statusCode,
    ).toBe(403);
    expect(
      (await call(leader(b, 0), 'POST', `/api/approvals/${again.json().id}/approve`, {})).json().status,
    ).toBe('approved');
    expect((await call(officer(b, 2), 'GET', `/api/rounds/${roundId}`)).json().status).toBe('published');
    const audit = (await call('admin', 'GET', `/api/audit?entityId=${roundId}&action=round.published`)).json()
      .items;
    expect(audit[0].after).toMatchObject({ approvalId: again.json().id });
  });
});
