import { useState } from 'react';
import { App, Button, Input, Popconfirm, Space } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { automaticDeliverables } from '../../../domain/plans';
import type { TTask } from '../../../shared/plans';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useCompleteTask } from './api';
import { TaskStatus } from './TaskStatus';

/** One unit × task: its state; the head may check off a task that does not complete by itself. */
export function BoardCell({ task, canCheck }: { task: TTask | undefined; canCheck: boolean }) {
  const t = useT();
  const complete = useCompleteTask();
  const showError = useShowError();
  const { message } = App.useApp();
  const [note, setNote] = useState('');
  if (!task) return <span className="matrix-time">{t('common.none')}</span>;
  const manual = !automaticDeliverables.includes(task.deliverable);
  return (
    <Space direction="vertical" size={2} align="center">
      <TaskStatus task={task} compact />
      {canCheck && manual && task.state !== 'done' && (
        <Popconfirm
          title={t('board.checkTitle', { unit: task.unitName })}
          description={
            <Input.TextArea
              placeholder={t('board.note')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              autoSize={{ minRows: 2 }}
              maxLength={1000}
              style={{ width: 260 }}
            />
          }
          okText={t('board.check')}
          cancelText={t('common.cancel')}
          onConfirm={() =>
            complete.mutate(
              { taskId: task.id, note: note.trim() || null },
              { onSuccess: () => void message.success(t('board.checked')), onError: (e) => showError(e) },
            )
          }
        >
          <Button
            size="small"
            type="link"
            icon={<CheckOutlined />}
            loading={complete.isPending}
            data-testid="board-check"
          >
            {t('board.check')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
