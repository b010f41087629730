import { Form, Input, Modal, Select } from 'antd';
import { CHANGE_REASON_MIN } from '../../../shared/nominations';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useAddNomination, useRemoveNomination } from './api';

interface Values {
  unitId?: string;
  awardCode?: string;
  awardName?: string;
  reason: string;
}

/**
 * The head's change to the list, always with a written reason: taking a line out (`lineId`), or adding a
 * line (a unit, an award from the year's rules or another one).
 */
export function ReasonModal({
  yearId,
  lineId,
  units,
  awards,
  onClose,
}: {
  yearId: string;
  lineId: string | null;
  units: { id: string; name: string }[];
  awards: { awardCode: string; awardName: string }[];
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const showError = useShowError();
  const remove = useRemoveNomination(yearId);
  const add = useAddNomination(yearId);
  const pending = remove.isPending || add.isPending;
  const done = { onSuccess: onClose, onError: (e: unknown) => showError(e, form) };
  const submit = (v: Values) =>
    lineId
      ? remove.mutate({ lineId, reason: v.reason }, done)
      : add.mutate(
          { unitId: v.unitId!, awardCode: v.awardCode!, awardName: v.awardName!, reason: v.reason },
          done,
        );
  return (
    <Modal
      open
      title={t(lineId ? 'nom.remove' : 'nom.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pending}
      okButtonProps={{ 'data-testid': 'reason-ok' }}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="reason-form">
        {!lineId && (
          <>
            <Form.Item name="unitId" label={t('nom.unit')} rules={[{ required: true }]}>
              <Select
                options={units.map((u) => ({ value: u.id, label: u.name }))}
                showSearch
                optionFilterProp="label"
              />
            </Form.Item>
            <Form.Item name="awardCode" label={t('nom.awardCode')} rules={[{ required: true }]}>
              <Select
                options={awards.map((a) => ({ value: a.awardCode, label: a.awardName }))}
                onChange={(code: string) =>
                  form.setFieldValue('awardName', awards.find((a) => a.awardCode === code)?.awardName)
                }
              />
            </Form.Item>
            <Form.Item name="awardName" hidden>
              <Input />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="reason"
          label={t('nom.reasonLabel')}
          extra={t('nom.reasonHint')}
          rules={[{ required: true, min: CHANGE_REASON_MIN }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="reason-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
