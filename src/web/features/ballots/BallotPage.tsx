import { useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Modal,
  Popconfirm,
  Progress,
  Radio,
  Result,
  Select,
  Skeleton,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useParams } from 'react-router';
import { shareLabels, type TBallot } from '../../../shared/ballots';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useBallot, useBallotAction, useDelegate, useVote } from './api';

/** /ballots/:ballotId — the head opens and closes; a leader (or delegate) votes; the tally after close. */
export function BallotPage() {
  const t = useT();
  const { ballotId = '' } = useParams();
  const q = useBallot(ballotId);
  const action = useBallotAction();
  const showError = useShowError();

  if (q.isError) return <Result status="error" subTitle={q.error.message} />;
  if (!q.data) return <Skeleton active />;
  const b = q.data;
  const act = (a: 'open' | 'close') =>
    action.mutate({ id: b.id, action: a }, { onError: (e) => showError(e) });
  return (
    <>
      <PageHeader
        title={b.title}
        extra={
          <Space>
            {b.can.open && (
              <Popconfirm title={t('ballot.openConfirm')} onConfirm={() => act('open')}>
                <Button type="primary" data-testid="ballot-open">
                  {t('ballot.open')}
                </Button>
              </Popconfirm>
            )}
            {b.can.close && (
              <Popconfirm title={t('ballot.closeConfirm')} onConfirm={() => act('close')}>
                <Button danger data-testid="ballot-close">
                  {t('ballot.close')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        }
      />
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 960 }}>
        <Card>
          <Descriptions column={{ xs: 1, md: 2 }} size="small">
            <Descriptions.Item label={t('ballot.kind')}>{t(`ballot.kind.${b.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('ballot.status')}>
              <Tag>{t(`ballot.status.${b.status}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('ballot.quorum')}>{shareLabels[b.quorum]}</Descriptions.Item>
            <Descriptions.Item label={t('ballot.threshold')}>{shareLabels[b.threshold]}</Descriptions.Item>
            <Descriptions.Item label={t('ballot.opensAt')}>{formatDateTime(b.opensAt)}</Descriptions.Item>
            <Descriptions.Item label={t('ballot.closesAt')}>{formatDateTime(b.closesAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Text strong data-testid="ballot-counter">
            {t('ballot.counter', { voted: b.votedCount, total: b.electorateSize })}
          </Typography.Text>
          <Progress
            percent={b.electorateSize ? Math.round((100 * b.votedCount) / b.electorateSize) : 0}
            showInfo={false}
          />
          <Typography.Paragraph type="secondary">{t('ballot.secretNote')}</Typography.Paragraph>
        </Card>
        {b.status === 'open' && <VoteCard ballot={b} />}
        {b.tally && <TallyCard ballot={b} />}
      </Space>
    </>
  );
}

function VoteCard({ ballot: b }: { ballot: TBallot }) {
  const t = useT();
  const [form] = Form.useForm<Record<string, string>>();
  const vote = useVote();
  const delegate = useDelegate();
  const showError = useShowError();
  const [confirming, setConfirming] = useState<Record<string, string> | null>(null);
  const [receipt, setReceipt] = useState<string | null>(null);

  if (receipt) {
    return (
      <Card>
        <Result
          status="success"
          title={t('ballot.receiptTitle')}
          subTitle={t('ballot.receiptBody')}
          extra={
            <Typography.Text copyable code style={{ fontSize: 22 }} data-testid="ballot-receipt">
              {receipt}
            </Typography.Text>
          }
        />
      </Card>
    );
  }
  if (b.myUnitVoted) return <Alert type="success" showIcon message={t('ballot.voted')} />;
  return (
    <Card title={t('ballot.yourVote')}>
      {b.myDelegate && (
        <Alert
          type="info"
          message={t('ballot.delegatedTo', { name: b.myDelegate.fullName })}
          style={{ marginBottom: 12 }}
        />
      )}
      {b.can.delegate && b.delegateOptions.length > 0 && (
        <Space style={{ marginBottom: 16 }}>
          <Typography.Text>{t('ballot.delegate')}</Typography.Text>
          <Select
            style={{ width: 260 }}
            value={b.myDelegate?.userId}
            options={b.delegateOptions.map((o) => ({ value: o.userId, label: o.fullName }))}
            onChange={(userId: string) =>
              delegate.mutate({ id: b.id, userId }, { onError: (e) => showError(e) })
            }
          />
        </Space>
      )}
      {b.can.vote ? (
        <Form form={form} layout="vertical" onFinish={(v) => setConfirming(v)} data-testid="vote-form">
          {b.questions.map((qn) => (
            <Form.Item key={qn.id} name={qn.id} label={qn.label} rules={[{ required: true }]}>
              <Radio.Group>
                {qn.options.map((o) => (
                  <Radio
                    key={o.value}
                    value={o.value}
                    data-testid={`vote-${b.questions.indexOf(qn)}-${o.value}`}
                  >
                    {o.label}
                  </Radio>
                ))}
              </Radio.Group>
            </Form.Item>
          ))}
          <Button type="primary" htmlType="submit" data-testid="vote-submit">
            {t('ballot.submit')}
          </Button>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t('ballot.cannotVote')}</Typography.Text>
      )}
      <Modal
        open={confirming !== null}
        title={t('ballot.confirmTitle')}
        okText={t('ballot.submit')}
        confirmLoading={vote.isPending}
        onCancel={() => setConfirming(null)}
        onOk={() =>
          vote.mutate(
            { id: b.id, choices: confirming ?? {} },
            {
              onSuccess: (r) => {
                setConfirming(null);
                setReceipt(r.receipt);
              },
              onError: (e) => {
                setConfirming(null);
                showError(e);
              },
            },
          )
        }
      >
        <Typography.Paragraph>{t('ballot.confirmBody')}</Typography.Paragraph>
        <ul>
          {b.questions.map((qn) => (
            <li key={qn.id}>
              {qn.label}: <strong>{qn.options.find((o) => o.value === confirming?.[qn.id])?.label}</strong>
            </li>
          ))}
        </ul>
      </Modal>
    </Card>
  );
}

function TallyCard({ ballot: b }: { ballot: TBallot }) {
  const t = useT();
  const tally = b.tally!;
  const label = (qid: string, v: string) =>
    b.questions.find((q) => q.id === qid)?.options.find((o) => o.value === v)?.label ?? v;
  const outcome = (qid: string, o: string | null) => {
    const q = b.questions.find((x) => x.id === qid)!;
    if (o === null) return <Tag>{t('ballot.noOutcome')}</Tag>;
    if (q.seat) return <Tag color="green">{t('ballot.elected', { name: label(qid, o) })}</Tag>;
    return o === 'yes' ? (
      <Tag color="green">{t('ballot.passed')}</Tag>
    ) : (
      <Tag color="red">{t('ballot.refused')}</Tag>
    );
  };
  return (
    <Card title={t('ballot.tally')} data-testid="ballot-tally">
      <Alert
        type={tally.quorumReached ? 'success' : 'warning'}
        showIcon
        message={`${tally.quorumReached ? t('ballot.quorumReached') : t('ballot.quorumMissed')} — ${t('ballot.counter', { voted: tally.voted, total: tally.electorate })}`}
        style={{ marginBottom: 16 }}
      />
      <Table
        rowKey="questionId"
        pagination={false}
        dataSource={tally.questions}
        columns={[
          {
            title: t('ballot.question'),
            render: (_, r) => b.questions.find((q) => q.id === r.questionId)?.label,
          },
          {
            title: t('ballot.votes'),
            render: (_, r) => r.counts.map((c) => `${label(r.questionId, c.option)}: ${c.votes}`).join(' · '),
          },
          { title: t('ballot.outcome'), render: (_, r) => outcome(r.questionId, r.outcome) },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('ballot.papers')}
      </Typography.Title>
      <Table
        rowKey="receipt"
        size="small"
        pagination={{ pageSize: 50 }}
        dataSource={tally.papers}
        columns={[
          {
            title: t('ballot.receipt'),
            dataIndex: 'receipt',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          ...b.questions.map((q) => ({
            title: q.label,
            key: q.id,
            render: (_: unknown, p: (typeof tally.papers)[number]) => label(q.id, p.choices[q.id] ?? ''),
          })),
        ]}
      />
    </Card>
  );
}
