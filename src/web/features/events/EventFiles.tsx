import { useState } from 'react';
import { App, Button, List, Select, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { TEvent } from '../../../shared/events';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { attachmentUrl, useAttachToEvent } from './api';

const ACCEPT = '.pdf,.docx,.doc,.xlsx,.jpg,.jpeg,.png';
type Kind = 'minutes' | 'agenda' | 'other';

/** The event's documents; the head uploads the minutes (which complete the plan task) and others. */
export function EventFiles({ event }: { event: TEvent }) {
  const t = useT();
  const attach = useAttachToEvent(event.id);
  const showError = useShowError();
  const { message } = App.useApp();
  const [kind, setKind] = useState<Kind>(event.minutesAt ? 'other' : 'minutes');
  const send = (file: File) =>
    attach.mutate(
      { kind, file },
      {
        onSuccess: () => void message.success(t('events.uploaded', { file: file.name })),
        onError: (e) => showError(e),
      },
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        locale={{ emptyText: t('events.noFiles') }}
        dataSource={event.attachments}
        renderItem={(a) => (
          <List.Item data-testid="event-file">
            <Space>
              <Typography.Text type="secondary">{t(`events.fileKind.${a.kind}`)}</Typography.Text>
              <a href={attachmentUrl(a.id)}>
                <PaperClipOutlined /> {a.filename}
              </a>
              <Typography.Text type="secondary">{formatDateTime(a.uploadedAt)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
      {event.can.manage && (
        <Space wrap>
          <Select<Kind>
            value={kind}
            onChange={setKind}
            style={{ width: 180 }}
            options={(['minutes', 'agenda', 'other'] as const).map((k) => ({
              value: k,
              label: t(`events.fileKind.${k}`),
            }))}
          />
          <Upload showUploadList={false} accept={ACCEPT} customRequest={({ file }) => send(file as File)}>
            <Button icon={<UploadOutlined />} loading={attach.isPending} data-testid="event-upload">
              {kind === 'minutes' ? t('events.uploadMinutes') : t('events.uploadFile')}
            </Button>
          </Upload>
          <Typography.Text type="secondary">{t('events.fileHint')}</Typography.Text>
        </Space>
      )}
    </Space>
  );
}
