import { useState } from 'react';
import { Alert, Button, Card, Switch, Table, Tag, Tooltip } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { TBloc } from '../../../shared/org';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useMe } from '../auth/api';
import { useSwitchPublicResults } from '../proposals/api';
import { useBlocs } from './api';
import { BlocFormModal } from './BlocFormModal';

/** The emulation clusters and blocs: the admin edits them; the board switches their public results page. */
export function BlocsPage() {
  const t = useT();
  const blocs = useBlocs();
  const can = useMe().data?.can;
  const showError = useShowError();
  const switchPublic = useSwitchPublicResults();
  const [editing, setEditing] = useState<TBloc | 'new' | null>(null);

  return (
    <>
      <PageHeader
        title={t('bloc.title')}
        extra={
          can?.manageOrg && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('bloc.new')}
            </Button>
          )
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
              title: <Tooltip title={t('bloc.publicResultsHint')}>{t('bloc.publicResults')}</Tooltip>,
              key: 'publicResults',
              width: 170,
              render: (_: unknown, b) => (
                <Switch
                  checked={b.publicResults}
                  disabled={!can?.switchPublicResults}
                  loading={switchPublic.isPending && switchPublic.variables.blocId === b.id}
                  aria-label={`${t('bloc.publicResults')}: ${b.name}`}
                  data-testid={`public-${b.id}`}
                  onChange={(on) =>
                    switchPublic.mutate({ blocId: b.id, on }, { onError: (e) => showError(e) })
                  }
                />
              ),
            },
            ...(can?.manageOrg
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 110,
                    render: (_: unknown, b: TBloc) => (
                      <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(b)}>
                        {t('common.edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing && (
        <BlocFormModal bloc={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
