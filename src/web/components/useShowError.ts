import { useCallback } from 'react';
import { App, type FormInstance } from 'antd';
import { ApiError } from '../api/client';
import { useT } from '../i18n/context';

/** Shows an API error: field messages on the form's fields, the main message as a toast. */
export function useShowError() {
  const { message } = App.useApp();
  const t = useT();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      if (!(err instanceof ApiError)) {
        void message.error(t('common.error'));
        return;
      }
      const fieldErrors = err.body.fieldErrors ?? {};
      if (form) {
        form.setFields(
          Object.entries(fieldErrors).map(([path, text]) => ({
            name: path.split('.')[0] ?? path,
            errors: [text],
          })),
        );
      }
      void message.error(err.status === 0 ? t('common.networkError') : err.body.message || t('common.error'));
    },
    [message, t],
  );
}
