import {
  Alert,
  App,
  Button,
  Card,
  Result,
  Skeleton,
  Space,
  Statistic,
  Table,
  Typography,
  Upload,
} from 'antd';
import { BarChartOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import type { TTask } from '../../../shared/plans';
import { PageHeader } from '../../components/PageHeader';
import { cardsOnPhone, withCellLabels } from '../../components/cardsOnPhone';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { reportFileUrl, useMyTasks, useUploadReport } from './api';
import { Deadline } from '../../components/Deadline';
import { roman } from '../../lib/deadline';
import { PlanNav } from './PlanNav';
import { TaskStatus } from './TaskStatus';
import { useYearContext } from './yearContext';

const reportKinds: readonly TTask['deliverable'][] = ['report-mid-year', 'report-year-end'];

/** /years/:yearId/tasks — the unit's tasks from the plan: state, deadline, report upload, score sheets. */
export function MyTasksPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const ctx = useYearContext(yearId);
  const tasks = useMyTasks(yearId, ctx.can.ownTasks);
  const upload = useUploadReport();
  const showError = useShowError();
  const { message } = App.useApp();

  if (ctx.loading) return <Skeleton active />;
  if (!ctx.can.ownTasks) {
    return <Result status="info" title={t('tasks.title')} subTitle={t('tasks.onlyUnits')} />;
  }
  if (tasks.isError) {
    return (
      <Result status="error" title={t('tasks.title')} subTitle={tasks.error.message || t('common.error')} />
    );
  }
  if (!tasks.data) return <Skeleton active />;
  const list = tasks.data.tasks;
  const count = (s: TTask['state']) => list.filter((x) => x.state === s).length;

  const send = (task: TTask, file: File) =>
    upload.mutate(
      { taskId: task.id, file },
      {
        onSuccess: (r) =>
          void message.success(
            r.completedTasks.length
              ? t('tasks.uploadedDone', { file: r.report.filename, count: r.completedTasks.length })
              : t('tasks.uploaded', { file: r.report.filename }),
          ),
        onError: (e) => showError(e),
      },
    );

  const action = (task: TTask) => {
    if (reportKinds.includes(task.deliverable)) {
      return (
        <Space direction="vertical" size={4}>
          {task.reportId && (
            <a href={reportFileUrl(task.reportId)} data-testid="task-report-file">
              <PaperClipOutlined /> {t('tasks.reportFile')}
            </a>
          )}
          {task.state !== 'done' && (
            <Upload
              showUploadList={false}
              accept=".pdf,.doc,.docx,.odt,.xls,.xlsx"
              customRequest={({ file }) => send(task, file as File)}
            >
              <Button
                type="primary"
                size="small"
                icon={<UploadOutlined />}
                loading={upload.isPending && upload.variables.taskId === task.id}
                data-testid="task-upload"
              >
                {t('tasks.upload')}
              </Button>
            </Upload>
          )}
        </Space>
      );
    }
    if (task.deliverable === 'score-sheets') {
      return (
        <Link to={task.roundId ? `/rounds/${task.roundId}/sheets` : `/years/${yearId}/scoring`}>
          <Button size="small" icon={<BarChartOutlined />} data-testid="task-scoring">
            {t('tasks.goScoring')}
          </Button>
        </Link>
      );
    }
    if (task.deliverable === 'covenant-signature') {
      return (
        <Link to={`/years/${yearId}/covenant`} data-testid="task-covenant">
          {t('planNav.covenant')}
        </Link>
      );
    }
    return task.state === 'done' ? null : (
      <Typography.Text type="secondary">{t('tasks.headChecks')}</Typography.Text>
    );
  };

  return (
    <>
      <PageHeader title={t('tasks.titleOf', { year: ctx.year?.year ?? '' })} />
      <PlanNav yearId={yearId} active="tasks" ctx={ctx} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Space size={48} wrap>
            <Statistic
              title={t('task.state.done')}
              value={count('done')}
              suffix={`/ ${String(list.length)}`}
              valueStyle={{ color: '#389e0d' }}
            />
            <Statistic title={t('task.state.open')} value={count('open')} />
            <Statistic
              title={t('task.state.overdue')}
              value={count('overdue')}
              valueStyle={{ color: count('overdue') ? '#cf1322' : undefined }}
            />
          </Space>
        </Card>
        <Alert type="info" showIcon message={t('deadline.rule')} />
        <Table<TTask>
          rowKey="id"
          dataSource={list}
          pagination={false}
          data-testid="my-tasks"
          className={cardsOnPhone}
          locale={{ emptyText: t('tasks.none') }}
          rowClassName={(r) => (r.state === 'overdue' ? 'row-overdue' : '')}
          columns={withCellLabels<TTask>([
            { title: t('tasks.quarter'), width: 70, render: (_, r) => roman(r.quarter) },
            {
              title: t('tasks.task'),
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  <Typography.Text type="secondary">{t(`deliverable.${r.deliverable}`)}</Typography.Text>
                </Space>
              ),
            },
            { title: t('tasks.deadline'), width: 300, render: (_, r) => <Deadline at={r.deadlineAt} /> },
            { title: t('common.status'), width: 230, render: (_, r) => <TaskStatus task={r} /> },
            { title: t('common.actions'), width: 200, render: (_, r) => action(r) },
          ])}
        />
      </Space>
    </>
  );
}
