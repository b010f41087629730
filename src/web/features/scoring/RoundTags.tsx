import { Tag, Tooltip } from 'antd';
import type { TRound } from '../../../shared/scoring';
import { useT } from '../../i18n/context';

const statusColor = { open: 'green', closed: 'orange', published: 'blue' } as const;

/** Open / closed / published. */
export function RoundStatusTag({ round }: { round: TRound }) {
  const t = useT();
  return <Tag color={statusColor[round.status]}>{t(`round.status.${round.status}`)}</Tag>;
}

/** Whether the caller's unit may write its sheets now, and why not. */
export function WindowTag({ round }: { round: TRound }) {
  const t = useT();
  const w = round.window;
  if (!w.accepting) {
    return (
      <Tooltip title={w.reason}>
        <Tag>{t('round.window.closed')}</Tag>
      </Tooltip>
    );
  }
  if (w.reopened) return <Tag color="purple">{t('round.window.reopened')}</Tag>;
  if (w.late) return <Tag color="orange">{t('round.window.late')}</Tag>;
  return <Tag color="green">{t('round.window.accepting')}</Tag>;
}
