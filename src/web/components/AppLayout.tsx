import { lazy, Suspense, useState } from 'react';
import { Button, Grid, Layout, Menu, Typography } from 'antd';
import { MenuOutlined } from '@ant-design/icons';
import { Link, Outlet } from 'react-router';
import type { TMe } from '../../shared/auth';
import { NotificationBell } from '../features/notifications/NotificationBell';
import { useT } from '../i18n/context';
import { HeaderActions, HeaderIdentity } from './HeaderUser';
import { useNavItems } from './useNavItems';
import './layout.css';

// The drawer's code is fetched on the first tap of ☰, not with every page.
const MenuDrawer = lazy(() => import('./MenuDrawer').then((m) => ({ default: m.MenuDrawer })));

/**
 * The signed-in frame: header, side menu, page content. From 992 px the menu sits at the side and the
 * user's actions in the header; narrower (a phone, a tablet), the header keeps the logo and the bell and
 * everything else opens in a drawer from the ☰ button.
 */
export function AppLayout({ me }: { me: TMe }) {
  const t = useT();
  const { items, selectedKeys } = useNavItems(me);
  const screens = Grid.useBreakpoint();
  const wide = screens.lg !== false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  const menu = (
    <Menu
      mode="inline"
      style={{ borderInlineEnd: 'none' }}
      selectedKeys={selectedKeys}
      items={items}
      onClick={() => setDrawerOpen(false)}
    />
  );

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        {!wide && (
          <Button
            type="text"
            className="app-menu-button"
            icon={<MenuOutlined />}
            aria-label={t('menu.open')}
            aria-expanded={drawerOpen}
            onClick={() => {
              setDrawerUsed(true);
              setDrawerOpen(true);
            }}
            data-testid="menu-button"
          />
        )}
        <Link to="/" className="app-logo">
          <Typography.Title level={3} style={{ margin: 0, color: '#fff' }}>
            {t('app.name')}
          </Typography.Title>
        </Link>
        {wide ? (
          <div className="header-user">
            <HeaderIdentity me={me} />
            <NotificationBell />
            <HeaderActions onDone={() => undefined} />
          </div>
        ) : (
          <NotificationBell />
        )}
      </Layout.Header>
      <Layout>
        {wide && (
          <Layout.Sider width={220} theme="light" className="app-sider">
            {menu}
          </Layout.Sider>
        )}
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
      {!wide && drawerUsed && (
        <Suspense fallback={null}>
          <MenuDrawer me={me} open={drawerOpen} onClose={() => setDrawerOpen(false)} menu={menu} />
        </Suspense>
      )}
    </Layout>
  );
}
