import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useT } from '../i18n/context';

/** 404 inside the signed-in frame. */
export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('common.notFound')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
