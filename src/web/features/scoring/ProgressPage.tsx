import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  List,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Statistic,
} from 'antd';
import { BarChartOutlined, LockOutlined, NotificationOutlined, UnlockOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useCloseRound, useProgress, usePublishRound, useRound } from './api';
import { ProgressGrid } from './ProgressGrid';
import { ReopenModal } from './ReopenModal';
import { RoundStatusTag } from './RoundTags';

/** /rounds/:roundId/progress — who has submitted what (head, deputy, board); head closes and publishes. */
export function ProgressPage() {
  const t = useT();
  const { roundId = '' } = useParams();
  const round = useRound(roundId);
  const progress = useProgress(roundId);
  const close = useCloseRound(roundId);
  const publish = usePublishRound(roundId);
  const showError = useShowError();
  const { message } = App.useApp();
  const [reopening, setReopening] = useState(false);

  const failed = round.error ?? progress.error;
  if (failed) {
    const info = failed instanceof ApiError && failed.status === 403;
    return (
      <Result
        status={info ? 'info' : 'error'}
        title={t('progress.title')}
        subTitle={failed.message || t('common.error')}
      />
    );
  }
  if (!round.data || !progress.data) return <Skeleton active />;
  const r = round.data;
  const p = progress.data;
  const isHead = r.myRole === 'head';
  const late = p.cells.filter((c) => c.late).length;
  const names = new Map(p.units.map((u) => [u.id, u.name]));
  const done = (text: string) => () => void message.success(text);

  return (
    <>
      <PageHeader
        title={`${t('progress.title')}: ${r.title}`}
        extra={
          isHead && (
            <Space wrap>
              {r.status === 'open' && (
                <Popconfirm
                  title={t('progress.closeConfirm')}
                  okText={t('progress.close')}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    close.mutate(undefined, {
                      onSuccess: done(t('progress.closed')),
                      onError: (e) => showError(e),
                    })
                  }
                >
                  <Button icon={<LockOutlined />} loading={close.isPending} data-testid="close-round">
                    {t('progress.close')}
                  </Button>
                </Popconfirm>
              )}
              {r.status === 'closed' && (
                <>
                  <Button
                    icon={<UnlockOutlined />}
                    onClick={() => setReopening(true)}
                    data-testid="reopen-unit"
                  >
                    {t('progress.reopenTitle')}
                  </Button>
                  <Link to={`/rounds/${r.id}/results`}>
                    <Button icon={<BarChartOutlined />}>{t('round.results')}</Button>
                  </Link>
                  <Popconfirm
                    title={t('progress.publishConfirm')}
                    okText={t('progress.publish')}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      publish.mutate(undefined, {
                        onSuccess: done(t('progress.published')),
                        onError: (e) => showError(e),
                      })
                    }
                  >
                    <Button
                      type="primary"
                      icon={<NotificationOutlined />}
                      loading={publish.isPending}
                      data-testid="publish-round"
                    >
                      {t('progress.publish')}
                    </Button>
                  </Popconfirm>
                </>
              )}
              {r.status === 'published' && (
                <Link to={`/rounds/${r.id}/results`}>
                  <Button type="primary" icon={<BarChartOutlined />}>
                    {t('round.results')}
                  </Button>
                </Link>
              )}
            </Space>
          )
        }
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Card>
          <Space size={48} wrap>
            <Statistic
              title={t('progress.submittedSheets')}
              value={p.submitted}
              suffix={`/ ${String(p.expected)}`}
            />
            <Statistic title={t('progress.lateSheets')} value={late} />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('common.status')}>
                <RoundStatusTag round={r} />
              </Descriptions.Item>
              <Descriptions.Item label={t('round.deadlineVn')}>
                {formatDateTime(r.deadlineAt)}
              </Descriptions.Item>
            </Descriptions>
          </Space>
        </Card>
        {r.status === 'open' && isHead && <Alert type="info" showIcon message={t('progress.closeRule')} />}
        <ProgressGrid progress={p} />
        {p.reopenings.length > 0 && (
          <Card title={t('progress.reopenings')} size="small">
            <List
              dataSource={p.reopenings}
              renderItem={(o) => (
                <List.Item>
                  {t('progress.reopeningLine', {
                    unit: names.get(o.unitId) ?? o.unitId,
                    at: formatDateTime(o.reopenedAt),
                    until: formatDateTime(o.untilAt),
                    reason: o.reason,
                  })}
                </List.Item>
              )}
            />
          </Card>
        )}
      </Space>
      {reopening && <ReopenModal roundId={roundId} units={p.units} onClose={() => setReopening(false)} />}
    </>
  );
}
