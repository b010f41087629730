import { useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Popconfirm, Space, Tag, Typography } from 'antd';
import type { TRegistration, TRegistrationInput } from '../../../shared/registrations';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useSaveRegistration, useSubmitRegistration } from './api';
import { RegistrationStatusTag } from './RegistrationStatusTag';

/** Names typed one per line become one item each. */
const names = (text: string) =>
  text
    .split('\n')
    .map((n) => n.trim())
    .filter(Boolean);

/** The unit's registration: choose from the catalogue, write the commitments, save (officer) or send (leader). */
export function RegistrationForm({ data }: { data: TRegistration }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const save = useSaveRegistration(data.yearId);
  const submit = useSubmitRegistration(data.yearId);
  const [chosen, setChosen] = useState(() => new Set(data.items.map((i) => i.code)));
  const [nominees, setNominees] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    for (const i of data.items) {
      if (i.nominee) out[i.code] = [out[i.code], i.nominee].filter(Boolean).join('\n');
    }
    return out;
  });
  const [commitments, setCommitments] = useState(data.commitments);
  const editable = data.can.save;

  const input = (): TRegistrationInput => ({
    items: data.catalogue
      .filter((e) => chosen.has(e.code))
      .flatMap((e) =>
        e.recipient === 'person'
          ? (names(nominees[e.code] ?? '').length ? names(nominees[e.code] ?? '') : ['']).map((n) => ({
              code: e.code,
              nominee: n || null,
            }))
          : [{ code: e.code, nominee: null }],
      ),
    commitments,
  });
  const toggle = (code: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  // A promise rather than mutate's callbacks: the form is remounted when the saved answer arrives (its key
  // follows the registration's state), and mutate's callbacks do not fire after an unmount.
  const run = (m: typeof save, done: string) =>
    void m.mutateAsync(input()).then(
      () => void message.success(done),
      (e: unknown) => showError(e),
    );

  return (
    <Card
      title={t('reg.mine', { unit: data.unitName })}
      extra={<RegistrationStatusTag status={data.status ?? 'none'} />}
      style={{ marginBottom: 16 }}
    >
      <Space direction="vertical" style={{ width: '100%' }} size={12}>
        {data.window.deadlineText && (
          <Typography.Text type="secondary">
            {t('reg.window.deadline', { deadline: data.window.deadlineText })}
          </Typography.Text>
        )}
        {data.window.state !== 'open' && data.status !== 'accepted' && (
          <Alert type="warning" showIcon message={t(`reg.window.${data.window.state}`)} />
        )}
        {data.status === 'returned' && (
          <Alert
            type="error"
            showIcon
            data-testid="reg-return-reason"
            message={t('reg.returnedBecause', { reason: data.returnReason ?? '' })}
          />
        )}
        {data.status === 'submitted' && data.submittedAt && (
          <Alert
            type="info"
            showIcon
            message={t('reg.submittedAt', {
              at: formatDateTime(data.submittedAt),
              by: data.submittedByName ?? '',
            })}
          />
        )}
        {data.status === 'accepted' && data.decidedAt && (
          <Alert
            type="success"
            showIcon
            message={t('reg.acceptedAt', { at: formatDateTime(data.decidedAt) })}
          />
        )}
        <Typography.Text strong>{t('reg.items')}</Typography.Text>
        <Typography.Text type="secondary">{t('reg.itemsHelp')}</Typography.Text>
        {data.catalogue.map((e) => (
          <Flex key={e.code} vertical gap={4}>
            <Checkbox
              checked={chosen.has(e.code)}
              disabled={!editable}
              onChange={(ev) => toggle(e.code, ev.target.checked)}
              data-testid={`reg-item-${e.code}`}
            >
              {e.name} <Tag>{t(`reg.kind.${e.kind}`)}</Tag>
              <Tag>{t(`reg.recipient.${e.recipient}`)}</Tag>
              <Typography.Text type="secondary">{e.level}</Typography.Text>
            </Checkbox>
            {e.recipient === 'person' && chosen.has(e.code) && (
              <Input.TextArea
                style={{ marginInlineStart: 24, maxWidth: 480 }}
                autoSize={{ minRows: 1, maxRows: 6 }}
                placeholder={t('reg.nominee')}
                disabled={!editable}
                value={nominees[e.code] ?? ''}
                onChange={(ev) => setNominees((n) => ({ ...n, [e.code]: ev.target.value }))}
                data-testid={`reg-nominee-${e.code}`}
              />
            )}
          </Flex>
        ))}
        <Typography.Text strong>{t('reg.commitments')}</Typography.Text>
        <Input.TextArea
          autoSize={{ minRows: 4, maxRows: 16 }}
          value={commitments}
          disabled={!editable}
          onChange={(ev) => setCommitments(ev.target.value)}
          data-testid="reg-commitments"
        />
        {editable && (
          <Space wrap>
            <Button onClick={() => run(save, t('reg.saved'))} loading={save.isPending} data-testid="reg-save">
              {t('reg.saveDraft')}
            </Button>
            {data.can.submit ? (
              <Popconfirm title={t('reg.submitConfirm')} onConfirm={() => run(submit, t('reg.sent'))}>
                <Button type="primary" loading={submit.isPending} data-testid="reg-submit">
                  {t('reg.submit')}
                </Button>
              </Popconfirm>
            ) : (
              <Typography.Text type="secondary">{t('reg.leaderSubmits')}</Typography.Text>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
