import { App, Form, Input, Modal } from 'antd';
import { unitCodePattern, type TUnit, type TUnitCreateRequest } from '../../../shared/org';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { blankToNull } from '../../lib/form';
import { useCreateUnit, useUpdateUnit } from './api';

interface Props {
  unit: TUnit | null;
  onClose: () => void;
}

/** Create a unit, or edit one when `unit` is given. */
export function UnitFormModal({ unit, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<TUnitCreateRequest>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const showError = useShowError();
  const { message } = App.useApp();

  const onFinish = (v: TUnitCreateRequest) => {
    const body = { ...v, shortName: blankToNull(v.shortName), email: blankToNull(v.email) };
    const done = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (err: unknown) => showError(err, form),
    };
    if (unit) update.mutate({ id: unit.id, patch: body }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open
      title={unit ? t('unit.editTitle') : t('unit.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={unit ?? {}}>
        <Form.Item name="code" label={t('unit.code')} rules={[{ required: true, pattern: unitCodePattern }]}>
          <Input placeholder="bqlkkt" />
        </Form.Item>
        <Form.Item name="name" label={t('unit.name')} rules={[{ required: true, min: 2, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('unit.shortName')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('unit.email')} rules={[{ type: 'email' }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
