import { useState } from 'react';
import { Alert, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { RowError } from '../../../shared/errors';
import { ApiError } from '../../api/client';
import { useShowError } from '../../components/useShowError';
import { RowErrorsTable } from '../../components/RowErrorsTable';
import { useT } from '../../i18n/context';
import { useImportCriteria } from './api';

/** Replaces the draft from an .xlsx/.csv; shows every wrong row when the file is refused. */
export function CriteriaImport({ yearId, setId }: { yearId: string; setId: string }) {
  const t = useT();
  const showError = useShowError();
  const upload = useImportCriteria(yearId, setId);
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{t('criteria.importHint')}</Typography.Text>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(file) => {
          setRowErrors([]);
          upload.mutate(file, {
            onError: (err) => {
              showError(err);
              if (err instanceof ApiError) setRowErrors(err.body.rowErrors ?? []);
            },
          });
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="criteria-import">
          {t('criteria.import')}
        </Button>
      </Upload>
      {upload.isSuccess && <Alert type="success" showIcon message={t('criteria.imported')} />}
      {rowErrors.length > 0 && <RowErrorsTable rowErrors={rowErrors} />}
    </Space>
  );
}
