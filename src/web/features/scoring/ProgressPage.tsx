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
import { ApprovalList } from '../approvals/ApprovalList';
import { useRequestApproval, useYearApprovals } from '../approvals/api';

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
  const askApproval = useRequestApproval();
  const yearId = round.data?.yearId ?? '';
  const allApprovals = useYearApprovals(yearId, 'all', Boolean(round.data?.can.progress));
  const approvals = { data: allApprovals.data?.filter((a) => a.targetId === roundId) };

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
  const late = p.cells.filter((c) => c.late).length;
  const names = new Map(p.units.map((u) => [u.id, u.name]));
  const done = (text: string) => () => void message.success(text);
  const ask = (action: 'round.close' | 'round.publish') =>
    askApproval.mutate(
      { action, roundId: r.id },
      { onSuccess: done(t('approval.sent')), onError: (e) => showError(e) },
    );

  return (
    <>
      <PageHeader
        title={`${t('progress.title')}: ${r.title}`}
        extra={
          <Space wrap>
            {r.can.close !== 'none' && (
              <Popconfirm
                title={t(r.can.close === 'direct' ? 'progress.closeConfirm' : 'approval.askCloseConfirm')}
                okText={t(r.can.close === 'direct' ? 'progress.close' : 'approval.askClose')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  r.can.close === 'direct'
                    ? close.mutate(undefined, {
                        onSuccess: done(t('progress.closed')),
                        onError: (e) => showError(e),
                      })
                    : ask('round.close')
                }
              >
                <Button
                  icon={<LockOutlined />}
                  loading={close.isPending || askApproval.isPending}
                  data-testid="close-round"
                >
                  {t(r.can.close === 'direct' ? 'progress.close' : 'approval.askClose')}
                </Button>
              </Popconfirm>
            )}
            {r.can.reopen !== 'none' && (
              <Button icon={<UnlockOutlined />} onClick={() => setReopening(true)} data-testid="reopen-unit">
                {t('progress.reopenTitle')}
              </Button>
            )}
            {r.can.results && (
              <Link to={`/rounds/${r.id}/results`}>
                <Button icon={<BarChartOutlined />} data-testid="progress-results">
                  {t('round.results')}
                </Button>
              </Link>
            )}
            {r.can.publish !== 'none' && (
              <Popconfirm
                title={t(
                  r.can.publish === 'direct' ? 'progress.publishConfirm' : 'approval.askPublishConfirm',
                )}
                okText={t(r.can.publish === 'direct' ? 'progress.publish' : 'approval.askPublish')}
                cancelText={t('common.cancel')}
                onConfirm={() =>
                  r.can.publish === 'direct'
                    ? publish.mutate(undefined, {
                        onSuccess: done(t('progress.published')),
                        onError: (e) => showError(e),
                      })
                    : ask('round.publish')
                }
              >
                <Button
                  type="primary"
                  icon={<NotificationOutlined />}
                  loading={publish.isPending || askApproval.isPending}
                  data-testid="publish-round"
                >
                  {t(r.can.publish === 'direct' ? 'progress.publish' : 'approval.askPublish')}
                </Button>
              </Popconfirm>
            )}
          </Space>
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
        {r.can.close !== 'none' && <Alert type="info" showIcon message={t('progress.closeRule')} />}
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
      {approvals.data && approvals.data.length > 0 && (
        <Card title={t('approval.yearTitle')} size="small" style={{ marginTop: 16 }}>
          <ApprovalList items={approvals.data} />
        </Card>
      )}
      {reopening && <ReopenModal roundId={roundId} units={p.units} onClose={() => setReopening(false)} />}
    </>
  );
}
