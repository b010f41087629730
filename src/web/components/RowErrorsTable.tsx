import { Table } from 'antd';
import type { RowError } from '../../shared/errors';
import { useT } from '../i18n/context';

/** The per-row report of a rejected import: row, column (letter and header as in the file), message. */
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
        {
          title: t('import.field'),
          key: 'field',
          width: 190,
          render: (_: unknown, r) => (r.column ? `${r.column} (${r.field})` : r.field),
        },
        { title: t('import.message'), dataIndex: 'message' },
      ]}
    />
  );
}
