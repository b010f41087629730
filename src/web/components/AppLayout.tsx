import type { ReactNode } from 'react';
import { Layout, Menu, Typography, type MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  MailOutlined,
  ScheduleOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router';
import type { TMe } from '../../shared/auth';
import { useHome } from '../features/home/api';
import { useT, type MessageKey } from '../i18n/context';
import { HeaderUser } from './HeaderUser';
import './layout.css';

/** Administration pages, each shown when the server's `me.can` grants its right. */
const adminItems: { path: string; key: MessageKey; icon: ReactNode; right: keyof TMe['can'] }[] = [
  { path: '/admin/blocs', key: 'menu.blocs', right: 'manageOrg', icon: <ApartmentOutlined /> },
  { path: '/admin/units', key: 'menu.units', right: 'manageOrg', icon: <BankOutlined /> },
  { path: '/admin/years', key: 'menu.years', right: 'manageOrg', icon: <CalendarOutlined /> },
  { path: '/admin/users', key: 'menu.users', right: 'manageOrg', icon: <TeamOutlined /> },
  { path: '/admin/import', key: 'menu.import', right: 'manageOrg', icon: <CloudUploadOutlined /> },
  { path: '/admin/audit', key: 'menu.audit', right: 'readAudit', icon: <AuditOutlined /> },
  { path: '/admin/outbox', key: 'menu.outbox', right: 'readAudit', icon: <MailOutlined /> },
];

/** The signed-in frame: header with user and language, side menu, page content. */
export function AppLayout({ me }: { me: TMe }) {
  const t = useT();
  const location = useLocation();
  const items: NonNullable<MenuProps['items']> = [
    { key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('menu.home')}</Link> },
  ];
  // One "Chấm điểm" entry per bloc-year the user takes part in (the board sees every bloc-year).
  const home = useHome();
  const scoringYears = (home.data?.years ?? []).filter((y) => y.can.ownTasks || y.can.readBoard).slice(0, 6);
  const many = scoringYears.length > 1;
  for (const y of scoringYears) {
    const path = `/years/${y.id}`;
    const planLabel = many
      ? t('menu.planOf', { year: y.year, bloc: y.blocName })
      : t('menu.plan', { year: y.year });
    items.push({
      key: `${path}/plan`,
      icon: <ScheduleOutlined />,
      label: <Link to={`${path}/plan`}>{planLabel}</Link>,
    });
    const label = many
      ? t('menu.scoringOf', { year: y.year, bloc: y.blocName })
      : t('menu.scoring', { year: y.year });
    items.push({ key: path, icon: <BarChartOutlined />, label: <Link to={`${path}/scoring`}>{label}</Link> });
    items.push({
      key: `${path}/ballots`,
      icon: <CheckSquareOutlined />,
      label: <Link to={`${path}/ballots`}>{t('menu.ballots', { year: y.year })}</Link>,
    });
  }
  if (me.can.editCatalogue) {
    items.push({
      key: '/catalogue',
      icon: <TrophyOutlined />,
      label: <Link to="/catalogue">{t('menu.catalogue')}</Link>,
    });
  }
  for (const item of adminItems.filter((i) => me.can[i.right])) {
    items.push({ key: item.path, icon: item.icon, label: <Link to={item.path}>{t(item.key)}</Link> });
  }
  // The plan's pages (plan, timeline, tasks, board, covenant, registration) light up the year's plan entry; the rest its scoring entry.
  const path = location.pathname.replace(
    /^(\/years\/[^/]+)\/(timeline|tasks|board|covenant|registration)$/,
    '$1/plan',
  );
  const selected = items
    .map((i) => String(i?.key))
    .filter((k) => k !== '/' && path.startsWith(k))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);

  return (
    <Layout className="app-layout">
      <Layout.Header className="app-header">
        <Link to="/" className="app-logo">
          <Typography.Title level={3} style={{ margin: 0, color: '#fff' }}>
            {t('app.name')}
          </Typography.Title>
        </Link>
        <HeaderUser me={me} />
      </Layout.Header>
      <Layout>
        <Layout.Sider width={220} breakpoint="lg" collapsedWidth={0} theme="light" className="app-sider">
          <Menu
            mode="inline"
            style={{ borderInlineEnd: 'none' }}
            selectedKeys={location.pathname === '/' ? ['/'] : selected}
            items={items}
          />
        </Layout.Sider>
        <Layout.Content className="app-content">
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
