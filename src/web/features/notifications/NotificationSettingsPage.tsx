import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Skeleton, Space, Typography } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { notificationKinds, type TNotificationKind } from '../../../shared/plans';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useMe } from '../auth/api';
import { usePreferences, useSavePreferences } from './api';
import { CalendarFeedCard } from './CalendarFeedCard';

/** /notifications/settings — which notifications also come by e-mail; the unit's calendar URL. */
export function NotificationSettingsPage() {
  const t = useT();
  const me = useMe();
  const prefs = usePreferences();
  const save = useSavePreferences();
  const showError = useShowError();
  const { message } = App.useApp();
  // The user's unsaved ticks over the saved preferences.
  const [edits, setEdits] = useState<Partial<Record<TNotificationKind, boolean>>>({});
  const email = { ...prefs.data?.email, ...edits };
  const unitUser = me.data?.role === 'officer' || me.data?.role === 'leader';

  return (
    <>
      <PageHeader title={t('notif.settingsTitle')} />
      <Space direction="vertical" size="large" style={{ width: '100%', maxWidth: 860 }}>
        <Card title={t('notif.emailTitle')} data-testid="email-preferences">
          {prefs.isError && <Alert type="error" showIcon message={prefs.error.message} />}
          {!prefs.data ? (
            <Skeleton active />
          ) : (
            <Space direction="vertical" size="middle" style={{ width: '100%' }}>
              {prefs.data.address ? (
                <Typography.Text>{t('notif.emailTo', { address: prefs.data.address })}</Typography.Text>
              ) : (
                <Alert type="warning" showIcon message={t('notif.noAddress')} />
              )}
              <Typography.Text type="secondary">{t('notif.inAppAlways')}</Typography.Text>
              {notificationKinds.map((k) => (
                <Checkbox
                  key={k}
                  checked={email[k] ?? false}
                  onChange={(e) => setEdits((prev) => ({ ...prev, [k]: e.target.checked }))}
                  data-testid={`pref-${k}`}
                >
                  <Typography.Text strong>{t(`notif.kind.${k}`)}</Typography.Text>
                  <Typography.Text type="secondary"> — {t(`notif.kindHint.${k}`)}</Typography.Text>
                </Checkbox>
              ))}
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={save.isPending}
                data-testid="pref-save"
                onClick={() =>
                  save.mutate(email, {
                    onSuccess: () => {
                      setEdits({});
                      void message.success(t('common.saved'));
                    },
                    onError: (e) => showError(e),
                  })
                }
              >
                {t('common.save')}
              </Button>
            </Space>
          )}
        </Card>
        {unitUser ? <CalendarFeedCard /> : <Alert type="info" showIcon message={t('calendar.onlyUnits')} />}
      </Space>
    </>
  );
}
