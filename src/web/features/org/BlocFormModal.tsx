import { App, Form, Input, Modal, Select } from 'antd';
import { blocKinds, type TBloc, type TBlocCreateRequest } from '../../../shared/org';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { blankToNull } from '../../lib/form';
import { useCreateBloc, useUpdateBloc } from './api';

interface Props {
  bloc: TBloc | null;
  onClose: () => void;
}

/** Create a cluster/bloc, or edit one when `bloc` is given. */
export function BlocFormModal({ bloc, onClose }: Props) {
  const t = useT();
  const [form] = Form.useForm<TBlocCreateRequest>();
  const create = useCreateBloc();
  const update = useUpdateBloc();
  const showError = useShowError();
  const { message } = App.useApp();

  const onFinish = (v: TBlocCreateRequest) => {
    const body = { ...v, shortName: blankToNull(v.shortName), description: blankToNull(v.description) };
    const done = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (err: unknown) => showError(err, form),
    };
    if (bloc) update.mutate({ id: bloc.id, patch: body }, done);
    else create.mutate(body, done);
  };

  return (
    <Modal
      open
      title={bloc ? t('bloc.editTitle') : t('bloc.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={bloc ?? { kind: 'bloc' }}>
        <Form.Item name="kind" label={t('bloc.kind')} rules={[{ required: true }]}>
          <Select options={blocKinds.map((k) => ({ value: k, label: t(`blocKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="name" label={t('bloc.name')} rules={[{ required: true, min: 2, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="shortName" label={t('bloc.shortName')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('bloc.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
