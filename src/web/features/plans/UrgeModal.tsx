import { App, Form, Input, Modal, Typography } from 'antd';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useUrge } from './api';

/** Urge (đôn đốc) one unit, or every unit with an overdue task, with a message. */
export function UrgeModal({
  yearId,
  unit,
  onClose,
}: {
  yearId: string;
  unit: { id: string; name: string } | 'all-late';
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<{ message: string }>();
  const urge = useUrge(yearId);
  const showError = useShowError();
  const { message } = App.useApp();
  const all = unit === 'all-late';

  const submit = ({ message: text }: { message: string }) =>
    urge.mutate(all ? { allLate: true, message: text } : { unitId: unit.id, message: text }, {
      onSuccess: (r) => {
        void message.success(t('urge.sent', { units: r.unitIds.length, emails: r.emails }));
        onClose();
      },
      onError: (e) => showError(e, form),
    });

  return (
    <Modal
      open
      title={all ? t('urge.allTitle') : t('urge.oneTitle', { unit: unit.name })}
      okText={t('urge.send')}
      cancelText={t('common.cancel')}
      confirmLoading={urge.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'urge-send' }}
    >
      <Typography.Paragraph type="secondary">
        {all ? t('urge.allHint') : t('urge.oneHint')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        name="urge"
        onFinish={submit}
        initialValues={{ message: t('urge.defaultMessage') }}
      >
        <Form.Item
          name="message"
          label={t('urge.message')}
          rules={[{ required: true, min: 5, message: t('urge.messageRequired') }]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
