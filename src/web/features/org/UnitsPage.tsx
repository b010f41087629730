import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TUnit } from '../../../shared/org';
import { PageHeader } from '../../components/PageHeader';
import { StatusTag } from '../../components/StatusTag';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useUnits, useUpdateUnit } from './api';
import { UnitFormModal } from './UnitFormModal';

/** Admin: the member units (agencies), searchable; edit, disable or enable one. */
export function UnitsPage() {
  const t = useT();
  const units = useUnits();
  const update = useUpdateUnit();
  const showError = useShowError();
  const [editing, setEditing] = useState<TUnit | 'new' | null>(null);
  const [search, setSearch] = useState('');

  const needle = search.trim().toLowerCase();
  const rows = (units.data ?? []).filter(
    (u) => !needle || `${u.code} ${u.name} ${u.shortName ?? ''}`.toLowerCase().includes(needle),
  );
  const toggle = (u: TUnit) =>
    update.mutate({ id: u.id, patch: { disabled: !u.disabled } }, { onError: (e) => showError(e) });

  return (
    <>
      <PageHeader
        title={t('unit.title')}
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('common.search')}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 260 }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('unit.new')}
            </Button>
          </Space>
        }
      />
      {units.isError && (
        <Alert type="error" showIcon message={units.error.message} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Table<TUnit>
          rowKey="id"
          size="middle"
          loading={units.isPending}
          dataSource={rows}
          pagination={{
            pageSize: 20,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            { title: t('unit.code'), dataIndex: 'code', width: 140 },
            {
              title: t('unit.name'),
              dataIndex: 'name',
              render: (name: string, u) => (
                <Space size={4} wrap>
                  {name}
                  {u.isSample && <Tag>{t('unit.sample')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('unit.shortName'),
              dataIndex: 'shortName',
              width: 150,
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('unit.email'),
              dataIndex: 'email',
              responsive: ['xl'],
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('common.status'),
              dataIndex: 'disabled',
              width: 130,
              render: (v: boolean) => <StatusTag disabled={v} />,
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 190,
              render: (_: unknown, u) => (
                <Space size="small">
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </Button>
                  <Button size="small" danger={!u.disabled} onClick={() => toggle(u)}>
                    {u.disabled ? t('common.enable') : t('common.disable')}
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <UnitFormModal unit={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
