import { formatHundredths } from '../../domain/points';
import { formatVnDateTime } from '../../domain/time';
import type { TAfterClose } from '../../shared/scoring';

/**
 * What happened after a round was closed, in sentences for the published documents: every reopening
 * (who asked, who did or approved it, why, until when) and every sheet submitted after close with its
 * total before and after. Empty when nothing happened.
 */
export function afterCloseLines(a: TAfterClose): string[] {
  const reopenings = [...a.reopenings].reverse().map((r) => {
    const who = r.requestedByName
      ? `theo đề nghị của ${r.requestedByName}, ${r.reopenedByName ?? ''} duyệt`
      : `do ${r.reopenedByName ?? ''} mở`;
    return `Mở lại bảng điểm của ${r.unitName} lúc ${formatVnDateTime(r.reopenedAt)} (${who}) đến ${formatVnDateTime(r.untilAt)}. Lý do: ${r.reason}`;
  });
  const changes = a.changes.map(
    (c) =>
      `${c.scorerName} nộp lại bảng điểm chấm ${c.scoredName} (lần ${c.version}) lúc ${formatVnDateTime(c.submittedAt)}${c.submittedByName ? ` (${c.submittedByName})` : ''}: tổng điểm ${c.totalBefore === null ? '—' : formatHundredths(c.totalBefore)} → ${formatHundredths(c.totalAfter)}.`,
  );
  return [...reopenings, ...changes];
}
