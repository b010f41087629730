import { Alert, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { Deadline } from '../../components/Deadline';
import { useT } from '../../i18n/context';
import type { THomeYear } from './api';

/** What to do next in a year, as the server lists it: the unit's nearest tasks, and overdue work in the bloc. */
export function NextSteps({ year }: { year: THomeYear }) {
  const t = useT();
  const { tasks, overdueInBloc } = year.next;
  if (!tasks.length && !overdueInBloc) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="next-steps">
      {tasks.length > 0 && (
        <List
          size="small"
          bordered
          header={<Typography.Text strong>{t('home.next')}</Typography.Text>}
          dataSource={tasks}
          renderItem={(task) => (
            <List.Item>
              <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                <Link to={`/years/${year.id}/tasks`}>{task.title}</Link>
                <Space wrap size={4}>
                  {task.state === 'overdue' && <Tag color="red">{t('home.overdue')}</Tag>}
                  <Deadline at={task.deadlineAt} compact />
                </Space>
              </Space>
            </List.Item>
          )}
        />
      )}
      {overdueInBloc ? (
        <Alert
          type="warning"
          showIcon
          message={
            <Link to={`/years/${year.id}/board`}>{t('home.overdueInBloc', { count: overdueInBloc })}</Link>
          }
        />
      ) : null}
    </Space>
  );
}
