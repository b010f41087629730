/**
 * Test fixture of the proposal: the demo bloc with 2024 finished (results published), its year-end
 * conference with attendance, and nomination lines inserted as the nominations module drafts them.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { NominationTable } from '../db/schema';
import { seedDemoLife } from '../demo/seed';
import type { TestApp } from './harness';

export const HEAD_OFFICER = 'bqlkkt.canbo';
export const HEAD_LEADER = 'bqlkkt.lanhdao';
export const BOARD = 'ban-tdkt';

export interface ProposalFixture {
  yearId: string;
  blocId: string;
  roundId: string;
  unit: Record<string, string>;
}

/** Makes the demo's 2024 a finished year (published year-end round) and returns its ids. */
export async function finishedYear(t: TestApp): Promise<ProposalFixture> {
  const db = t.db.handle.db;
  await seedDemoLife(db, t.app.files, { records: false });
  const year = await db
    .selectFrom('years')
    .select(['id', 'blocId'])
    .where('year', '=', 2024)
    .executeTakeFirstOrThrow();
  const round = await db
    .selectFrom('rounds')
    .select('id')
    .where('yearId', '=', year.id)
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow();
  const unit = Object.fromEntries(
    (await db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
  );
  return { yearId: year.id, blocId: year.blocId, roundId: round.id, unit };
}

/** The year-end conference, held by the head, with the given units present and the others absent. */
export async function conference(t: TestApp, f: ProposalFixture, present: string[]): Promise<string> {
  const cookie = await t.cookie(HEAD_OFFICER);
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/years/${f.yearId}/events`,
    headers: { cookie },
    payload: {
      kind: 'year-end-conference',
      title: 'Hội nghị tổng kết phong trào thi đua năm 2024',
      startsAt: '2024-12-20T08:00:00+07:00',
      endsAt: '2024-12-20T11:30:00+07:00',
      location: 'Hội trường Ban Quản lý khu kinh tế',
      hostUnitId: f.unit.bqlkkt,
      unitIds: Object.values(f.unit),
      agenda: '1. Khai mạc\n2. Bình xét khen thưởng',
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  const eventId = res.json<{ id: string }>().id;
  const att = await t.app.inject({
    method: 'PUT',
    url: `/api/events/${eventId}/attendance`,
    headers: { cookie },
    payload: {
      items: Object.entries(f.unit).map(([code, unitId]) => ({
        unitId,
        attendance: present.includes(code) ? 'present' : 'absent',
      })),
    },
  });
  expect(att.statusCode, att.body).toBe(200);
  return eventId;
}

/** A nomination line as the nominations module stores it. */
export async function insertNomination(
  t: TestApp,
  f: ProposalFixture,
  over: Partial<NominationTable> & { unitId: string; awardCode: string },
): Promise<string> {
  const id = randomUUID();
  const position =
    Number(
      (
        await t.db.handle.db
          .selectFrom('nominations')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('yearId', '=', f.yearId)
          .executeTakeFirstOrThrow()
      ).n,
    ) + 1;
  await t.db.handle.db
    .insertInto('nominations')
    .values({
      id,
      yearId: f.yearId,
      roundId: f.roundId,
      awardName:
        over.awardCode === 'co-thi-dua'
          ? 'Cờ thi đua của UBND thành phố'
          : 'Bằng khen của Chủ tịch UBND thành phố',
      position,
      rank: position,
      scoreText: '95,00',
      origin: 'rule',
      included: 1,
      reason: `Xếp hạng ${position}, đã đăng ký`,
      changeReason: null,
      changedBy: null,
      changedAt: null,
      decision: null,
      decisionNumber: null,
      decisionDate: null,
      decisionNote: null,
      decidedBy: null,
      decidedAt: null,
      createdAt: new Date().toISOString(),
      ...over,
    })
    .execute();
  return id;
}
