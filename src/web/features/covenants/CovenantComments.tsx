import { useState } from 'react';
import { App, Button, Card, Empty, Input, List, Space, Typography } from 'antd';
import type { TCovenantComment, TCovenantView } from '../../../shared/covenants';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useComment, useReply } from './api';

function ReplyBox({ yearId, comment }: { yearId: string; comment: TCovenantComment }) {
  const t = useT();
  const [text, setText] = useState(comment.reply ?? '');
  const reply = useReply(yearId);
  const showError = useShowError();
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Input
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('covenant.reply')}
        maxLength={4000}
      />
      <Button
        loading={reply.isPending}
        disabled={!text.trim()}
        onClick={() => reply.mutate({ id: comment.id, reply: text }, { onError: (e) => showError(e) })}
      >
        {t('covenant.sendReply')}
      </Button>
    </Space.Compact>
  );
}

/** Members' comments on the draft and the head's answers; the comment box while the window is open. */
export function CovenantComments({ view }: { view: TCovenantView }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [text, setText] = useState('');
  const comment = useComment(view.yearId);
  const send = () =>
    comment.mutate(text, {
      onSuccess: () => {
        setText('');
        void message.success(t('covenant.commentSent'));
      },
      onError: (e) => showError(e),
    });
  return (
    <Card title={t('covenant.comments')} style={{ marginBottom: 16 }} data-testid="covenant-comments">
      {view.comments.length === 0 ? (
        <Empty description={t('covenant.noComments')} />
      ) : (
        <List
          dataSource={view.comments}
          renderItem={(c) => (
            <List.Item>
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text type="secondary">
                  {c.unitName} · {c.authorName} · {formatDateTime(c.createdAt)}
                </Typography.Text>
                <Typography.Text>{c.body}</Typography.Text>
                {c.reply && (
                  <Typography.Text italic>
                    {t('covenant.replyOf')}: {c.reply}
                  </Typography.Text>
                )}
                {view.can.reply && <ReplyBox yearId={view.yearId} comment={c} />}
              </Space>
            </List.Item>
          )}
        />
      )}
      {view.can.comment && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 12 }}>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('covenant.commentPlaceholder')}
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={4000}
            data-testid="covenant-comment-text"
          />
          <Button type="primary" disabled={!text.trim()} loading={comment.isPending} onClick={send}>
            {t('covenant.sendComment')}
          </Button>
        </Space>
      )}
    </Card>
  );
}
