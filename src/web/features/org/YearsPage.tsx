import { useState } from 'react';
import { Alert, Button, Card, Select, Space, Table, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TYear } from '../../../shared/org';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { useBlocs, useUnits, useYears } from './api';
import { YearFormModal } from './YearFormModal';

/** Admin: emulation years per bloc, with members, head and deputy. */
export function YearsPage() {
  const t = useT();
  const [blocId, setBlocId] = useState<string | undefined>();
  const years = useYears(blocId);
  const blocs = useBlocs();
  const units = useUnits();
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);

  const unitName = (id: string | null) => {
    if (!id) return <Typography.Text type="secondary">{t('home.notAssigned')}</Typography.Text>;
    return units.data?.find((u) => u.id === id)?.name ?? id;
  };

  return (
    <>
      <PageHeader
        title={t('year.title')}
        extra={
          <Space wrap>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              placeholder={t('year.allBlocs')}
              style={{ width: 320 }}
              value={blocId}
              onChange={setBlocId}
              options={(blocs.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ id: null })}>
              {t('year.new')}
            </Button>
          </Space>
        }
      />
      {years.isError && (
        <Alert type="error" showIcon message={years.error.message} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Table<TYear>
          rowKey="id"
          loading={years.isPending}
          dataSource={years.data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('year.year'), dataIndex: 'year', width: 90 },
            { title: t('year.bloc'), dataIndex: 'blocName' },
            { title: t('year.head'), dataIndex: 'headUnitId', render: (id: string | null) => unitName(id) },
            {
              title: t('year.deputy'),
              dataIndex: 'deputyUnitId',
              render: (id: string | null) => unitName(id),
            },
            { title: t('year.memberCount'), dataIndex: 'memberCount', width: 100, align: 'right' },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 110,
              render: (_: unknown, y) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing({ id: y.id })}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <YearFormModal yearId={editing.id} defaultBlocId={blocId} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
