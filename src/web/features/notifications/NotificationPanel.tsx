import { Button, Empty, List, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckOutlined, SettingOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { TNotification } from '../../../shared/plans';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useMarkAllRead, useMarkRead, useNotifications } from './api';

/** The bell's dropdown: the latest notifications (mark read, read all). Loaded when first opened. */
export function NotificationPanel({ onClose }: { onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const readAll = useMarkAllRead();
  const unread = list.data?.unread ?? 0;

  const openItem = (n: TNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    if (n.yearId) {
      onClose();
      void navigate(n.kind === 'plan-published' ? `/years/${n.yearId}/plan` : `/years/${n.yearId}/tasks`);
    }
  };

  return (
    <div className="notif-panel" data-testid="notification-panel">
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Text strong>{t('notif.title')}</Typography.Text>
        <Space size={4}>
          <Button
            size="small"
            type="link"
            icon={<CheckOutlined />}
            disabled={unread === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
            data-testid="notif-read-all"
          >
            {t('notif.readAll')}
          </Button>
          <Link to="/notifications/settings" onClick={onClose}>
            <Button size="small" type="link" icon={<SettingOutlined />}>
              {t('notif.settings')}
            </Button>
          </Link>
        </Space>
      </Space>
      {list.data && list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notif.empty')} />
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          className="notif-list"
          renderItem={(n) => (
            <List.Item
              className={n.readAt ? 'notif-item' : 'notif-item notif-unread'}
              onClick={() => openItem(n)}
              data-testid="notification-item"
              actions={
                n.readAt
                  ? []
                  : [
                      <Tooltip key="read" title={t('notif.markRead')}>
                        <Button
                          size="small"
                          type="text"
                          icon={<CheckOutlined />}
                          aria-label={t('notif.markRead')}
                          onClick={(e) => {
                            e.stopPropagation();
                            markRead.mutate(n.id);
                          }}
                        />
                      </Tooltip>,
                    ]
              }
            >
              <List.Item.Meta
                title={
                  <Space size={4} wrap>
                    <Tag color={n.kind === 'urge' || n.kind === 'overdue' ? 'red' : 'blue'}>
                      {t(`notif.kind.${n.kind}`)}
                    </Tag>
                    <span>{n.title}</span>
                  </Space>
                }
                description={
                  <>
                    <div className="notif-body">{n.body}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatDateTime(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
