import { useState } from 'react';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TUser } from '../../../shared/org';
import { PageHeader } from '../../components/PageHeader';
import { RoleTag } from '../../components/RoleTag';
import { StatusTag } from '../../components/StatusTag';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useMe } from '../auth/api';
import { useUpdateUser, useUsers } from './api';
import { ResetPasswordButton } from './ResetPasswordButton';
import { UserFormModal } from './UserFormModal';

/** Admin: accounts — create, edit, disable/enable, reset password. */
export function UsersPage() {
  const t = useT();
  const users = useUsers();
  const me = useMe();
  const update = useUpdateUser();
  const showError = useShowError();
  const [editing, setEditing] = useState<TUser | 'new' | null>(null);
  const [search, setSearch] = useState('');

  const needle = search.trim().toLowerCase();
  const rows = (users.data ?? []).filter(
    (u) => !needle || `${u.login} ${u.fullName} ${u.unitName ?? ''}`.toLowerCase().includes(needle),
  );
  const toggle = (u: TUser) =>
    update.mutate({ id: u.id, patch: { disabled: !u.disabled } }, { onError: (e) => showError(e) });

  return (
    <>
      <PageHeader
        title={t('user.title')}
        extra={
          <Space wrap>
            <Input.Search
              allowClear
              placeholder={t('common.search')}
              onChange={(e) => setSearch(e.target.value)}
              style={{ width: 260 }}
            />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('user.new')}
            </Button>
          </Space>
        }
      />
      {users.isError && (
        <Alert type="error" showIcon message={users.error.message} style={{ marginBottom: 16 }} />
      )}
      <Card>
        <Table<TUser>
          rowKey="id"
          size="middle"
          loading={users.isPending}
          dataSource={rows}
          scroll={{ x: 1000 }}
          pagination={{
            pageSize: 20,
            hideOnSinglePage: true,
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            {
              title: t('user.login'),
              dataIndex: 'login',
              width: 170,
              render: (v: string) => (
                <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                  {v}
                </Typography.Text>
              ),
            },
            { title: t('user.fullName'), dataIndex: 'fullName' },
            {
              title: t('user.role'),
              dataIndex: 'role',
              render: (_: unknown, u) => <RoleTag role={u.role} />,
            },
            {
              title: t('user.unit'),
              dataIndex: 'unitName',
              render: (v: string | null) => v ?? t('common.none'),
            },
            {
              title: t('common.status'),
              key: 'status',
              render: (_: unknown, u) => (
                <Space size={4} wrap>
                  <StatusTag disabled={u.disabled} />
                  {u.mustChangePassword && <Tag color="orange">{t('user.mustChange')}</Tag>}
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              key: 'actions',
              width: 330,
              render: (_: unknown, u) => (
                <Space size="small" wrap>
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(u)}>
                    {t('common.edit')}
                  </Button>
                  {u.id !== me.data?.id && (
                    <Button size="small" danger={!u.disabled} onClick={() => toggle(u)}>
                      {u.disabled ? t('common.enable') : t('common.disable')}
                    </Button>
                  )}
                  <ResetPasswordButton user={u} />
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {editing && (
        <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
