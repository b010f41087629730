import { useState } from 'react';
import { Alert, Button, Card, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import type { TProposalLine } from '../../../shared/proposals';
import { cardsOnPhone, withCellLabels } from '../../components/cardsOnPhone';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';
import { useProposal } from './api';
import { DecisionModal } from './DecisionModal';
import { SendModal } from './SendModal';

const statusColor = { drafted: 'default', sent: 'processing', decided: 'success' } as const;
const standingColor = {
  proposed: 'blue',
  excluded: 'default',
  'vote-pending': 'gold',
  'vote-failed': 'red',
} as const;

/** /years/:yearId/proposal — the minutes, the letter and the dossier; sent; the Council's decisions. */
export function ProposalPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const proposal = useProposal(yearId);
  const [sending, setSending] = useState(false);
  const [deciding, setDeciding] = useState<TProposalLine | null>(null);

  if (proposal.isError) return <Result status="error" subTitle={proposal.error.message} />;
  if (!proposal.data) return <Skeleton active />;
  const p = proposal.data;
  const base = `/api/years/${yearId}`;
  const columns = withCellLabels<TProposalLine>([
    {
      title: t('proposal.unit'),
      key: 'unit',
      render: (_: unknown, l) => <Link to={`/units/${l.unitId}/awards`}>{l.unitName}</Link>,
    },
    { title: t('proposal.award'), dataIndex: 'awardName' },
    { title: t('proposal.rank'), dataIndex: 'rank', width: 90, render: (v: number | null) => v ?? '—' },
    { title: t('proposal.score'), dataIndex: 'scoreText', width: 90, render: (v: string | null) => v ?? '—' },
    {
      title: t('proposal.reason'),
      key: 'reason',
      render: (_: unknown, l) => (
        <>
          {l.reason}
          {l.changeReason && (
            <Typography.Paragraph type="warning" style={{ margin: 0 }}>
              {t('proposal.change', { reason: l.changeReason })}
            </Typography.Paragraph>
          )}
        </>
      ),
    },
    {
      title: t('proposal.standing'),
      key: 'standing',
      width: 150,
      render: (_: unknown, l) => (
        <Tag color={standingColor[l.standing]}>{t(`proposal.standing.${l.standing}`)}</Tag>
      ),
    },
    {
      title: t('proposal.decision'),
      key: 'decision',
      render: (_: unknown, l) => (
        <Space direction="vertical" size={2}>
          {l.decision && (
            <Tag color={l.decision === 'approved' ? 'green' : 'red'}>
              {t(`proposal.decision.${l.decision}`)}
            </Tag>
          )}
          {l.decisionNumber && l.decisionDate && (
            <span>
              {t('proposal.decisionLine', { number: l.decisionNumber, date: formatDate(l.decisionDate) })}
            </span>
          )}
          {l.decisionNote && <Typography.Text type="secondary">{l.decisionNote}</Typography.Text>}
          {l.files.map((f) => (
            <DownloadButton
              key={f.id}
              type="link"
              size="small"
              href={`/api/attachments/${f.id}/file`}
              busyText={f.filename}
            >
              {f.filename}
            </DownloadButton>
          ))}
          {p.can.recordDecision && l.standing === 'proposed' && (
            <Button size="small" onClick={() => setDeciding(l)} data-testid={`decide-${l.id}`}>
              {t('proposal.record')}
            </Button>
          )}
        </Space>
      ),
    },
  ]);
  return (
    <>
      <PageHeader
        title={t('proposal.title', { year: p.year })}
        extra={<Tag color={statusColor[p.status]}>{t(`proposal.status.${p.status}`)}</Tag>}
      />
      {!p.roundId && (
        <Alert type="info" showIcon message={t('proposal.notPublished')} style={{ marginBottom: 16 }} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          {p.can.download && (
            <>
              <DownloadButton href={`${base}/proposal/minutes.docx`} busyText={t('proposal.busy')}>
                {t('proposal.minutes')}
              </DownloadButton>
              <DownloadButton href={`${base}/proposal/letter.docx`} busyText={t('proposal.busy')}>
                {t('proposal.letter')}
              </DownloadButton>
            </>
          )}
          {p.can.dossier && (
            <DownloadButton href={`${base}/dossier.zip`} busyText={t('proposal.busy')}>
              {t('proposal.dossier')}
            </DownloadButton>
          )}
          {p.can.send && (
            <Button type="primary" onClick={() => setSending(true)} data-testid="proposal-send">
              {t('proposal.send')}
            </Button>
          )}
          {p.docNumber && p.sentOn && (
            <Typography.Text>
              {t('proposal.sentLine', { number: p.docNumber, date: formatDate(p.sentOn) })}
            </Typography.Text>
          )}
        </Space>
      </Card>
      <Card title={t('proposal.lines')}>
        <Table<TProposalLine>
          className={cardsOnPhone}
          rowKey="id"
          dataSource={p.lines}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('proposal.empty') }}
        />
      </Card>
      {sending && <SendModal yearId={yearId} onClose={() => setSending(false)} />}
      {deciding && <DecisionModal line={deciding} onClose={() => setDeciding(null)} />}
    </>
  );
}
