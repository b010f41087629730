import { Alert, App, Button, Card, Input, Popconfirm, Skeleton, Space, Typography } from 'antd';
import { CopyOutlined, ReloadOutlined } from '@ant-design/icons';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useCalendarFeed, useRotateFeed } from './api';

/** The unit's private .ics URL to subscribe in Outlook or Google Calendar; copy, or replace it. */
export function CalendarFeedCard() {
  const t = useT();
  const feed = useCalendarFeed(true);
  const rotate = useRotateFeed();
  const showError = useShowError();
  const { message } = App.useApp();

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('calendar.copied'));
    } catch {
      void message.info(t('calendar.copyManually'));
    }
  };

  return (
    <Card title={t('calendar.title')} data-testid="calendar-feed">
      {feed.isError && <Alert type="error" showIcon message={feed.error.message} />}
      {!feed.data ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('calendar.hint')}</Typography.Paragraph>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              readOnly
              value={feed.data.url}
              onFocus={(e) => e.target.select()}
              data-testid="calendar-url"
            />
            <Button
              icon={<CopyOutlined />}
              onClick={() => void copy(feed.data.url)}
              data-testid="calendar-copy"
            >
              {t('calendar.copy')}
            </Button>
          </Space.Compact>
          <Typography.Text type="secondary">
            {t('calendar.createdAt', { at: formatDateTime(feed.data.createdAt) })}
          </Typography.Text>
          <Alert type="warning" showIcon message={t('calendar.private')} />
          <Popconfirm
            title={t('calendar.rotateConfirm')}
            okText={t('calendar.rotate')}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              rotate.mutate(undefined, {
                onSuccess: () => void message.success(t('calendar.rotated')),
                onError: (e) => showError(e),
              })
            }
          >
            <Button danger icon={<ReloadOutlined />} loading={rotate.isPending} data-testid="calendar-rotate">
              {t('calendar.rotate')}
            </Button>
          </Popconfirm>
        </Space>
      )}
    </Card>
  );
}
