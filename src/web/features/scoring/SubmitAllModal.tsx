import { Alert, Modal, Table, Typography } from 'antd';
import { formatHundredths } from '../../../domain/points';
import type { TSheet } from '../../../shared/scoring';
import { useT } from '../../i18n/context';

export interface SubmitRow {
  sheet: TSheet;
  total: number;
  /** Problems that would make the server refuse the submission (validateScores, complete: true). */
  issues: string[];
}

interface Props {
  open: boolean;
  rows: SubmitRow[];
  grandMax: number;
  submitting: boolean;
  onOk: () => void;
  onCancel: () => void;
}

/** The confirmation before "Nộp tất cả": every sheet's total, and what is still missing. */
export function SubmitAllModal({ open, rows, grandMax, submitting, onOk, onCancel }: Props) {
  const t = useT();
  const blocked = rows.some((r) => r.issues.length > 0);
  return (
    <Modal
      open={open}
      title={t('scoring.submitAllTitle')}
      okText={t('scoring.submitAllOk')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: blocked, 'data-testid': 'submit-all-ok' }}
      confirmLoading={submitting}
      onOk={onOk}
      onCancel={onCancel}
      width={720}
    >
      <Typography.Paragraph>{t('scoring.submitAllText')}</Typography.Paragraph>
      {blocked && (
        <Alert type="error" showIcon message={t('scoring.submitAllBlocked')} style={{ marginBottom: 12 }} />
      )}
      <Table<SubmitRow>
        size="small"
        rowKey={(r) => r.sheet.id}
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: t('scoring.scoredUnit'),
            key: 'unit',
            render: (_: unknown, r) =>
              r.sheet.isSelf ? `${r.sheet.scoredUnitName} (${t('scoring.self')})` : r.sheet.scoredUnitName,
          },
          {
            title: t('scoring.total'),
            key: 'total',
            align: 'right',
            width: 120,
            render: (_: unknown, r) => `${formatHundredths(r.total)} / ${formatHundredths(grandMax)}`,
          },
          {
            title: t('scoring.check'),
            key: 'issues',
            render: (_: unknown, r) =>
              r.issues.length === 0 ? (
                <Typography.Text type="success">{t('scoring.ready')}</Typography.Text>
              ) : (
                <Typography.Text type="danger">
                  {r.issues.slice(0, 3).join('; ')}
                  {r.issues.length > 3 ? '…' : ''}
                </Typography.Text>
              ),
          },
        ]}
      />
    </Modal>
  );
}
