import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert, Spin } from 'antd';
import type { TMe } from '../../shared/auth';
import { useMe } from '../features/auth/api';
import { useT } from '../i18n/context';

interface Props {
  children: (me: TMe) => ReactNode;
}

/** Renders children only with a session; sends a temporary password to the change-password page. */
export function RequireAuth({ children }: Props) {
  const me = useMe();
  const location = useLocation();
  const t = useT();
  if (me.isPending) {
    return <Spin size="large" style={{ display: 'block', marginTop: '30vh' }} />;
  }
  if (me.isError) {
    return <Alert type="error" showIcon message={t('common.error')} description={me.error.message} />;
  }
  if (!me.data) return <Navigate to="/login" replace />;
  if (me.data.mustChangePassword && location.pathname !== '/change-password') {
    return <Navigate to="/change-password" replace />;
  }
  return <>{children(me.data)}</>;
}

/** Shows a 403 result unless the signed-in user has one of the roles. */
/** Shows a page only when the server's `me.can` grants the right (the server checks again on every call). */
export function RequireRight({ right, children }: { right: keyof TMe['can']; children: ReactNode }) {
  const me = useMe();
  const t = useT();
  if (me.data && !me.data.can[right]) {
    return <Alert type="warning" showIcon message="403" description={t('common.forbidden')} />;
  }
  return <>{children}</>;
}
