import { Space, Tag, Typography } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, ExclamationCircleFilled } from '@ant-design/icons';
import type { TTask } from '../../../shared/plans';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useDeadline } from '../../lib/deadline';

/** Done / open / overdue, and by how long; for a done task, when and how it was completed. */
export function TaskStatus({ task, compact = false }: { task: TTask; compact?: boolean }) {
  const t = useT();
  const d = useDeadline();
  const late = task.lateByMs !== null ? d.duration(task.lateByMs) : null;
  if (task.state === 'done') {
    return (
      <Space direction="vertical" size={0} data-testid="task-state" data-state="done">
        <Tag color="green" icon={<CheckCircleFilled />}>
          {t('task.state.done')}
        </Tag>
        {task.completedAt && !compact && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('task.completedAt', { at: formatDateTime(task.completedAt) })}
            {task.completedBy && ` · ${t(`task.completedBy.${task.completedBy}`)}`}
          </Typography.Text>
        )}
        {late && (
          <Typography.Text type="warning" style={{ fontSize: 12 }}>
            {t('task.doneLate', { late })}
          </Typography.Text>
        )}
      </Space>
    );
  }
  if (task.state === 'overdue') {
    return (
      <Space direction="vertical" size={0} data-testid="task-state" data-state="overdue">
        <Tag color="red" icon={<ExclamationCircleFilled />}>
          {t('task.state.overdue')}
        </Tag>
        {late && (
          <Typography.Text type="danger" style={{ fontSize: 12 }}>
            {t('task.overdueBy', { late })}
          </Typography.Text>
        )}
      </Space>
    );
  }
  return (
    <Tag color="blue" icon={<ClockCircleOutlined />} data-testid="task-state" data-state="open">
      {t('task.state.open')}
    </Tag>
  );
}
