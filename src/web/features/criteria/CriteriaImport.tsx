import { useState } from 'react';
import { App, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { TCriteriaImportPreview } from '../../../shared/criteria';
import type { RowError } from '../../../shared/errors';
import { ApiError } from '../../api/client';
import { useShowError } from '../../components/useShowError';
import { RowErrorsTable } from '../../components/RowErrorsTable';
import { useT } from '../../i18n/context';
import { usePreviewCriteria, useSaveCriteria } from './api';
import { CriteriaImportPreview } from './CriteriaImportPreview';

/** Reads an .xlsx/.csv, shows what it was read as, and replaces the draft only when the head saves. */
export function CriteriaImport({ yearId, setId, name }: { yearId: string; setId: string; name: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const read = usePreviewCriteria(setId);
  const save = useSaveCriteria(yearId, setId);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [preview, setPreview] = useState<TCriteriaImportPreview | null>(null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('criteria.importHint')}</Typography.Text>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          setRowErrors([]);
          read.mutate(file, {
            onSuccess: setPreview,
            onError: (err) => {
              showError(err);
              if (err instanceof ApiError) setRowErrors(err.body.rowErrors ?? []);
            },
          });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={read.isPending} data-testid="criteria-import">
          {t('criteria.import')}
        </Button>
      </Upload>
      {rowErrors.length > 0 && <RowErrorsTable rowErrors={rowErrors} />}
      {preview && (
        <CriteriaImportPreview
          preview={preview}
          saving={save.isPending}
          onCancel={() => setPreview(null)}
          onSave={(tree) =>
            save.mutate(
              { name, tree },
              {
                onSuccess: () => {
                  setPreview(null);
                  void message.success(t('criteria.imported'));
                },
                onError: (err) => showError(err),
              },
            )
          }
        />
      )}
    </Space>
  );
}
