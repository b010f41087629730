import { aggregateRound } from '../../../domain/aggregation';
import { flatten } from '../../../domain/criteria';
import { formatPoints, fraction } from '../../../domain/points';
import { analyseFairness } from '../../../domain/fairness';
import {
  missingPolicyText,
  type TAfterClose,
  type TFairness,
  type TProgress,
  type TResults,
} from '../../../shared/scoring';
import type { Ctx } from '../../context';
import { now } from '../../clock';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { recordAudit } from '../audit/repository';
import { allow, roundFacts } from '../../access';
import { reopenPower } from '../../../domain/access';
import { nominationColumn } from '../nominations/results-column';
import { loadRound, type RoundContext } from './context';
import { presentRound } from './present';
import { createScoringRepository } from './repository';

/** Who has submitted what and when, late marks, reopenings — never a score. */
export async function getProgress(db: Executor, roundId: string, ctx: Ctx): Promise<TProgress> {
  const rc = await loadRound(db, roundId, ctx.actor);
  allow(rc.can.progress, 'Chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT xem được tiến độ nộp bảng điểm.');
  const repo = createScoringRepository(db);
  const statuses = await repo.sheetStatuses(roundId);
  const facts = roundFacts(
    rc.round,
    rc.access,
    rc.members.map((m) => m.id),
  );
  return {
    units: rc.members.map((m) => ({
      ...m,
      reopen: rc.round.status === 'closed' ? reopenPower(rc.subject, facts, m.id) : ('none' as const),
    })),
    cells: statuses.map((s) => ({
      scorerUnitId: s.scorerUnitId,
      scoredUnitId: s.scoredUnitId,
      status:
        s.submittedVersion > 0
          ? ('submitted' as const)
          : s.revision > 0
            ? ('draft' as const)
            : ('empty' as const),
      submittedAt: s.submittedAt,
      late: s.late,
      version: s.submittedVersion,
    })),
    submitted: statuses.filter((s) => s.submittedVersion > 0).length,
    expected: rc.members.length ** 2,
    reopenings: (await repo.reopenings(roundId)).map((r) => ({
      unitId: r.unitId,
      reason: r.reason,
      untilAt: r.untilAt,
      reopenedAt: r.reopenedAt,
    })),
  };
}

/** Computes a round's results from the submitted sheets (pure domain aggregation). */
export async function computeResults(
  db: Executor,
  rc: RoundContext,
): Promise<Omit<TResults, 'round' | 'afterClose' | 'nominations'>> {
  const sheets = await createScoringRepository(db).submittedSheets(rc.round.id);
  const nodeIds = flatten(rc.tree).map((n) => n.id);
  const result = aggregateRound({
    unitIds: rc.members.map((m) => m.id),
    sheets,
    policy: rc.round.missingPolicy,
    tieBreakers: rc.round.tieBreakers,
    nodeIds,
  });
  const matrix: Record<string, Record<string, number>> = {};
  for (const s of sheets) (matrix[s.scorerId] ??= {})[s.scoredId] = s.total;
  return {
    policy: result.policy,
    policyText: missingPolicyText[result.policy],
    expectedSheets: result.expectedSheets,
    receivedSheets: result.receivedSheets,
    complete: result.complete,
    ranked: result.ranked,
    tieBreakers: result.tieBreakers,
    units: result.units.map((u) => ({
      unitId: u.unitId,
      unitName: rc.names.get(u.unitId) ?? '',
      selfTotal: u.selfTotal,
      peerTotals: u.peerTotals,
      sheetCount: u.sheetCount,
      missingScorerIds: u.missingScorerIds,
      score: u.score,
      scoreText: u.score ? formatPoints(u.score) : null,
      rank: u.rank,
      tiedWith: u.tiedWith,
      decidedBy: u.decidedBy,
      criterionMeans: u.sheetCount
        ? Object.fromEntries(nodeIds.map((id, i) => [id, fraction(u.criterionSums[i]!, u.sheetCount)]))
        : {},
    })),
    matrix,
  };
}

/**
 * Results are read by the head after close (to check them) and by the round's members and the board after
 * publication. The first time the head reads them is recorded: from then on a reopening needs the board.
 */
async function allowResults(db: Executor, rc: RoundContext, ctx: Ctx): Promise<void> {
  allow(
    rc.can.results,
    rc.round.status === 'open'
      ? 'Điểm được giữ kín cho đến khi đợt chấm đóng.'
      : rc.round.status === 'published'
        ? 'Đơn vị của bạn không thuộc đợt chấm này.'
        : 'Kết quả chưa được Trưởng khối công bố.',
  );
  if (rc.round.status !== 'closed' || rc.round.resultsShownAt || rc.subject.yearRole !== 'head') return;
  const at = now().toISOString();
  await inTransaction(db, async (tx) => {
    if (!(await createScoringRepository(tx).markResultsShown(rc.round.id, at))) return;
    await recordAudit(tx, ctx, {
      action: 'round.results-shown',
      entityType: 'round',
      entityId: rc.round.id,
      after: { resultsShownAt: at },
    });
  });
  rc.round = { ...rc.round, resultsShownAt: at };
}

/** Reopenings and sheets submitted after close: published with the results, so that nothing changes quietly. */
export async function afterClose(db: Executor, rc: RoundContext): Promise<TAfterClose> {
  const repo = createScoringRepository(db);
  const name = (id: string) => rc.names.get(id) ?? '';
  const closedAt = rc.round.closedAt;
  return {
    closedAt,
    resultsShownAt: rc.round.resultsShownAt,
    reopenings: (await repo.reopenings(rc.round.id)).map((r) => ({
      unitId: r.unitId,
      unitName: name(r.unitId),
      reason: r.reason,
      untilAt: r.untilAt,
      reopenedAt: r.reopenedAt,
      reopenedByName: r.reopenedByName,
      requestedByName: r.requestedByName,
    })),
    changes: closedAt
      ? (await repo.versionsAfter(rc.round.id, closedAt)).map((v) => ({
          scorerUnitId: v.scorerUnitId,
          scorerName: name(v.scorerUnitId),
          scoredUnitId: v.scoredUnitId,
          scoredName: name(v.scoredUnitId),
          version: v.version,
          submittedAt: v.submittedAt,
          submittedByName: v.submittedByName,
          totalBefore: v.totalBefore,
          totalAfter: v.totalAfter,
        }))
      : [],
  };
}

/** Results: the head after close (to check before publishing); members and the board after publication. */
export async function getResults(db: Executor, roundId: string, ctx: Ctx): Promise<TResults> {
  return resultsOf(db, await loadRound(db, roundId, ctx.actor), ctx);
}

/** The results of a round already loaded for the caller (same access as getResults). */
export async function resultsOf(db: Executor, rc: RoundContext, ctx: Ctx): Promise<TResults> {
  await allowResults(db, rc, ctx);
  const ids = rc.members.map((m) => m.id);
  const round = presentRound(rc.round, rc.access, ids, rc.subject, null, now());
  return {
    round,
    ...(await computeResults(db, rc)),
    afterClose: await afterClose(db, rc),
    nominations: await nominationColumn(db, rc.round.id),
  };
}

/** The advisory fairness analysis: same access as the results, computed from the same submitted totals. */
export async function getFairness(db: Executor, roundId: string, ctx: Ctx): Promise<TFairness> {
  const rc = await loadRound(db, roundId, ctx.actor);
  await allowResults(db, rc, ctx);
  const sheets = await createScoringRepository(db).submittedSheets(roundId);
  const cells = sheets.map((s) => ({ scorerId: s.scorerId, scoredId: s.scoredId, total: s.total }));
  return {
    advisory: true,
    units: rc.members,
    ...analyseFairness(
      rc.members.map((m) => m.id),
      cells,
    ),
  };
}
