import { aggregateRound, type TieBreaker } from '../../../domain/aggregation';
import { flatten } from '../../../domain/criteria';
import { formatPoints, fraction } from '../../../domain/points';
import { analyseFairness } from '../../../domain/fairness';
import {
  missingPolicyText,
  type TFairness,
  type TProgress,
  type TResults,
  type TRound,
} from '../../../shared/scoring';
import type { Ctx } from '../../context';
import { now } from '../../clock';
import type { Executor } from '../../db/schema';
import { inTransaction } from '../../db/transaction';
import { conflict } from '../../errors';
import { allow } from '../../policy';
import { recordAudit } from '../audit/repository';
import { scoringPolicies } from './access';
import { loadRound, type RoundContext } from './context';
import { presentRound } from './present';
import { createScoringRepository, toSheetSummary } from './repository';

/** Who has submitted what and when, late marks, reopenings — never a score. */
export async function getProgress(db: Executor, roundId: string, ctx: Ctx): Promise<TProgress> {
  const rc = await loadRound(db, roundId, ctx.actor);
  allow(
    scoringPolicies.readProgress(ctx.actor, rc.access),
    'Chỉ Trưởng khối, Phó trưởng khối và Ban TĐKT xem được tiến độ nộp bảng điểm.',
  );
  const repo = createScoringRepository(db);
  const statuses = await repo.sheetStatuses(roundId);
  return {
    units: rc.members,
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
      late: Boolean(s.late),
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
export async function computeResults(db: Executor, rc: RoundContext): Promise<Omit<TResults, 'round'>> {
  const rows = await createScoringRepository(db).submittedSheets(rc.round.id);
  const sheets = rows.map(toSheetSummary);
  const nodeIds = flatten(rc.tree).map((n) => n.id);
  const result = aggregateRound({
    unitIds: rc.members.map((m) => m.id),
    sheets,
    policy: rc.round.missingPolicy,
    tieBreakers: JSON.parse(rc.round.tieBreakersJson) as TieBreaker[],
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

/** Results are read by the head after close (to check them) and by members and the board after publication. */
function allowResults(rc: RoundContext, ctx: Ctx): void {
  const headAfterClose = rc.round.status !== 'open' && scoringPolicies.runYear(rc.access);
  const published = rc.round.status === 'published' && scoringPolicies.readPublished(ctx.actor, rc.access);
  allow(
    headAfterClose || published,
    rc.round.status === 'open'
      ? 'Điểm được giữ kín cho đến khi đợt chấm đóng.'
      : 'Kết quả chưa được Trưởng khối công bố.',
  );
}

/** Results: the head after close (to check before publishing); members and the board after publication. */
export async function getResults(db: Executor, roundId: string, ctx: Ctx): Promise<TResults> {
  const rc = await loadRound(db, roundId, ctx.actor);
  allowResults(rc, ctx);
  const round = presentRound(rc.round, rc.access, rc.members.length, null, now());
  return { round, ...(await computeResults(db, rc)) };
}

/** The advisory fairness analysis: same access as the results, computed from the same submitted totals. */
export async function getFairness(db: Executor, roundId: string, ctx: Ctx): Promise<TFairness> {
  const rc = await loadRound(db, roundId, ctx.actor);
  allowResults(rc, ctx);
  const rows = await createScoringRepository(db).submittedSheets(roundId);
  const cells = rows.map((r) => ({
    scorerId: r.scorerUnitId,
    scoredId: r.scoredUnitId,
    total: r.total ?? 0,
  }));
  return {
    advisory: true,
    units: rc.members,
    ...analyseFairness(
      rc.members.map((m) => m.id),
      cells,
    ),
  };
}

/** Publishes the results to the members and the board; needs a closed round with a ranking. */
export async function publishResults(db: Executor, roundId: string, ctx: Ctx): Promise<TRound> {
  return inTransaction(db, async (tx) => {
    const rc = await loadRound(tx, roundId, ctx.actor);
    allow(scoringPolicies.runYear(rc.access), 'Chỉ Trưởng khối được công bố kết quả.');
    if (rc.round.status !== 'closed') {
      throw conflict(
        rc.round.status === 'open' ? 'Hãy đóng đợt chấm trước khi công bố.' : 'Kết quả đã được công bố.',
      );
    }
    // Mark published first: on PostgreSQL this row lock orders us with a reopened unit's submission, so
    // the results computed next are exactly the published ones.
    const at = now();
    const patch = { status: 'published' as const, publishedAt: at.toISOString() };
    await createScoringRepository(tx).updateRound(roundId, patch);
    const results = await computeResults(tx, rc);
    if (!results.ranked) {
      throw conflict(
        `Chưa đủ bảng điểm (${results.receivedSheets}/${results.expectedSheets}) và đợt chấm quy định chờ đủ bảng điểm; chưa thể công bố.`,
      );
    }
    await recordAudit(tx, ctx, {
      action: 'round.published',
      entityType: 'round',
      entityId: roundId,
      before: { status: rc.round.status },
      // Ranks only: the audit log is read by administrators, who do not see scores.
      after: { ...patch, ranking: results.units.map((u) => ({ unitId: u.unitId, rank: u.rank })) },
    });
    return presentRound({ ...rc.round, ...patch }, rc.access, rc.members.length, null, at);
  });
}
