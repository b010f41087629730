import { Alert, App, Button, Card, Form, Input } from 'antd';
import { useNavigate } from 'react-router';
import { passwordMinLength } from '../../../shared/auth';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useChangePassword, useMe } from './api';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Change the signed-in user's password (forced after a temporary password). */
export function ChangePasswordPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const me = useMe();
  const change = useChangePassword();
  const showError = useShowError();
  const { message } = App.useApp();
  const navigate = useNavigate();

  const onFinish = ({ currentPassword, newPassword }: Values) => {
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('password.changed'));
          form.resetFields();
          void navigate('/');
        },
        onError: (err) => showError(err, form),
      },
    );
  };

  return (
    <Card title={t('password.title')} style={{ maxWidth: 480 }}>
      {me.data?.mustChangePassword && (
        <Alert type="warning" showIcon message={t('password.mustChange')} style={{ marginBottom: 16 }} />
      )}
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.current') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          rules={[
            {
              required: true,
              min: passwordMinLength,
              message: t('password.minLength', { min: passwordMinLength }),
            },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.mismatch') },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={change.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
