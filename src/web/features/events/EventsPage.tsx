import { useState } from 'react';
import { Button, Card, Empty, Result, Skeleton, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import type { TEvent } from '../../../shared/events';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useMe } from '../auth/api';
import { PlanNav } from '../plans/PlanNav';
import { useYearContext } from '../plans/yearContext';
import { useEvents } from './api';
import { EventEditor } from './EventEditor';
import { EventStatus } from './EventStatus';

/** /years/:yearId/events — the year's events; the head creates them here. */
export function EventsPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const ctx = useYearContext(yearId);
  const me = useMe();
  const events = useEvents(yearId);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  if (events.isError) {
    return (
      <Result
        status="error"
        title={t('planNav.events')}
        subTitle={events.error.message || t('common.error')}
      />
    );
  }
  if (ctx.loading || !events.data) return <Skeleton active />;
  const list = events.data;
  return (
    <>
      <PageHeader
        title={t('events.title', { year: ctx.year?.year ?? '' })}
        extra={
          list.can.create && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="event-create"
            >
              {t('events.create')}
            </Button>
          )
        }
      />
      <PlanNav yearId={yearId} active="events" ctx={ctx} />
      <Card>
        {list.items.length === 0 ? (
          <Empty description={t('events.none')} />
        ) : (
          <Table<TEvent>
            rowKey="id"
            dataSource={list.items}
            pagination={false}
            data-testid="events-table"
            columns={[
              {
                title: t('events.name'),
                key: 'title',
                render: (_, e) => (
                  <Link to={`/years/${yearId}/events/${e.id}`} data-testid="event-link">
                    {e.title}
                  </Link>
                ),
              },
              { title: t('events.kind'), key: 'kind', render: (_, e) => t(`events.kind.${e.kind}`) },
              {
                title: t('events.when'),
                key: 'when',
                render: (_, e) => `${formatDateTime(e.startsAt)} – ${formatDateTime(e.endsAt)}`,
              },
              { title: t('events.location'), dataIndex: 'location' },
              { title: t('events.host'), dataIndex: 'hostUnitName' },
              { title: t('common.status'), key: 'status', render: (_, e) => <EventStatus event={e} /> },
            ]}
          />
        )}
      </Card>
      {creating && (
        <EventEditor
          yearId={yearId}
          list={list}
          event={null}
          headUnitId={ctx.can.manageEvents ? (me.data?.unitId ?? null) : null}
          onClose={(saved) => {
            setCreating(false);
            if (saved) void navigate(`/years/${yearId}/events/${saved.id}`);
          }}
        />
      )}
    </>
  );
}
