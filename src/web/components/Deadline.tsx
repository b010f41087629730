import { Tooltip, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useT } from '../i18n/context';
import { useDeadline } from '../lib/deadline';

/** A deadline as the plan words it, with the exact Vietnam-time instant beside it. */
export function Deadline({ at, compact = false }: { at: string | null; compact?: boolean }) {
  const t = useT();
  const d = useDeadline();
  if (!at) return <Typography.Text type="secondary">{t('deadline.none')}</Typography.Text>;
  return (
    <Tooltip title={t('deadline.rule')}>
      <span className="deadline" data-testid="deadline">
        <Typography.Text strong>
          <ClockCircleOutlined /> {d.short(at)}
        </Typography.Text>
        {compact ? ' ' : <br />}
        <Typography.Text type="secondary" className="deadline-exact">
          ({d.exact(at)})
        </Typography.Text>
      </span>
    </Tooltip>
  );
}
