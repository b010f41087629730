/**
 * The demo as a living bloc: 2024 finished (every sheet submitted, results published, every task done) and
 * the current year in progress — the 2024 plan moved to this year, its deadlines placed so that some tasks
 * are done, some fall due this week and one is overdue. Everything goes through the services, as the
 * people of the bloc would do it; the clock is set to the moment each step would have happened.
 */
import { instantToVn, vnWallClockToInstant } from '../../domain/time';
import type { TPlanContent } from '../../shared/plans';
import { atInstant, now } from '../clock';
import type { Ctx } from '../context';
import type { Tx } from '../db/schema';
import { saveDraft as saveCriteria, startDraft } from '../modules/criteria/service';
import { createYear } from '../modules/org/years-service';
import { nextYearContent } from '../modules/plans/content';
import { createPlan, getPlan, publishPlan, savePlan } from '../modules/plans/plan-service';
import { closeRound, publishResults } from '../modules/scoring/round-actions';
import { openRound } from '../modules/scoring/rounds-service';
import { mySheets, saveDraft, submitSheet } from '../modules/scoring/sheets-service';
import { leaves, type CriterionNode } from '../../domain/criteria';
import { demoCriteriaTree } from './criteria';
import { demoYear } from './data';
import { exemplars, firstQuarter, yearEnd } from './year-records';
import type { FileStore } from '../storage/file-store';

const DAY = 24 * 3600_000;

export interface DemoPeople {
  admin: Ctx;
  headOfficer: Ctx;
  headLeader: Ctx;
  /** The city's emulation board (Ban TĐKT), who records the Council's decisions. */
  board: Ctx;
  /** Each unit's leader, in the demo's unit order. */
  leaders: { unitId: string; ctx: Ctx }[];
}

const at = atInstant;

/** A unit's score from a scorer: every unit is good, some better; the spread makes a readable ranking. */
function scoresFor(tree: CriterionNode[], scorer: number, scored: number): Record<string, number> {
  const out: Record<string, number> = {};
  leaves(tree).forEach((leaf, i) => {
    if (leaf.kind !== 'normal') return;
    const share = 0.72 + ((scored * 5 + i * 3 + scorer) % 9) / 40 - scored / 60;
    out[leaf.id] = Math.floor((leaf.maxPoints * Math.min(1, share)) / leaf.step) * leaf.step;
  });
  return out;
}

/**
 * 2024: the covenant and the registrations (year-records.ts), the year-end round — every unit's sheets
 * submitted by its leader, closed and published —, the nominations and their ballot, the conference and its
 * election, the proposal decided by the Council in January (awards.ts); all tasks done.
 */
export async function finishDemoYear(
  tx: Tx,
  yearId: string,
  people: DemoPeople,
  files: FileStore,
  records = true,
): Promise<void> {
  if (records) {
    await firstQuarter(tx, yearId, people, files);
    await exemplars(tx, yearId, people);
  }
  const round = await at(`${demoYear}-11-25T02:00:00Z`, () =>
    openRound(
      tx,
      yearId,
      {
        kind: 'year-end',
        title: `Chấm điểm thi đua năm ${demoYear}`,
        deadlineAt: `${demoYear}-12-10T00:00:00+07:00`,
        latePolicy: 'refuse',
        missingPolicy: 'wait-all',
      },
      people.headOfficer,
    ),
  );
  const order = people.leaders.map((l) => l.unitId);
  for (const [scorer, leader] of people.leaders.entries()) {
    await at(`${demoYear}-12-0${2 + (scorer % 6)}T03:00:00Z`, async () => {
      const mine = await mySheets(tx, round.id, leader.ctx);
      for (const sheet of mine.sheets) {
        const scores = scoresFor(demoCriteriaTree, scorer, order.indexOf(sheet.scoredUnitId));
        const saved = await saveDraft(tx, sheet.id, { scores, revision: sheet.revision }, leader.ctx);
        await submitSheet(tx, sheet.id, saved.revision, leader.ctx);
      }
    });
  }
  await at(`${demoYear}-12-10T02:00:00Z`, () => closeRound(tx, round.id, people.headLeader));
  await at(`${demoYear}-12-20T02:00:00Z`, () => publishResults(tx, round.id, people.headLeader));
  if (records) await yearEnd(tx, yearId, people, files);
  // The rest of the year's work happened outside the demo: its tasks are done, and its notices were read.
  const doneAt = `${demoYear}-12-31T09:00:00.000Z`;
  await tx
    .updateTable('tasks')
    .set({
      status: 'done',
      completedAt: doneAt,
      completedBy: 'head',
      note: 'Đã hoàn thành (dữ liệu mẫu năm đã kết thúc).',
    })
    .where('yearId', '=', yearId)
    .where('status', '=', 'open')
    .execute();
  await tx
    .updateTable('notifications')
    .set({ readAt: doneAt })
    .where('readAt', 'is', null)
    .where('createdAt', '<=', doneAt)
    .execute();
  // The Council's decisions came in January: their notices were read the day they came.
  const unread = await tx
    .selectFrom('notifications')
    .select(['id', 'createdAt'])
    .where('readAt', 'is', null)
    .execute();
  for (const n of unread) {
    const readAt = new Date(Date.parse(n.createdAt) + 8 * 3600_000).toISOString();
    await tx.updateTable('notifications').set({ readAt }).where('id', '=', n.id).execute();
  }
}

/** Moves the 2024 plan to `year`: the year in the text and every deadline, as "next year's plan" does. */
function planFor(content: TPlanContent, year: number): TPlanContent {
  let c = content;
  for (let y = demoYear; y < year; y++) c = nextYearContent(c, y);
  // The seed's own slip (a 2023 date in the 2024 plan) would stay a year behind: bring it into the year.
  const inYear = (iso: string) => {
    const behind = year - Number(vnDay(new Date(iso)).slice(0, 4));
    return behind > 0 ? new Date(Date.parse(iso) + behind * 365 * DAY).toISOString() : iso;
  };
  const milestones = c.milestones.map((m) => (m.deadlineAt ? { ...m, deadlineAt: inYear(m.deadlineAt) } : m));
  return { ...c, milestones, docNumber: `1205${c.docNumber}`, issueDate: `${year}-03-18` };
}

const vnDay = (instant: Date) => instantToVn(instant).date;

/**
 * Places the deadlines around today: the milestones already due stay where they are (done, but the latest
 * one, which one unit has not finished); if nothing falls due in the coming week, the next milestone does
 * (in five days), so the bell and the home page show a week's work.
 */
function aroundToday(c: TPlanContent, today: Date): TPlanContent {
  const soon = today.getTime() + 7 * DAY;
  const dated = c.milestones.filter((m) => m.deadlineAt);
  const inWeek = dated.some((m) => {
    const t = Date.parse(m.deadlineAt!);
    return t > today.getTime() && t <= soon;
  });
  if (inWeek) return c;
  const future = dated.filter((m) => Date.parse(m.deadlineAt!) > today.getTime());
  const next =
    future.sort((a, b) => Date.parse(a.deadlineAt!) - Date.parse(b.deadlineAt!))[0] ?? dated.at(-1);
  if (!next) return c;
  const day = vnDay(new Date(today.getTime() + 5 * DAY));
  const deadlineAt = vnWallClockToInstant(day).toISOString();
  return { ...c, milestones: c.milestones.map((m) => (m.id === next.id ? { ...m, deadlineAt } : m)) };
}

/** The current year: members and roles as in 2024, the sample criteria, the moved plan published; past tasks done but one. */
export async function startCurrentYear(
  tx: Tx,
  blocId: string,
  from: { yearId: string; unitIds: string[]; headUnitId: string; deputyUnitId: string },
  people: DemoPeople,
): Promise<string | null> {
  const today = now();
  const year = Number(vnDay(today).slice(0, 4));
  if (year <= demoYear) return null;
  const created = await at(`${year}-01-05T02:00:00Z`, () =>
    createYear(
      tx,
      { blocId, year, unitIds: from.unitIds, headUnitId: from.headUnitId, deputyUnitId: from.deputyUnitId },
      people.admin,
    ),
  );
  await at(`${year}-02-20T02:00:00Z`, async () => {
    const set = await startDraft(tx, created.id, people.headOfficer);
    await saveCriteria(
      tx,
      set.id,
      { name: `Bảng tiêu chí chấm điểm thi đua năm ${year} (mẫu)`, tree: demoCriteriaTree },
      people.headOfficer,
    );
  });
  const old = await getPlan(tx, from.yearId, people.headOfficer);
  if (!old?.published) return created.id;
  const content = aroundToday(planFor(old.published, year), today);
  await at(`${year}-03-18T02:00:00Z`, async () => {
    const plan = await createPlan(tx, created.id, people.headOfficer);
    const saved = await savePlan(tx, plan.id, { content, revision: plan.revision }, people.headOfficer);
    await publishPlan(
      tx,
      plan.id,
      { acknowledgedWarnings: saved.warnings.map((w) => w.id), revision: saved.revision },
      people.headLeader,
    );
  });
  // Tasks already due (by their deadline, or their quarter when they have none) were done on time — except
  // the latest dated one, which one member unit has not finished.
  const quarter = Math.ceil(Number(vnDay(today).slice(5, 7)) / 3);
  const open = await tx
    .selectFrom('tasks')
    .select(['id', 'unitId', 'quarter', 'deadlineAt'])
    .where('yearId', '=', created.id)
    .where('status', '=', 'open')
    .execute();
  const due = open
    .filter((t) => (t.deadlineAt ? t.deadlineAt <= today.toISOString() : t.quarter < quarter))
    .sort((a, b) => (b.deadlineAt ?? '').localeCompare(a.deadlineAt ?? ''));
  const late = due.find(
    (t) => t.deadlineAt && t.unitId !== from.headUnitId && t.unitId !== from.deputyUnitId,
  );
  const quarterEnd = (q: number) =>
    vnWallClockToInstant(`${year}-${String(q * 3).padStart(2, '0')}-25`).getTime();
  for (const t of due) {
    if (t.id === late?.id) continue;
    const doneAt = new Date(
      (t.deadlineAt ? Date.parse(t.deadlineAt) : quarterEnd(t.quarter)) - 2 * DAY,
    ).toISOString();
    await tx
      .updateTable('tasks')
      .set({ status: 'done', completedAt: doneAt, completedBy: 'head', note: 'Đã hoàn thành (dữ liệu mẫu).' })
      .where('id', '=', t.id)
      .execute();
  }
  return created.id;
}
