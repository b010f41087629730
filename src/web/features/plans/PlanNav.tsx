import { Tabs } from 'antd';
import { useNavigate } from 'react-router';
import { useT } from '../../i18n/context';
import type { YearContext } from './yearContext';

export type PlanTab =
  'plan' | 'timeline' | 'tasks' | 'board' | 'covenant' | 'registration' | 'events' | 'exemplars';

/** Tabs between the year's plan pages; each tab is its own URL. */
export function PlanNav({ yearId, active, ctx }: { yearId: string; active: PlanTab; ctx: YearContext }) {
  const t = useT();
  const navigate = useNavigate();
  const items = [
    { key: 'plan', label: t('planNav.plan') },
    { key: 'timeline', label: t('planNav.timeline') },
    ...(ctx.can.ownTasks ? [{ key: 'tasks', label: t('planNav.tasks') }] : []),
    ...(ctx.can.readBoard ? [{ key: 'board', label: t('planNav.board') }] : []),
    ...(ctx.can.ownTasks || ctx.can.readBoard
      ? [{ key: 'registration', label: t('planNav.registration') }]
      : []),
    { key: 'covenant', label: t('planNav.covenant') },
    { key: 'events', label: t('planNav.events') },
    { key: 'exemplars', label: t('planNav.exemplars') },
  ];
  return (
    <Tabs
      activeKey={active}
      items={items.map((i) => ({ ...i, label: <span data-testid={`plan-tab-${i.key}`}>{i.label}</span> }))}
      onChange={(key) => void navigate(`/years/${yearId}/${key}`)}
      style={{ marginBottom: 8 }}
    />
  );
}
