import { Card, Tag, Typography } from 'antd';
import type { TDemoAccountsResponse } from '../../../shared/auth';
import { useT } from '../../i18n/context';
import { roleColor } from '../../components/RoleTag';

interface Props {
  data: TDemoAccountsResponse;
  onPick: (login: string, password: string) => void;
}

/**
 * The demo accounts; clicking one fills the login form. A list of buttons rather than a table: it reads
 * on a phone, and the login page does not download antd's table.
 */
export function DemoAccounts({ data, onPick }: Props) {
  const t = useT();
  const password = data.password ?? '';
  return (
    <Card title={t('login.demoTitle')} size="small" data-testid="demo-accounts">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('login.demoHint', { password })}
      </Typography.Paragraph>
      <ul className="demo-accounts">
        {data.accounts.map((a) => (
          <li key={a.login}>
            <button type="button" onClick={() => onPick(a.login, password)}>
              <Typography.Text code className="demo-login">
                {a.login}
              </Typography.Text>
              <span className="demo-name">{a.fullName}</span>
              <Tag color={roleColor[a.role]}>{t(`role.${a.role}`)}</Tag>
              <Typography.Text type="secondary" className="demo-unit">
                {a.unitName ?? t('common.none')}
              </Typography.Text>
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
