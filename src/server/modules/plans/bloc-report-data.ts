/**
 * Gathers what the bloc's mid-year or year-end report says from the modules that own it: the units' reports
 * (this module), registrations, the covenant, events and exemplary models, and the published ranking.
 */
import {
  inPeriod,
  periodDeliverable,
  periodRange,
  unitReportStatus,
  type BlocReportPeriod,
  type UnitReportStatus,
} from '../../../domain/bloc-reports';
import type { YearAccess } from '../../access';
import { now } from '../../clock';
import type { Ctx } from '../../context';
import type { Executor } from '../../db/schema';
import type { BlocReportInput } from '../../documents/bloc-report-docx';
import { createCovenantRepository } from '../covenants/repository';
import { unitsOf } from '../covenants/service';
import { presentEvents } from '../events/event-service';
import { createEventRepository } from '../events/repository';
import { createOrgRepository } from '../org/repository';
import { presentDispatches, unitRegistrations } from '../registrations/review-service';
import { loadRound } from '../scoring/context';
import { computeResults } from '../scoring/results-service';
import { createPlanRepository, type Report } from './repository';

export interface UnitReportRow {
  unitId: string;
  unitName: string;
  status: UnitReportStatus;
  /** The newest file the unit sent, if any. */
  latest: Report | null;
}

/** Each member unit asked for the period's report (or that sent one), with its standing, in name order. */
export async function unitReportRows(
  db: Executor,
  access: YearAccess,
  period: BlocReportPeriod,
): Promise<UnitReportRow[]> {
  const repo = createPlanRepository(db);
  const tasks = await repo.tasksFor(access.yearId, periodDeliverable[period]);
  const reports = await repo.reportsOfKind(access.yearId, period);
  const at = now();
  return (await createOrgRepository(db).members(access.yearId)).flatMap((u) => {
    const mine = reports.filter((r) => r.unitId === u.id);
    const status = unitReportStatus(
      tasks.filter((t) => t.unitId === u.id),
      mine.map((r) => ({ id: r.id, uploadedAt: r.uploadedAt, late: r.late })),
      at,
    );
    if (!status) return [];
    const latest = mine.find((r) => r.id === status.latestReportId) ?? null;
    return [{ unitId: u.id, unitName: u.name, status, latest }];
  });
}

async function covenantFacts(
  db: Executor,
  access: YearAccess,
  before: Date,
): Promise<BlocReportInput['covenant']> {
  const repo = createCovenantRepository(db);
  const c = await repo.ofYear(access.yearId);
  const published = c && c.publishedVersion > 0 ? await repo.version(c.id, c.publishedVersion) : undefined;
  if (!c || !published || new Date(published.publishedAt) >= before) return null;
  const signatures = (await repo.signatures(c.id)).filter((s) => new Date(s.signedAt) < before);
  return {
    title: published.title,
    version: published.version,
    publishedAt: published.publishedAt,
    units: (await unitsOf(repo, access)).map((u) => {
      const s = signatures.find((x) => x.unitId === u.id);
      return { name: u.name, signerName: s?.signerName ?? null, signedAt: s?.signedAt ?? null };
    }),
  };
}

const ALL_UNITS = 'Các đơn vị trong Khối';

async function eventFacts(db: Executor, access: YearAccess, period: BlocReportPeriod) {
  const range = periodRange(access.year, period);
  const rows = (await createEventRepository(db).eventsOfYear(access.yearId)).filter(
    (e) => e.status !== 'cancelled' && inPeriod(e.startsAt, range),
  );
  return (await presentEvents(db, access, rows)).map((e) => {
    const everyone =
      e.units.length === access.memberUnitIds.length && e.units.every((u) => u.attendance !== 'absent');
    return {
      title: e.title,
      startsAt: e.startsAt,
      location: e.location,
      hostName: e.hostUnitName,
      participants: everyone
        ? [ALL_UNITS]
        : e.units.map((u) => (u.attendance === 'absent' ? `${u.name} (vắng)` : u.name)),
      minutes: e.minutesAt !== null,
    };
  });
}

/** The ranking of the year's newest published year-end round; null when none is published. */
async function resultFacts(db: Executor, yearId: string, ctx: Ctx): Promise<BlocReportInput['results']> {
  const roundId = await createPlanRepository(db).publishedYearEndRoundId(yearId);
  if (!roundId) return null;
  const rc = await loadRound(db, roundId, ctx.actor);
  const r = await computeResults(db, rc);
  const rows = [...r.units].sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity));
  return {
    roundTitle: rc.round.title,
    publishedAt: rc.round.publishedAt,
    rows: rows.map((u) => ({ rank: u.rank, unitName: u.unitName, scoreText: u.scoreText })),
  };
}

/** Everything the report says, as of now, for a period of the year. */
export async function gatherBlocReport(
  db: Executor,
  access: YearAccess,
  period: BlocReportPeriod,
  ctx: Ctx,
): Promise<BlocReportInput> {
  const range = periodRange(access.year, period);
  const exemplars = (await createEventRepository(db).exemplarsOfYear(access.yearId))
    .filter((x) => new Date(x.createdAt) < range.to)
    .reverse();
  return {
    year: access.year,
    period,
    blocName: access.blocName,
    date: now(),
    reports: await unitReportRows(db, access, period),
    registrations: {
      units: await unitRegistrations(db, access),
      dispatches: await presentDispatches(db, access.yearId),
    },
    covenant: await covenantFacts(db, access, range.to),
    events: await eventFacts(db, access, period),
    exemplars: exemplars.map((x) => ({
      title: x.title,
      unitName: x.unitName,
      field: x.field,
      presentAtConference: x.presentAtConference,
    })),
    results: period === 'year-end' ? await resultFacts(db, access.yearId, ctx) : null,
  };
}
