import { App, Button, Popconfirm, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { TUser } from '../../../shared/org';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useResetPassword } from './api';

/** Issues a temporary password and shows it once in a modal. */
export function ResetPasswordButton({ user }: { user: TUser }) {
  const t = useT();
  const reset = useResetPassword();
  const showError = useShowError();
  const { modal } = App.useApp();

  const onConfirm = () =>
    reset.mutate(user.id, {
      onSuccess: ({ temporaryPassword }) => {
        modal.info({
          title: t('user.tempPasswordTitle'),
          okText: t('common.close'),
          content: (
            <>
              <Typography.Paragraph>{t('user.tempPasswordHint', { login: user.login })}</Typography.Paragraph>
              <Typography.Text code copyable strong style={{ fontSize: 18 }} data-testid="temporary-password">
                {temporaryPassword}
              </Typography.Text>
            </>
          ),
        });
      },
      onError: (err) => showError(err),
    });

  return (
    <Popconfirm
      title={t('user.resetConfirm', { login: user.login })}
      okText={t('common.yes')}
      cancelText={t('common.no')}
      onConfirm={onConfirm}
    >
      <Button size="small" icon={<LockOutlined />} loading={reset.isPending}>
        {t('user.resetPassword')}
      </Button>
    </Popconfirm>
  );
}
