import { useState } from 'react';
import { Alert, App, Checkbox, List, Modal, Space, Tag, Typography } from 'antd';
import type { TPlan, TPlanWarning } from '../../../shared/plans';
import { ApiError } from '../../api/client';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { usePublishPlan, type TPublishResponse } from './api';
import { warningLabel } from '../../lib/deadline';
import { useRequestApproval } from '../approvals/api';

interface Props {
  plan: TPlan;
  onClose: () => void;
  onPublished: (result: TPublishResponse) => void;
  /** Problems that block publishing (number, date, signer…): the editor marks its fields. */
  onInvalid: (err: ApiError) => void;
}

/** Publishing: every warning listed with its own checkbox; the head acknowledges each, then publishes. */
export function PublishModal({ plan, onClose, onPublished, onInvalid }: Props) {
  const t = useT();
  const publish = usePublishPlan(plan.id);
  const ask = useRequestApproval();
  const showError = useShowError();
  const { message } = App.useApp();
  const [warnings, setWarnings] = useState<TPlanWarning[]>(plan.warnings);
  const [acked, setAcked] = useState<Set<string>>(new Set());
  const [refused, setRefused] = useState<string | null>(null);
  const draft = plan.draft;
  const lastAcked = new Set(plan.versions.at(-1)?.acknowledgedWarnings ?? []);
  const next = plan.publishedVersion + 1;
  const allAcked = warnings.every((w) => acked.has(w.id));

  const toggle = (id: string, on: boolean) =>
    setAcked((prev) => {
      const s = new Set(prev);
      if (on) s.add(id);
      else s.delete(id);
      return s;
    });

  // The plan goes out in the head unit's leader's name: the officer sends it to the leader to approve.
  const asks = plan.can.publish === 'request';
  const onError = (err: Error) => {
    const fields = err instanceof ApiError ? err.body.fieldErrors : undefined;
    if (err instanceof ApiError && err.status === 409 && fields && Object.keys(fields).length) {
      // The server found warnings still open (e.g. someone saved since): list them to acknowledge.
      const open = Object.entries(fields).map(
        ([id, text]) =>
          warnings.find((w) => w.id === id) ?? {
            id,
            code: 'deadline-outside-year' as const,
            milestoneId: id.split(':')[1] ?? '',
            message: text,
          },
      );
      setWarnings((prev) => [...prev, ...open.filter((w) => !prev.some((p) => p.id === w.id))]);
      setRefused(err.body.message);
    } else if (err instanceof ApiError && err.status === 400) {
      onInvalid(err);
    } else {
      showError(err);
    }
  };
  const submit = () => {
    const body = { acknowledgedWarnings: [...acked], revision: plan.revision };
    if (asks) {
      ask.mutate(
        { action: 'plan.publish', planId: plan.id, ...body },
        { onSuccess: () => (void message.success(t('approval.sent')), onClose()), onError },
      );
      return;
    }
    publish.mutate(body, {
      onSuccess: (result) => {
        void message.success(t('publish.done', { version: result.plan.publishedVersion, ...result.tasks }));
        onPublished(result);
      },
      onError,
    });
  };

  return (
    <Modal
      open
      width={720}
      title={t('publish.title', { version: next })}
      okText={asks ? t('approval.askPlan') : t('publish.ok', { version: next })}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={publish.isPending || ask.isPending}
      okButtonProps={{ disabled: !allAcked, 'data-testid': 'publish-confirm' }}
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="publish-modal">
        <Typography.Paragraph>{t('publish.intro')}</Typography.Paragraph>
        {refused && <Alert type="error" showIcon message={refused} />}
        {warnings.length === 0 ? (
          <Alert type="success" showIcon message={t('publish.noWarnings')} />
        ) : (
          <>
            <Alert
              type="warning"
              showIcon
              message={t('publish.warnings', { count: warnings.length })}
              description={t('publish.ackHint')}
            />
            <List
              bordered
              dataSource={warnings}
              renderItem={(w) => {
                const m = draft?.milestones.find((x) => x.id === w.milestoneId);
                return (
                  <List.Item data-testid="publish-warning">
                    <Checkbox
                      checked={acked.has(w.id)}
                      onChange={(e) => toggle(w.id, e.target.checked)}
                      data-testid={`ack-${w.id}`}
                    >
                      <Space direction="vertical" size={0}>
                        {m && <Typography.Text strong>{m.title}</Typography.Text>}
                        <Typography.Text>
                          {warningLabel(t, w, m, plan.year, draft?.issueDate ?? null)}
                        </Typography.Text>
                        {lastAcked.has(w.id) && <Tag color="default">{t('publish.ackedBefore')}</Tag>}
                      </Space>
                    </Checkbox>
                  </List.Item>
                );
              }}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
