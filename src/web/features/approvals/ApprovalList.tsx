import { useState } from 'react';
import { App, Button, Input, List, Modal, Space, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import type { TApproval } from '../../../shared/approvals';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useApprove, useRefuse, useWithdraw } from './api';

const statusColor = { pending: 'gold', approved: 'green', refused: 'red', withdrawn: 'default' } as const;

/** One line per request: what, for whom, why, who asked, the decision; the buttons the server allows. */
export function ApprovalList({ items, empty }: { items: TApproval[]; empty?: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const approve = useApprove();
  const refuse = useRefuse();
  const withdraw = useWithdraw();
  const [refusing, setRefusing] = useState<TApproval | null>(null);
  const [note, setNote] = useState('');
  const done = (text: string) => () => void message.success(text);
  return (
    <>
      <List<TApproval>
        data-testid="approval-list"
        dataSource={items}
        locale={{ emptyText: empty ?? t('approval.none') }}
        renderItem={(a) => (
          <List.Item
            data-testid="approval-item"
            actions={[
              a.can.decide && (
                <Button
                  key="ok"
                  type="primary"
                  size="small"
                  icon={<CheckOutlined />}
                  loading={approve.isPending}
                  data-testid="approval-approve"
                  onClick={() =>
                    approve.mutate(
                      { id: a.id },
                      { onSuccess: done(t('approval.approved')), onError: (e) => showError(e) },
                    )
                  }
                >
                  {t('approval.approve')}
                </Button>
              ),
              a.can.decide && (
                <Button
                  key="no"
                  danger
                  size="small"
                  icon={<CloseOutlined />}
                  onClick={() => setRefusing(a)}
                  data-testid="approval-refuse"
                >
                  {t('approval.refuse')}
                </Button>
              ),
              a.can.withdraw && (
                <Button
                  key="back"
                  size="small"
                  icon={<RollbackOutlined />}
                  onClick={() => withdraw.mutate(a.id, { onError: (e) => showError(e) })}
                >
                  {t('approval.withdraw')}
                </Button>
              ),
            ].filter(Boolean)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color={statusColor[a.status]}>{t(`approval.status.${a.status}`)}</Tag>
                  <Typography.Text strong>
                    {t(`approval.action.${a.action}`)}
                    {a.unitName ? ` — ${a.unitName}` : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary">{a.targetTitle}</Typography.Text>
                </Space>
              }
              description={
                <Space direction="vertical" size={0}>
                  {a.reason && <span>{t('approval.reason', { reason: a.reason })}</span>}
                  {a.untilAt && <span>{t('approval.until', { until: formatDateTime(a.untilAt) })}</span>}
                  <span>
                    {t('approval.requested', { name: a.requestedByName, at: formatDateTime(a.requestedAt) })}{' '}
                    · {t(`approval.approver.${a.approver}`)}
                  </span>
                  {a.decidedAt && a.status !== 'withdrawn' && (
                    <span>
                      {t('approval.decided', {
                        name: a.decidedByName ?? '',
                        at: formatDateTime(a.decidedAt),
                      })}
                      {a.decisionNote ? ` — ${a.decisionNote}` : ''}
                    </span>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
      <Modal
        open={refusing !== null}
        title={t('approval.refuseTitle')}
        okText={t('approval.refuse')}
        okButtonProps={{
          danger: true,
          disabled: note.trim().length < 10,
          'data-testid': 'approval-refuse-ok',
        }}
        cancelText={t('common.cancel')}
        confirmLoading={refuse.isPending}
        onCancel={() => setRefusing(null)}
        onOk={() =>
          refusing &&
          refuse.mutate(
            { id: refusing.id, note },
            {
              onSuccess: () => {
                setRefusing(null);
                setNote('');
              },
              onError: (e) => showError(e),
            },
          )
        }
      >
        <Typography.Paragraph>{t('approval.refuseHint')}</Typography.Paragraph>
        <Input.TextArea
          rows={3}
          maxLength={2000}
          showCount
          value={note}
          onChange={(e) => setNote(e.target.value)}
          data-testid="approval-refuse-note"
        />
      </Modal>
    </>
  );
}
