import { Alert, Result, Space, Table, Tag, Typography } from 'antd';
import type { TOutbox } from './api';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useOutbox } from './api';
import './notifications.css';

type Mail = TOutbox['items'][number];
const statusColor: Record<Mail['status'], string> = { pending: 'gold', sent: 'green', failed: 'red' };

/** /admin/outbox — every e-mail the app wrote; kept here when SMTP is not configured (never dropped). */
export function OutboxPage() {
  const t = useT();
  const outbox = useOutbox();
  if (outbox.isError) {
    return (
      <Result status="error" title={t('outbox.title')} subTitle={outbox.error.message || t('common.error')} />
    );
  }
  const data = outbox.data;
  return (
    <>
      <PageHeader title={t('outbox.title')} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {data && (
          <Alert
            type={data.smtpConfigured ? 'success' : 'warning'}
            showIcon
            message={data.smtpConfigured ? t('outbox.smtpOn') : t('outbox.smtpOff')}
          />
        )}
        <Table<Mail>
          rowKey="id"
          loading={outbox.isPending}
          dataSource={data?.items ?? []}
          data-testid="outbox"
          pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
          expandable={{ expandedRowRender: (m) => <pre className="outbox-body">{m.body}</pre> }}
          columns={[
            { title: t('outbox.createdAt'), width: 150, render: (_, m) => formatDateTime(m.createdAt) },
            { title: t('outbox.to'), dataIndex: 'to', width: 220 },
            {
              title: t('outbox.subject'),
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{m.subject}</Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ maxWidth: 520 }}>
                    {m.body.replace(/\s+/g, ' ').slice(0, 160)}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: t('common.status'),
              width: 170,
              render: (_, m) => (
                <Space direction="vertical" size={0}>
                  <Tag color={statusColor[m.status]}>{t(`outbox.status.${m.status}`)}</Tag>
                  {m.sentAt && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(m.sentAt)}
                    </Typography.Text>
                  )}
                  {m.lastError && (
                    <Typography.Text type="danger" style={{ fontSize: 12 }}>
                      {m.lastError}
                    </Typography.Text>
                  )}
                </Space>
              ),
            },
          ]}
        />
      </Space>
    </>
  );
}
