import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  List,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useNavigate, useParams } from 'react-router';
import type { TNominationLine } from '../../../shared/nominations';
import { cardsOnPhone, withCellLabels } from '../../components/cardsOnPhone';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT, type TFunction } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useBallotFromNominations, useDraftNominations, useNominations } from './api';
import { ReasonModal } from './ReasonModal';
import { RulesCard } from './RulesCard';

const outcomeText = (t: TFunction, b: NonNullable<TNominationLine['ballot']>) =>
  t(b.outcome === 'yes' ? 'nom.outcome.yes' : b.outcome === 'no' ? 'nom.outcome.no' : 'nom.outcome.none', {
    approve: b.approve,
    reject: b.reject,
  });

/** /years/:yearId/nominations — the year's award rules, the drafted lines with reasons and the head's changes. */
export function NominationsPage() {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const { yearId = '' } = useParams();
  const data = useNominations(yearId);
  const draft = useDraftNominations(yearId);
  const ballot = useBallotFromNominations(yearId);
  const [changing, setChanging] = useState<{ lineId: string | null } | null>(null);

  if (data.isError) return <Result status="error" subTitle={data.error.message} />;
  if (!data.data) return <Skeleton active />;
  const n = data.data;
  const makeBallot = () => {
    const opensAt = new Date(Date.now() + 3600_000);
    const closesAt = new Date(opensAt.getTime() + 4 * 3600_000);
    ballot.mutate(
      { opensAt: opensAt.toISOString(), closesAt: closesAt.toISOString() },
      {
        onSuccess: (b) => {
          void message.success(t('nom.ballotCreated'));
          void navigate(`/ballots/${b.id}`);
        },
        onError: (e) => showError(e),
      },
    );
  };
  const runDraft = () =>
    draft.mutate(undefined, {
      onSuccess: () => void message.success(t('nom.drafted')),
      onError: (e) => showError(e),
    });

  const columns = withCellLabels<TNominationLine>([
    {
      title: t('nom.unit'),
      render: (_, l) => (
        <Space direction="vertical" size={0}>
          <Typography.Text delete={!l.included} strong>
            {l.unitName}
          </Typography.Text>
          <Space size={4} wrap>
            {!l.included && <Tag color="red">{t('nom.removed')}</Tag>}
            {l.origin === 'head' && <Tag color="blue">{t('nom.byHead')}</Tag>}
          </Space>
        </Space>
      ),
    },
    { title: t('nom.award'), dataIndex: 'awardName' },
    { title: t('nom.rank'), width: 70, render: (_, l) => l.rank ?? '—' },
    { title: t('nom.score'), width: 90, render: (_, l) => l.scoreText ?? '—' },
    { title: t('nom.reason'), dataIndex: 'reason' },
    {
      title: t('nom.change'),
      render: (_, l) =>
        l.changeReason ? (
          <Space direction="vertical" size={0}>
            <span>{l.changeReason}</span>
            <Typography.Text type="secondary">
              {t('nom.changedBy', {
                name: l.changedByName ?? '',
                at: l.changedAt ? formatDateTime(l.changedAt) : '',
              })}
            </Typography.Text>
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('nom.ballotOutcome'), render: (_, l) => (l.ballot ? outcomeText(t, l.ballot) : '—') },
    ...(n.can.change
      ? [
          {
            title: t('common.actions'),
            render: (_: unknown, l: TNominationLine) =>
              l.included && (
                <Button
                  size="small"
                  danger
                  onClick={() => setChanging({ lineId: l.id })}
                  data-testid={`remove-${l.unitId}`}
                >
                  {t('nom.remove')}
                </Button>
              ),
          },
        ]
      : []),
  ]);

  return (
    <>
      <PageHeader
        title={t('nom.title', { year: n.year })}
        extra={
          <Space wrap>
            {n.can.draft &&
              (n.lines.length ? (
                <Popconfirm title={t('nom.redraftConfirm')} onConfirm={runDraft}>
                  <Button loading={draft.isPending} data-testid="nom-draft">
                    {t('nom.draft')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button type="primary" loading={draft.isPending} onClick={runDraft} data-testid="nom-draft">
                  {t('nom.draft')}
                </Button>
              ))}
            {n.can.change && (
              <Button onClick={() => setChanging({ lineId: null })} data-testid="nom-add">
                {t('nom.add')}
              </Button>
            )}
            {n.can.createBallot && (
              <Button loading={ballot.isPending} onClick={makeBallot} data-testid="nom-ballot">
                {t('nom.ballot')}
              </Button>
            )}
          </Space>
        }
      />
      {n.round ? (
        <Typography.Paragraph type="secondary">
          {t('nom.fromRound', { round: n.round.title })}
        </Typography.Paragraph>
      ) : (
        <Alert type="info" showIcon message={t('nom.noRound')} style={{ marginBottom: 16 }} />
      )}
      {n.proposalStatus && n.proposalStatus !== 'drafted' && (
        <Alert type="warning" showIcon message={t('nom.proposalSent')} style={{ marginBottom: 16 }} />
      )}
      <Card title={t('nom.lines')} size="small" style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          dataSource={n.lines}
          columns={columns}
          pagination={false}
          className={cardsOnPhone}
          locale={{ emptyText: t('nom.empty') }}
          data-testid="nom-lines"
        />
      </Card>
      {n.notProposed.length > 0 && (
        <Card title={t('nom.notProposed')} size="small" style={{ marginBottom: 16 }}>
          <List
            dataSource={n.notProposed}
            data-testid="nom-not-proposed"
            renderItem={(u) => (
              <List.Item>
                <List.Item.Meta
                  title={`${u.rank ?? '—'}. ${u.unitName}${u.scoreText ? ` — ${u.scoreText}` : ''}`}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                      {u.reasons.map((r) => (
                        <li key={r}>{r}</li>
                      ))}
                    </ul>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
      <RulesCard yearId={yearId} />
      {changing && (
        <ReasonModal
          yearId={yearId}
          lineId={changing.lineId}
          units={n.units}
          awards={n.awards}
          onClose={() => setChanging(null)}
        />
      )}
    </>
  );
}
