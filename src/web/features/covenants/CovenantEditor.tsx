import { App, Button, Card, DatePicker, Form, Input, Popconfirm, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { TCovenantView } from '../../../shared/covenants';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { StringList } from '../plans/StringList';
import { useOpenComments, usePublishCovenant, useSaveCovenant } from './api';

interface Values {
  title: string;
  body: string;
  commitments: string[];
  window: [Dayjs, Dayjs] | null;
}

/** The head's working copy: text, commitments, comment window; opening comments; publishing. */
export function CovenantEditor({ view }: { view: TCovenantView }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const c = view.covenant;
  const save = useSaveCovenant(view.yearId);
  const open = useOpenComments(view.yearId);
  const publish = usePublishCovenant(view.yearId);
  const initial: Values = {
    title: c?.title ?? t('covenant.title', { year: view.year }),
    body: c?.body ?? '',
    commitments: c?.commitments ?? [''],
    window: c?.commentsFrom && c.commentsUntil ? [dayjs(c.commentsFrom), dayjs(c.commentsUntil)] : null,
  };
  const submit = (v: Values) =>
    save.mutate(
      {
        title: v.title,
        body: v.body,
        commitments: v.commitments.filter((x) => x.trim()),
        commentsFrom: v.window?.[0].format('YYYY-MM-DD') ?? null,
        commentsUntil: v.window?.[1].format('YYYY-MM-DD') ?? null,
        revision: c?.revision ?? 0,
      },
      { onSuccess: () => void message.success(t('covenant.saved')), onError: (e) => showError(e, form) },
    );
  const done = (key: Parameters<typeof t>[0]) => ({
    onSuccess: () => void message.success(t(key)),
    onError: (e: unknown) => showError(e),
  });
  return (
    <Card title={t('covenant.editor')} style={{ marginBottom: 16 }} data-testid="covenant-editor">
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit} disabled={!view.can.edit}>
        <Form.Item name="title" label={t('covenant.field.title')} rules={[{ required: true }]}>
          <Input maxLength={300} data-testid="covenant-title" />
        </Form.Item>
        <Form.Item name="body" label={t('covenant.field.body')} rules={[{ required: true }]}>
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} data-testid="covenant-body" />
        </Form.Item>
        <Form.Item label={t('covenant.field.commitments')} required>
          <StringList
            name="commitments"
            addLabel={t('covenant.addCommitment')}
            testId="covenant-commitments"
          />
        </Form.Item>
        <Form.Item name="window" label={t('covenant.field.window')}>
          <DatePicker.RangePicker format="DD/MM/YYYY" data-testid="covenant-window" />
        </Form.Item>
        <Space wrap>
          {view.can.edit && (
            <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="covenant-save">
              {t('covenant.saveDraft')}
            </Button>
          )}
          {view.can.openComments && (
            <Popconfirm
              title={t('covenant.openCommentsConfirm')}
              onConfirm={() => open.mutate(undefined, done('covenant.commentsOpened'))}
            >
              <Button loading={open.isPending} data-testid="covenant-open-comments">
                {t('covenant.openComments')}
              </Button>
            </Popconfirm>
          )}
          {view.can.publish && c && (
            <Popconfirm
              title={t('covenant.publishConfirm')}
              onConfirm={() => publish.mutate(c.revision, done('covenant.publishedOk'))}
            >
              <Button type="primary" loading={publish.isPending} data-testid="covenant-publish">
                {t('covenant.publish')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      </Form>
    </Card>
  );
}
