import { Card, Empty, Result, Skeleton, Space, Tag } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { useEvents } from '../events/api';
import { useBoard, useMyTasks, usePlan } from './api';
import { PlanNav } from './PlanNav';
import { Timeline } from './Timeline';
import { stateColor, type MilestoneState } from './timelineModel';
import { useYearContext } from './yearContext';

const legend: MilestoneState[] = ['upcoming', 'open', 'done', 'overdue', 'passed'];

/** /years/:yearId/timeline — the published plan's milestones on the year's axis, with today's marker. */
export function TimelinePage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const ctx = useYearContext(yearId);
  const plan = usePlan(yearId);
  const mine = useMyTasks(yearId, ctx.can.ownTasks);
  const board = useBoard(yearId, !ctx.can.ownTasks && ctx.can.readBoard);
  const events = (useEvents(yearId).data?.items ?? []).filter((e) => e.status !== 'cancelled');
  if (plan.isError) {
    return (
      <Result status="error" title={t('timeline.title')} subTitle={plan.error.message || t('common.error')} />
    );
  }
  if (ctx.loading || plan.isPending) return <Skeleton active />;
  const p = plan.data;
  const content = p?.published ?? null;
  const tasks = (ctx.can.ownTasks ? mine.data?.tasks : board.data?.cells) ?? [];
  const year = p?.year ?? ctx.year?.year ?? 0;
  return (
    <>
      <PageHeader title={t('timeline.titleOf', { year })} />
      <PlanNav yearId={yearId} active="timeline" ctx={ctx} />
      {!p || !content ? (
        <Card>
          <Empty description={t('plan.notPublished')} />
        </Card>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <span>{ctx.can.ownTasks ? t('timeline.legendMine') : t('timeline.legendAll')}</span>
            {legend.map((s) => (
              <Tag key={s} color={stateColor[s]}>
                {t(`timeline.state.${s}`)}
              </Tag>
            ))}
          </Space>
          <Card>
            <Timeline year={year} milestones={content.milestones} tasks={tasks} now={p.now} events={events} />
          </Card>
        </Space>
      )}
    </>
  );
}
