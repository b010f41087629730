import { Card, Table, Tag, Typography } from 'antd';
import type { TDemoAccountsResponse } from '../../../shared/auth';
import { useT } from '../../i18n/context';
import { roleColor } from '../../components/RoleTag';

type Account = TDemoAccountsResponse['accounts'][number];

interface Props {
  data: TDemoAccountsResponse;
  onPick: (login: string, password: string) => void;
}

/** The demo accounts; clicking one fills the login form. */
export function DemoAccounts({ data, onPick }: Props) {
  const t = useT();
  const password = data.password ?? '';
  return (
    <Card title={t('login.demoTitle')} size="small" data-testid="demo-accounts">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('login.demoHint', { password })}
      </Typography.Paragraph>
      <Table<Account>
        size="small"
        rowKey="login"
        pagination={false}
        dataSource={data.accounts}
        onRow={(row) => ({ onClick: () => onPick(row.login, password), style: { cursor: 'pointer' } })}
        columns={[
          {
            title: t('login.login'),
            dataIndex: 'login',
            render: (v: string) => (
              <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
                {v}
              </Typography.Text>
            ),
          },
          { title: t('login.fullName'), dataIndex: 'fullName' },
          {
            title: t('login.role'),
            dataIndex: 'role',
            render: (_: unknown, row) => <Tag color={roleColor[row.role]}>{t(`role.${row.role}`)}</Tag>,
          },
          {
            title: t('login.unit'),
            dataIndex: 'unitName',
            render: (v: string | null) => v ?? t('common.none'),
          },
        ]}
      />
    </Card>
  );
}
