import { Button, Space, Tooltip, Typography } from 'antd';
import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TMe } from '../../shared/auth';
import { useLogout } from '../features/auth/api';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useT } from '../i18n/context';
import { LangSwitch } from './LangSwitch';

/** Right side of the header: who is signed in, language, change password, logout. */
export function HeaderUser({ me }: { me: TMe }) {
  const t = useT();
  const logout = useLogout();
  return (
    <Space size="middle" className="header-user">
      <div className="header-identity" data-testid="header-identity">
        <Typography.Text strong style={{ color: '#fff' }}>
          <UserOutlined /> {me.fullName}
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.8)', fontSize: 12 }}>
          {t(`role.${me.role}`)}
          {me.unitName ? ` · ${me.unitName}` : ''}
        </Typography.Text>
      </div>
      <NotificationBell />
      <LangSwitch />
      <Tooltip title={t('menu.changePassword')}>
        <Link to="/change-password">
          <Button ghost icon={<LockOutlined />} aria-label={t('menu.changePassword')} />
        </Link>
      </Tooltip>
      <Button
        ghost
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        data-testid="logout"
      >
        {t('menu.logout')}
      </Button>
    </Space>
  );
}
