import { useState } from 'react';
import { Alert, Button, Card, Table, Tag } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TBloc } from '../../../shared/org';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { useBlocs } from './api';
import { BlocFormModal } from './BlocFormModal';

/** Admin: the list of emulation clusters and blocs. */
export function BlocsPage() {
  const t = useT();
  const blocs = useBlocs();
  const [editing, setEditing] = useState<TBloc | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('bloc.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('bloc.new')}
          </Button>
        }
      />
      {blocs.isError && (
        <Alert type="error" showIcon message={blocs.error.message} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Table<TBloc>
          rowKey="id"
          loading={blocs.isPending}
          dataSource={blocs.data}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: t('bloc.name'), dataIndex: 'name' },
            {
              title: t('bloc.shortName'),
              dataIndex: 'shortName',
              width: 160,
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('bloc.kind'),
              dataIndex: 'kind',
              width: 160,
              render: (_: unknown, b) => (
                <Tag color={b.kind === 'bloc' ? 'geekblue' : 'cyan'}>{t(`blocKind.${b.kind}`)}</Tag>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 110,
              render: (_: unknown, b) => (
                <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(b)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <BlocFormModal bloc={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
