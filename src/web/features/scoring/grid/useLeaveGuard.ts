import { useEffect, useRef } from 'react';
import { App } from 'antd';
import { useBlocker } from 'react-router';
import { useT } from '../../../i18n/context';

/**
 * Leaving the score page never drops work silently. Closing or reloading the tab asks while anything is
 * unsaved (`beforeunload`). Navigating inside the app first saves what can be saved; if something still
 * is not on the server (an invalid cell, a failed save, a conflict), it asks before leaving.
 */
export function useLeaveGuard(opts: {
  /** Whether anything is not on the server yet (waiting, saving, failed, invalid). */
  unsaved: () => boolean;
  /** Saves what can be saved; true when nothing is left unsaved afterwards. */
  flush: () => Promise<boolean>;
}): void {
  const t = useT();
  const { modal } = App.useApp();
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current.unsaved()) e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, []);

  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      currentLocation.pathname !== nextLocation.pathname && latest.current.unsaved(),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let cancelled = false;
    void latest.current.flush().then((clean) => {
      if (cancelled) return;
      if (clean) {
        blocker.proceed();
        return;
      }
      modal.confirm({
        title: t('scoring.leaveTitle'),
        content: t('scoring.leaveText'),
        okText: t('scoring.leaveOk'),
        okButtonProps: { danger: true, 'data-testid': 'leave-ok' },
        cancelText: t('scoring.leaveStay'),
        onOk: () => blocker.proceed(),
        onCancel: () => blocker.reset(),
      });
    });
    return () => {
      cancelled = true;
    };
  }, [blocker, modal, t]);
}
