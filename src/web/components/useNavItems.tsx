import type { ReactNode } from 'react';
import type { MenuProps } from 'antd';
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  BankOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  FileDoneOutlined,
  HomeOutlined,
  MailOutlined,
  ScheduleOutlined,
  SearchOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { Link, useLocation } from 'react-router';
import type { TMe } from '../../shared/auth';
import { useHome } from '../features/home/api';
import { useT, type MessageKey } from '../i18n/context';

/** Administration pages, each shown when the server's `me.can` grants its right. */
const adminItems: { path: string; key: MessageKey; icon: ReactNode; right: keyof TMe['can'] }[] = [
  { path: '/admin/blocs', key: 'menu.blocs', right: 'readOrg', icon: <ApartmentOutlined /> },
  { path: '/admin/units', key: 'menu.units', right: 'manageOrg', icon: <BankOutlined /> },
  { path: '/admin/years', key: 'menu.years', right: 'manageOrg', icon: <CalendarOutlined /> },
  { path: '/admin/users', key: 'menu.users', right: 'manageOrg', icon: <TeamOutlined /> },
  { path: '/admin/import', key: 'menu.import', right: 'manageOrg', icon: <CloudUploadOutlined /> },
  { path: '/admin/audit', key: 'menu.audit', right: 'readAudit', icon: <AuditOutlined /> },
  { path: '/admin/outbox', key: 'menu.outbox', right: 'readAudit', icon: <MailOutlined /> },
];

type Items = NonNullable<MenuProps['items']>;

/** The side menu's entries for this user, and the entry the current page lights up. */
export function useNavItems(me: TMe): { items: Items; selectedKeys: string[] } {
  const t = useT();
  const location = useLocation();
  const items: Items = [{ key: '/', icon: <HomeOutlined />, label: <Link to="/">{t('menu.home')}</Link> }];
  // One plan and one "Chấm điểm" entry per bloc-year the user takes part in (the board sees every bloc-year).
  const home = useHome();
  const years = (home.data?.years ?? []).filter((y) => y.can.ownTasks || y.can.readBoard).slice(0, 6);
  const many = years.length > 1;
  for (const y of years) {
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
    if (y.can.readNominations) {
      items.push({
        key: `${path}/nominations`,
        icon: <TrophyOutlined />,
        label: <Link to={`${path}/nominations`}>{t('menu.nominations', { year: y.year })}</Link>,
      });
    }
    if (y.can.readProposal) {
      items.push({
        key: `${path}/proposal`,
        icon: <FileDoneOutlined />,
        label: <Link to={`${path}/proposal`}>{t('menu.proposal', { year: y.year })}</Link>,
      });
    }
  }
  if (me.unitId) {
    const path = `/units/${me.unitId}/awards`;
    items.push({ key: path, icon: <TrophyOutlined />, label: <Link to={path}>{t('menu.unitAwards')}</Link> });
  }
  if (me.can.searchAwards) {
    items.push({
      key: '/awards',
      icon: <SearchOutlined />,
      label: <Link to="/awards">{t('menu.awards')}</Link>,
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

  // The plan's pages (plan, timeline, tasks, board, covenant, registration) light up the year's plan entry; the rest its
  // scoring entry.
  if (location.pathname === '/') return { items, selectedKeys: ['/'] };
  const path = location.pathname.replace(
    /^(\/years\/[^/]+)\/(timeline|tasks|board|covenant|registration|events|events\/[^/]+|exemplars)$/,
    '$1/plan',
  );
  const selectedKeys = items
    .map((i) => String(i?.key))
    .filter((k) => k !== '/' && path.startsWith(k))
    .sort((a, b) => b.length - a.length)
    .slice(0, 1);
  return { items, selectedKeys };
}
