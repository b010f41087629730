import { useEffect } from 'react';
import { Button, Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import { useRouteError } from 'react-router';
import { useT } from '../i18n/context';
import { isChunkLoadError } from '../lib/chunk-error';
import './route-error.css';

const RELOADED_AT = 'thidua.reloadedForUpdate';

/** Shown in place of a page that failed to load or to render. A missing page chunk reloads the tab once. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  const stale = isChunkLoadError(error);
  useEffect(() => {
    if (!stale) return;
    // Once: if the fresh page still cannot load its code, say so instead of reloading forever.
    try {
      const last = Number(sessionStorage.getItem(RELOADED_AT) ?? 0);
      if (Date.now() - last <= 30_000) return;
      sessionStorage.setItem(RELOADED_AT, String(Date.now()));
    } catch {
      return; // storage blocked: no way to know whether we already reloaded, so do not
    }
    window.location.reload();
  }, [stale]);
  // Plain markup, no antd Result: this page is in the first download, and Result carries large pictures.
  return (
    <div className="route-error" role="alert" data-testid="route-error">
      <WarningFilled className="route-error-icon" />
      <Typography.Title level={3}>
        {stale ? t('error.pageUnavailable') : t('error.pageFailed')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('error.reloadHint')}</Typography.Paragraph>
      <Button type="primary" onClick={() => window.location.reload()} data-testid="route-error-reload">
        {t('error.reload')}
      </Button>
    </div>
  );
}
