import { useState } from 'react';
import { App, Button, Card, Empty, List, Popconfirm, Result, Skeleton, Space, Tag } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useBallots, useCreateNextYear, useYearMembers } from './api';
import { BallotForm } from './BallotForm';

const statusColor = { draft: 'default', open: 'processing', closed: 'success' } as const;

/** /years/:yearId/ballots — the year's secret ballots; the head drafts one, and creates next year. */
export function BallotsPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const { yearId = '' } = useParams();
  const list = useBallots(yearId);
  const year = useYearMembers(yearId);
  const nextYear = useCreateNextYear(yearId);
  const [creating, setCreating] = useState(false);

  if (list.isError) return <Result status="error" subTitle={list.error.message} />;
  if (!list.data || !year.data) return <Skeleton active />;
  const { items, can } = list.data;
  return (
    <>
      <PageHeader
        title={t('ballot.listTitle', { year: year.data.year })}
        extra={
          <Space>
            {can.createNextYear && (
              <Popconfirm
                title={t('ballot.nextYearConfirm')}
                onConfirm={() =>
                  nextYear.mutate(undefined, {
                    onSuccess: (r) => void message.success(t('ballot.nextYearDone', { year: r.year })),
                    onError: (e) => showError(e),
                  })
                }
              >
                <Button data-testid="next-year">{t('ballot.nextYear')}</Button>
              </Popconfirm>
            )}
            {can.create && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="ballot-create">
                {t('ballot.create')}
              </Button>
            )}
          </Space>
        }
      />
      {creating && (
        <BallotForm yearId={yearId} members={year.data.members} onClose={() => setCreating(false)} />
      )}
      <Card>
        {items.length === 0 ? (
          <Empty description={t('ballot.empty')} />
        ) : (
          <List
            dataSource={items}
            renderItem={(b) => (
              <List.Item
                extra={<Tag color={statusColor[b.status]}>{t(`ballot.status.${b.status}`)}</Tag>}
                data-testid={`ballot-${b.id}`}
              >
                <List.Item.Meta
                  title={<Link to={`/ballots/${b.id}`}>{b.title}</Link>}
                  description={`${formatDateTime(b.opensAt)} – ${formatDateTime(b.closesAt)} · ${t('ballot.counter', { voted: b.votedCount, total: b.electorateSize })}`}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </>
  );
}
