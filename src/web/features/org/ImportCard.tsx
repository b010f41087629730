import { useState } from 'react';
import { Alert, Button, Card, Space, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RowError } from '../../../shared/errors';
import type { TImportResult } from '../../../shared/org';
import { ApiError, apiUpload } from '../../api/client';
import { useShowError } from '../../components/useShowError';
import { RowErrorsTable } from '../../components/RowErrorsTable';
import { useT } from '../../i18n/context';

type Kind = 'units' | 'users';

/** Upload one units or users file; shows either the count imported or every invalid row. */
export function ImportCard({ kind }: { kind: Kind }) {
  const t = useT();
  const client = useQueryClient();
  const showError = useShowError();
  const [rowErrors, setRowErrors] = useState<RowError[]>([]);
  const [imported, setImported] = useState<number | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => apiUpload<TImportResult>(`/api/import/${kind}`, file, file.name),
    onMutate: () => {
      setRowErrors([]);
      setImported(null);
    },
    onSuccess: async (res) => {
      setImported(res.imported);
      await client.invalidateQueries({ queryKey: [kind] });
    },
    onError: (err) => {
      showError(err);
      if (err instanceof ApiError) setRowErrors(err.body.rowErrors ?? []);
    },
  });

  return (
    <Card title={t(kind === 'units' ? 'import.units' : 'import.users')} data-testid={`import-${kind}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('import.hint')}</Typography.Text>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={`/api/import/template/${kind}.xlsx`}>
            {t('import.template')}
          </Button>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button type="primary" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('import.choose')}
            </Button>
          </Upload>
        </Space>
        {imported !== null && (
          <Alert type="success" showIcon message={t('import.done', { count: imported })} />
        )}
        {rowErrors.length > 0 && (
          <>
            <Alert type="error" showIcon message={t('import.rowErrors')} />
            <RowErrorsTable rowErrors={rowErrors} />
          </>
        )}
      </Space>
    </Card>
  );
}
