import { Table } from 'antd';
import type { RowError } from '../../shared/errors';
import { useT } from '../i18n/context';

/** The per-row report of a rejected import: row, field, message. */
export function RowErrorsTable({ rowErrors }: { rowErrors: RowError[] }) {
  const t = useT();
  return (
    <Table<RowError>
      size="small"
      rowKey={(r) => `${String(r.row)}:${r.field}:${r.message}`}
      dataSource={rowErrors}
      pagination={{ pageSize: 10, hideOnSinglePage: true }}
      columns={[
        { title: t('import.row'), dataIndex: 'row', width: 80 },
        { title: t('import.field'), dataIndex: 'field', width: 170 },
        { title: t('import.message'), dataIndex: 'message' },
      ]}
    />
  );
}
