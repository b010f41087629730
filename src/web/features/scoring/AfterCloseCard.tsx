import { Card, List, Typography } from 'antd';
import { formatHundredths } from '../../../domain/points';
import type { TAfterClose } from '../../../shared/scoring';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';

/**
 * Every reopening and every sheet submitted after the round was closed — who, when, why, the totals
 * before and after — shown with the results, so that nothing changes quietly.
 */
export function AfterCloseCard({ a }: { a: TAfterClose }) {
  const t = useT();
  const empty = a.reopenings.length === 0 && a.changes.length === 0;
  return (
    <Card title={t('results.afterClose')} data-testid="after-close">
      {empty ? (
        <Typography.Text type="secondary">{t('results.afterCloseNone')}</Typography.Text>
      ) : (
        <List size="small">
          {[...a.reopenings].reverse().map((r) => (
            <List.Item key={`${r.unitId}:${r.reopenedAt}`}>
              {t(r.requestedByName ? 'results.reopenedApproved' : 'results.reopenedDirect', {
                unit: r.unitName,
                at: formatDateTime(r.reopenedAt),
                by: r.reopenedByName ?? '',
                asker: r.requestedByName ?? '',
                until: formatDateTime(r.untilAt),
                reason: r.reason,
              })}
            </List.Item>
          ))}
          {a.changes.map((c) => (
            <List.Item key={`${c.scorerUnitId}:${c.scoredUnitId}:${String(c.version)}`}>
              {t('results.changedSheet', {
                scorer: c.scorerName,
                scored: c.scoredName,
                version: c.version,
                at: formatDateTime(c.submittedAt),
                before: c.totalBefore === null ? '—' : formatHundredths(c.totalBefore),
                after: formatHundredths(c.totalAfter),
              })}
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}
