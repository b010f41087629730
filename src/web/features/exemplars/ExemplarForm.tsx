import { App, Form, Input, Modal } from 'antd';
import type { TExemplar, TExemplarInput } from '../../../shared/events';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { usePublishExemplar, useUpdateExemplar } from './api';

/** Publishes a new exemplary model of the caller's unit, or edits one of its own. */
export function ExemplarForm({
  yearId,
  exemplar,
  onClose,
}: {
  yearId: string;
  exemplar: TExemplar | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<TExemplarInput>();
  const publish = usePublishExemplar(yearId);
  const update = useUpdateExemplar();
  const showError = useShowError();
  const { message } = App.useApp();
  const required = [{ required: true, message: t('events.required') }, { min: 2 }];
  const done = {
    onSuccess: () => {
      void message.success(t('exemplars.saved'));
      onClose();
    },
    onError: (e: unknown) => showError(e, form),
  };
  const submit = (body: TExemplarInput) =>
    exemplar ? update.mutate({ id: exemplar.id, body }, done) : publish.mutate(body, done);
  return (
    <Modal
      open
      width={680}
      title={exemplar ? t('exemplars.edit') : t('exemplars.publish')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={publish.isPending || update.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'exemplar-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        name="exemplar"
        onFinish={submit}
        initialValues={exemplar ?? { title: '', field: '', description: '' }}
      >
        <Form.Item name="title" label={t('exemplars.name')} rules={required}>
          <Input maxLength={300} data-testid="exemplar-title" />
        </Form.Item>
        <Form.Item name="field" label={t('exemplars.field')} rules={required}>
          <Input maxLength={200} data-testid="exemplar-field" />
        </Form.Item>
        <Form.Item name="description" label={t('exemplars.description')} rules={required}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            maxLength={8000}
            data-testid="exemplar-description"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
