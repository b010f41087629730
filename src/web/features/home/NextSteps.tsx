import { Alert, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { Deadline } from '../../components/Deadline';
import { useT } from '../../i18n/context';
import type { THomeYear } from './api';
import './home.css';

/** What to do next in a year, as the server lists it: the unit's nearest tasks, and overdue work in the bloc. */
export function NextSteps({ year }: { year: THomeYear }) {
  const t = useT();
  const { tasks, overdueInBloc } = year.next;
  if (!tasks.length && !overdueInBloc) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }} data-testid="next-steps">
      {tasks.length > 0 && (
        <div className="next-steps">
          <Typography.Text strong>{t('home.next')}</Typography.Text>
          {tasks.map((task) => (
            <div key={task.id} className="next-step" data-testid="next-step">
              <Link to={`/years/${year.id}/tasks`}>{task.title}</Link>
              <Space wrap size={4}>
                {task.state === 'overdue' && <Tag color="red">{t('home.overdue')}</Tag>}
                <Deadline at={task.deadlineAt} compact />
              </Space>
            </div>
          ))}
        </div>
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
