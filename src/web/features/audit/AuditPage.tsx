import { useState } from 'react';
import { Alert, Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { TAuditEvent } from '../../../shared/audit';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { AuditFilters, type AuditFilterValues } from './AuditFilters';
import { AuditValue } from './AuditValue';
import { auditActionLabels, auditEntityLabels } from '../../../shared/audit';
import { useAudit } from './api';

const pageSize = 50;

/** Admin: every recorded change, filterable and paged; before/after in an expandable row. */
export function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const [page, setPage] = useState(1);
  const audit = useAudit({ ...filters, limit: pageSize, offset: (page - 1) * pageSize });

  return (
    <>
      <PageHeader title={t('audit.title')} />
      <Card>
        <AuditFilters
          onChange={(f) => {
            setFilters(f);
            setPage(1);
          }}
        />
        {audit.isError && (
          <Alert type="error" showIcon message={audit.error.message} style={{ marginBottom: 16 }} />
        )}
        <Table<TAuditEvent>
          rowKey="id"
          size="small"
          loading={audit.isFetching}
          dataSource={audit.data?.items}
          pagination={{
            current: page,
            pageSize,
            total: audit.data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
            onChange: setPage,
          }}
          expandable={{
            expandedRowRender: (e) => (
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.before')}</Typography.Text>
                  <AuditValue value={e.before} side="before" action={e.action} />
                </Col>
                <Col xs={24} md={12}>
                  <Typography.Text strong>{t('audit.after')}</Typography.Text>
                  <AuditValue value={e.after} side="after" action={e.action} />
                </Col>
              </Row>
            ),
          }}
          columns={[
            { title: t('audit.at'), dataIndex: 'at', width: 160, render: (v: string) => formatDateTime(v) },
            {
              title: t('audit.actor'),
              dataIndex: 'actorLogin',
              width: 160,
              render: (v: string | null) =>
                v ?? <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>,
            },
            {
              title: t('audit.action'),
              dataIndex: 'action',
              render: (v: string) => (
                <Tag color="blue" title={v}>
                  {auditActionLabels[v] ?? v}
                </Tag>
              ),
            },
            {
              title: t('audit.entityType'),
              dataIndex: 'entityType',
              width: 140,
              render: (v: string) => auditEntityLabels[v] ?? v,
            },
            {
              title: t('audit.entity'),
              key: 'entity',
              render: (_: unknown, e) => (
                <span>
                  {e.entityName ?? '—'}{' '}
                  {e.entityId && (
                    <Typography.Text
                      type="secondary"
                      copyable={{ text: e.entityId }}
                      style={{ fontSize: 11 }}
                    >
                      {e.entityId.slice(0, 8)}
                    </Typography.Text>
                  )}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
