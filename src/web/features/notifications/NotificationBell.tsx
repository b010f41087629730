import { lazy, Suspense, useState } from 'react';
import { Badge, Button, Popover, Spin } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { loadFeatureTexts, useT } from '../../i18n/context';
import { useNotifications } from './api';
import './notifications.css';

// The list itself is fetched on the first click: every page shows the bell, few open it.
const NotificationPanel = lazy(() =>
  Promise.all([import('./NotificationPanel'), loadFeatureTexts()]).then(([m]) => ({
    default: m.NotificationPanel,
  })),
);

/** The header's bell: unread count, and the latest notifications in a dropdown. */
export function NotificationBell() {
  const t = useT();
  const list = useNotifications();
  const [open, setOpen] = useState(false);
  const unread = list.data?.unread ?? 0;

  return (
    <Popover
      content={
        <Suspense fallback={<Spin />}>
          <NotificationPanel onClose={() => setOpen(false)} />
        </Suspense>
      }
      trigger="click"
      open={open}
      onOpenChange={setOpen}
      placement="bottomRight"
      arrow={false}
    >
      <Badge count={unread} size="small" offset={[-4, 4]} data-testid="notification-count">
        <Button ghost icon={<BellOutlined />} aria-label={t('notif.title')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
