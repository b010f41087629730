import { useState, type HTMLAttributes } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Popconfirm,
  Result,
  Skeleton,
  Space,
  Table,
  Typography,
} from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { TUnitRegistration } from '../../../shared/registrations';
import { DownloadButton } from '../../components/DownloadButton';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { blankToNull } from '../../lib/form';
import { formatDate, formatDateTime } from '../../lib/format';
import {
  summaryUrl,
  useAcceptRegistration,
  useRecordDispatch,
  useRegistrationOverview,
  useReturnRegistration,
} from './api';
import { RegistrationStatusTag } from './RegistrationStatusTag';

/** The head's (and deputy's, board's) view: every unit's status, return / accept, the summary and its dispatch. */
export function RegistrationOverview({ yearId }: { yearId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const overview = useRegistrationOverview(yearId, true);
  const accept = useAcceptRegistration();
  const giveBack = useReturnRegistration();
  const dispatch = useRecordDispatch(yearId);
  const [returning, setReturning] = useState<TUnitRegistration | null>(null);
  const [sending, setSending] = useState(false);
  const [returnForm] = Form.useForm<{ reason: string }>();
  const [sendForm] = Form.useForm<{ docNumber: string; sentOn: string; note: string }>();

  if (overview.isError) {
    return <Result status="error" subTitle={overview.error.message || t('common.error')} />;
  }
  if (!overview.data) return <Skeleton active />;
  const o = overview.data;
  const accepted = o.units.filter((u) => u.status === 'accepted').length;

  const actions = (u: TUnitRegistration) =>
    o.can.decide && u.status === 'submitted' && u.registrationId ? (
      <Space>
        <Button size="small" danger onClick={() => setReturning(u)} data-testid={`reg-return-${u.unitId}`}>
          {t('reg.return')}
        </Button>
        <Popconfirm
          title={t('reg.acceptConfirm', { unit: u.unitName })}
          onConfirm={() =>
            accept.mutate(u.registrationId!, {
              onSuccess: () => void message.success(t('reg.accepted')),
              onError: (e) => showError(e),
            })
          }
        >
          <Button size="small" type="primary" data-testid={`reg-accept-${u.unitId}`}>
            {t('reg.accept')}
          </Button>
        </Popconfirm>
      </Space>
    ) : null;

  return (
    <Card
      title={t('reg.all')}
      extra={
        <Typography.Text type="secondary">
          {t('reg.counts', { accepted, total: o.units.length })}
        </Typography.Text>
      }
    >
      <Table<TUnitRegistration>
        rowKey="unitId"
        size="small"
        pagination={false}
        dataSource={o.units}
        onRow={(u) => ({ 'data-testid': `reg-row-${u.unitId}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('reg.unit'), dataIndex: 'unitName' },
          {
            title: t('common.status'),
            render: (_, u) => (
              <Space direction="vertical" size={2}>
                <RegistrationStatusTag status={u.status} />
                {u.status === 'returned' && <Typography.Text type="danger">{u.returnReason}</Typography.Text>}
              </Space>
            ),
          },
          {
            title: t('reg.items'),
            render: (_, u) =>
              u.items.map((i) => (i.nominee ? `${i.name} (${i.nominee})` : i.name)).join('; '),
          },
          {
            title: t('reg.commitments'),
            render: (_, u) => (
              <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                {u.commitments}
              </Typography.Paragraph>
            ),
          },
          { title: t('reg.sentOn'), render: (_, u) => (u.submittedAt ? formatDateTime(u.submittedAt) : '') },
          { title: t('common.actions'), render: (_, u) => actions(u) },
        ]}
      />
      <Space direction="vertical" style={{ marginTop: 16 }}>
        <Typography.Text strong>{t('reg.summary')}</Typography.Text>
        <Space wrap>
          <DownloadButton
            href={summaryUrl(yearId, 'xlsx')}
            busyText={t('reg.preparing')}
            icon={<DownloadOutlined />}
          >
            {t('reg.downloadXlsx')}
          </DownloadButton>
          <DownloadButton
            href={summaryUrl(yearId, 'docx')}
            busyText={t('reg.preparing')}
            icon={<DownloadOutlined />}
          >
            {t('reg.downloadDocx')}
          </DownloadButton>
          {o.can.markSent && (
            <Button onClick={() => setSending(true)} data-testid="reg-mark-sent">
              {t('reg.markSent')}
            </Button>
          )}
        </Space>
        {o.dispatches.length ? (
          o.dispatches.map((d) => (
            <Typography.Text key={d.id} data-testid="reg-dispatch">
              {t('reg.dispatched', {
                date: formatDate(`${d.sentOn}T00:00:00+07:00`),
                number: d.docNumber ? ` (${d.docNumber})` : '',
                by: d.recordedByName,
              })}
            </Typography.Text>
          ))
        ) : (
          <Typography.Text type="secondary">{t('reg.notDispatched')}</Typography.Text>
        )}
      </Space>

      <Modal
        open={returning !== null}
        title={t('reg.returnTitle', { unit: returning?.unitName ?? '' })}
        okText={t('reg.return')}
        okButtonProps={{ danger: true, loading: giveBack.isPending, ...{ 'data-testid': 'reg-return-ok' } }}
        onCancel={() => setReturning(null)}
        onOk={() =>
          void returnForm.validateFields().then(({ reason }) =>
            giveBack.mutate(
              { id: returning!.registrationId!, reason },
              {
                onSuccess: () => {
                  void message.success(t('reg.returned'));
                  setReturning(null);
                  returnForm.resetFields();
                },
                onError: (e) => showError(e, returnForm),
              },
            ),
          )
        }
        destroyOnHidden
      >
        <Form form={returnForm} layout="vertical">
          <Form.Item name="reason" label={t('reg.reason')} rules={[{ required: true, min: 5 }]}>
            <Input.TextArea autoSize={{ minRows: 3 }} data-testid="reg-return-reason-input" />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={sending}
        title={t('reg.markSentTitle')}
        okText={t('common.save')}
        okButtonProps={{ loading: dispatch.isPending }}
        onCancel={() => setSending(false)}
        onOk={() =>
          void sendForm.validateFields().then((v) =>
            dispatch.mutate(
              { docNumber: blankToNull(v.docNumber), sentOn: v.sentOn, note: blankToNull(v.note) },
              {
                onSuccess: () => setSending(false),
                onError: (e) => showError(e, sendForm),
              },
            ),
          )
        }
        destroyOnHidden
      >
        <Form form={sendForm} layout="vertical">
          <Form.Item name="docNumber" label={t('reg.docNumber')}>
            <Input />
          </Form.Item>
          <Form.Item name="sentOn" label={t('reg.sentOn')} rules={[{ required: true }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="note" label={t('reg.note')}>
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
