import { App, Form, Input, Modal, Select } from 'antd';
import { passwordMinLength, roles, type TRole } from '../../../shared/auth';
import { loginPattern, type TUser } from '../../../shared/org';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { blankToNull } from '../../lib/form';
import { useCreateUser, useUnits, useUpdateUser } from './api';

interface Values {
  login: string;
  password: string;
  fullName: string;
  email?: string | null;
  role: TRole;
  unitId?: string | null;
}

const needsUnit = (role: TRole | undefined) => role === 'officer' || role === 'leader';

/** Create an account, or edit one when `user` is given (login and password are not edited here). */
export function UserFormModal({ user, onClose }: { user: TUser | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const create = useCreateUser();
  const update = useUpdateUser();
  const showError = useShowError();
  const { message } = App.useApp();
  const role = Form.useWatch('role', form) ?? user?.role;

  const onFinish = (v: Values) => {
    const common = {
      fullName: v.fullName,
      email: blankToNull(v.email),
      role: v.role,
      unitId: needsUnit(v.role) ? (v.unitId ?? null) : null,
    };
    const done = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (err: unknown) => showError(err, form),
    };
    if (user) update.mutate({ id: user.id, patch: common }, done);
    else create.mutate({ ...common, login: v.login, password: v.password }, done);
  };

  return (
    <Modal
      open
      title={user ? t('user.editTitle') : t('user.new')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={user ?? { role: 'officer' }}>
        <Form.Item name="login" label={t('user.login')} rules={[{ required: true, pattern: loginPattern }]}>
          <Input disabled={user !== null} autoComplete="off" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('user.password')}
            rules={[{ required: true, min: passwordMinLength }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        <Form.Item name="fullName" label={t('user.fullName')} rules={[{ required: true, min: 2, max: 300 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="email" label={t('user.email')} rules={[{ type: 'email' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t('user.role')} rules={[{ required: true }]}>
          <Select options={roles.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="unitId"
          label={t('user.unit')}
          extra={t('user.unitHint')}
          rules={[{ required: needsUnit(role) }]}
          hidden={!needsUnit(role)}
        >
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            loading={units.isPending}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
