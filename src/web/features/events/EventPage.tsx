import { useState } from 'react';
import { App, Button, Card, Descriptions, Popconfirm, Result, Skeleton, Space, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useEvent, useEvents, useCancelEvent } from './api';
import { Attendance } from './Attendance';
import { EventEditor } from './EventEditor';
import { EventFiles } from './EventFiles';
import { EventStatus } from './EventStatus';

/** /years/:yearId/events/:eventId — an event: details, attendance, documents; the head edits or cancels. */
export function EventPage() {
  const t = useT();
  const { yearId = '', eventId = '' } = useParams();
  const event = useEvent(eventId);
  const list = useEvents(yearId, Boolean(event.data?.can.manage));
  const cancel = useCancelEvent(eventId);
  const showError = useShowError();
  const { message } = App.useApp();
  const [editing, setEditing] = useState(false);
  if (event.isError) {
    return (
      <Result
        status="error"
        title={t('planNav.events')}
        subTitle={event.error.message || t('common.error')}
      />
    );
  }
  if (!event.data) return <Skeleton active />;
  const e = event.data;
  const milestone = list.data?.milestones.find((m) => m.id === e.milestoneId);
  return (
    <>
      <PageHeader
        title={e.title}
        extra={
          e.can.manage && (
            <Space>
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing(true)}
                disabled={!list.data}
                data-testid="event-edit"
              >
                {t('events.edit')}
              </Button>
              <Popconfirm
                title={t('events.cancelConfirm')}
                okText={t('events.cancel')}
                cancelText={t('common.close')}
                onConfirm={() =>
                  cancel.mutate(undefined, {
                    onSuccess: () => void message.success(t('events.cancelled')),
                    onError: (err) => showError(err),
                  })
                }
              >
                <Button danger icon={<StopOutlined />} loading={cancel.isPending} data-testid="event-cancel">
                  {t('events.cancel')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      />
      <Link to={`/years/${yearId}/events`}>
        <ArrowLeftOutlined /> {t('events.back')}
      </Link>
      <Space direction="vertical" size="middle" style={{ width: '100%', marginTop: 12 }}>
        <Card>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('common.status')}>
              <span data-testid="event-status">
                <EventStatus event={e} />
              </span>
              <Typography.Text type="secondary">{t('events.sequence', { n: e.sequence })}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('events.kind')}>{t(`events.kind.${e.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('events.when')}>
              {formatDateTime(e.startsAt)} – {formatDateTime(e.endsAt)} ({t('events.vnTime')})
            </Descriptions.Item>
            <Descriptions.Item label={t('events.location')}>{e.location}</Descriptions.Item>
            <Descriptions.Item label={t('events.host')}>{e.hostUnitName}</Descriptions.Item>
            {milestone && (
              <Descriptions.Item label={t('events.milestone')}>{milestone.title}</Descriptions.Item>
            )}
            <Descriptions.Item label={t('events.agenda')}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>
                {e.agenda}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('events.attendance')}>
          <Attendance event={e} />
        </Card>
        <Card title={t('events.files')}>
          <EventFiles event={e} />
        </Card>
      </Space>
      {editing && list.data && (
        <EventEditor
          yearId={yearId}
          list={list.data}
          event={e}
          headUnitId={null}
          onClose={() => setEditing(false)}
        />
      )}
    </>
  );
}
