import { App, DatePicker, Form, Input, Modal, Select, TimePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { TProgress } from '../../../shared/scoring';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useReopenUnit } from './api';
import { useRequestApproval } from '../approvals/api';
import { deadlineIso } from './OpenRoundModal';

interface Values {
  unitId: string;
  reason: string;
  untilDate: Dayjs;
  untilTime: Dayjs;
}

/**
 * After close: lets one unit write its sheets again until a limit, with a written reason — done now by
 * whoever may decide it, else sent as a request (the server says which, per unit).
 */
export function ReopenModal({
  roundId,
  units,
  onClose,
}: {
  roundId: string;
  units: TProgress['units'];
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const reopen = useReopenUnit(roundId);
  const ask = useRequestApproval();
  const { message } = App.useApp();
  const showError = useShowError();
  const unitId = Form.useWatch('unitId', form);
  const direct = units.find((u) => u.id === unitId)?.reopen === 'direct';
  const submit = (v: Values) => {
    const body = {
      unitId: v.unitId,
      reason: v.reason,
      untilAt: deadlineIso(v.untilDate, v.untilTime.format('HH:mm')),
    };
    const onError = (err: Error) => showError(err, form);
    if (direct) reopen.mutate(body, { onSuccess: onClose, onError });
    else {
      ask.mutate(
        { action: 'round.reopen', roundId, ...body },
        { onSuccess: () => (void message.success(t('approval.sent')), onClose()), onError },
      );
    }
  };
  return (
    <Modal
      open
      title={t('progress.reopenTitle')}
      okText={t(direct || !unitId ? 'progress.reopen' : 'approval.askReopen')}
      cancelText={t('common.cancel')}
      confirmLoading={reopen.isPending || ask.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Form<Values>
        form={form}
        name="reopen"
        layout="vertical"
        onFinish={submit}
        initialValues={{ untilDate: dayjs().add(2, 'day'), untilTime: dayjs('17:00', 'HH:mm') }}
      >
        <Form.Item
          name="unitId"
          label={t('progress.unit')}
          rules={[{ required: true, message: t('progress.unitRequired') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            options={units
              .filter((u) => u.reopen !== 'none')
              .map((u) => ({
                value: u.id,
                label: u.reopen === 'direct' ? u.name : `${u.name} — ${t('progress.needsApproval')}`,
              }))}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('progress.reason')}
          rules={[{ required: true, min: 10, whitespace: true, message: t('progress.reasonMin') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item label={t('progress.until')} required extra={t('round.vnTime')}>
          <Form.Item name="untilDate" noStyle rules={[{ required: true }]}>
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>{' '}
          <Form.Item name="untilTime" noStyle rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} />
          </Form.Item>
        </Form.Item>
      </Form>
    </Modal>
  );
}
