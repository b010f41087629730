import { Button } from 'antd';
import { LockOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { TMe } from '../../shared/auth';
import { useLogout } from '../features/auth/api';
import { useT } from '../i18n/context';
import { LangSwitch } from './LangSwitch';

/** Who is signed in: name, role and unit (in the header on a wide screen, atop the drawer on a phone). */
export function HeaderIdentity({ me }: { me: TMe }) {
  const t = useT();
  return (
    <div className="header-identity" data-testid="header-identity">
      <span className="header-name">
        <UserOutlined /> {me.fullName}
      </span>
      <span className="header-role">
        {t(`role.${me.role}`)}
        {me.unitName ? ` · ${me.unitName}` : ''}
      </span>
    </div>
  );
}

/** Language, the guide, change password, log out. `onDone` closes the drawer they sit in on a phone. */
export function HeaderActions({ onDone }: { onDone: () => void }) {
  const t = useT();
  const logout = useLogout();
  return (
    <div className="header-actions">
      <LangSwitch />
      <Link to="/guide" onClick={onDone} data-testid="guide-link">
        <Button className="header-button">{t('menu.guide')}</Button>
      </Link>
      <Link to="/change-password" onClick={onDone}>
        <Button className="header-button" icon={<LockOutlined />} title={t('menu.changePassword')}>
          <span className="header-button-text">{t('menu.changePassword')}</span>
        </Button>
      </Link>
      <Button
        className="header-button"
        icon={<LogoutOutlined />}
        loading={logout.isPending}
        onClick={() => logout.mutate()}
        data-testid="logout"
      >
        {t('menu.logout')}
      </Button>
    </div>
  );
}
