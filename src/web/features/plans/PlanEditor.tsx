import { useMemo, useState } from 'react';
import { Alert, App, Button, Form, List, Space, Tag } from 'antd';
import { ArrowLeftOutlined, FileWordOutlined, NotificationOutlined, SaveOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { planWarnings } from '../../../domain/plans';
import type { TPlan } from '../../../shared/plans';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { planDocumentUrl, usePlan, useSavePlan } from './api';
import { warningLabel } from '../../lib/deadline';
import { HeaderSection, OrganizationSection, PurposeSection, ScoringSection } from './EditorSections';
import { milestoneDeadline, toInput, toValues, type MilestoneValues, type PlanValues } from './editorValues';
import { MilestonesEditor } from './MilestonesEditor';
import { PublishModal } from './PublishModal';

/** The plan's working copy as a form, with live warnings, save (with revision) and the publish step. */
export function PlanEditor({ plan: initial, readOnly }: { plan: TPlan; readOnly: boolean }) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<PlanValues>();
  const query = usePlan(initial.yearId);
  const save = useSavePlan(initial.id);
  const [saved, setSaved] = useState<TPlan | null>(null);
  const [dirty, setDirty] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [publishing, setPublishing] = useState<TPlan | null>(null);
  const server = query.data ?? initial;
  const plan = saved && saved.revision >= server.revision ? saved : server;

  const milestones = Form.useWatch('milestones', { form, preserve: true }) as
    (MilestoneValues | undefined)[] | undefined;
  const issueDate = Form.useWatch('issueDate', form);
  const live = useMemo(() => {
    const ms = (milestones ?? [])
      .filter((m): m is MilestoneValues => Boolean(m?.id))
      .map((m) => ({ id: m.id, quarter: m.quarter, title: m.title, deadlineAt: milestoneDeadline(m) }));
    const issue = issueDate ? issueDate.format('YYYY-MM-DD') : null;
    return planWarnings({ year: plan.year, issueDate: issue, milestones: ms }).map((warning) => {
      const m = ms.find((x) => x.id === warning.milestoneId);
      return { warning, title: m?.title ?? '', text: warningLabel(t, warning, m, plan.year, issue) };
    });
  }, [milestones, issueDate, plan.year, t]);

  const markFields = (err: ApiError) => {
    const fields = Object.entries(err.body.fieldErrors ?? {}).map(([path, text]) => ({
      name: path.split('.'),
      errors: [text],
    }));
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    void message.error(err.body.message || t('common.error'));
  };

  const doSave = async (): Promise<TPlan | null> => {
    try {
      await form.validateFields();
    } catch {
      void message.error(t('editor.fixErrors'));
      return null;
    }
    try {
      const next = await save.mutateAsync({
        content: toInput(form.getFieldsValue(true) as PlanValues),
        revision: plan.revision,
      });
      setSaved(next);
      if (next.draft) form.setFieldsValue(toValues(next.draft));
      setDirty(false);
      void message.success(t('common.saved'));
      return next;
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) setConflict(true);
      if (err instanceof ApiError && err.status === 400) markFields(err);
      else showError(err);
      return null;
    }
  };

  const reload = async () => {
    const fresh = await query.refetch();
    if (fresh.data?.draft) form.setFieldsValue(toValues(fresh.data.draft));
    setSaved(null);
    setConflict(false);
    setDirty(false);
  };

  const startPublish = async () => {
    const p = dirty ? await doSave() : plan;
    if (p) setPublishing(p);
  };

  return (
    <>
      <PageHeader
        title={t('editor.titleOf', { year: plan.year })}
        extra={
          <Space wrap>
            <Link to={`/years/${plan.yearId}/plan`}>
              <Button icon={<ArrowLeftOutlined />}>{t('editor.back')}</Button>
            </Link>
            <Button
              icon={<FileWordOutlined />}
              href={planDocumentUrl(plan.id, 'docx', 'draft')}
              data-testid="draft-docx"
            >
              {t('editor.draftDocx')}
            </Button>
            {!readOnly && (
              <>
                <Button
                  icon={<SaveOutlined />}
                  loading={save.isPending}
                  onClick={() => void doSave()}
                  data-testid="editor-save"
                >
                  {t('editor.save')}
                </Button>
                <Button
                  type="primary"
                  icon={<NotificationOutlined />}
                  onClick={() => void startPublish()}
                  data-testid="editor-publish"
                >
                  {t('editor.publish')}
                </Button>
              </>
            )}
          </Space>
        }
      />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Space wrap>
          {plan.publishedVersion > 0 ? (
            <Tag color="green">{t('editor.inForce', { version: plan.publishedVersion })}</Tag>
          ) : (
            <Tag>{t('editor.neverPublished')}</Tag>
          )}
          {(plan.dirty || dirty) && (
            <Tag color="gold">{dirty ? t('editor.unsaved') : t('editor.unpublished')}</Tag>
          )}
        </Space>
        {readOnly && <Alert type="info" showIcon message={t('editor.readOnly')} />}
        {conflict && (
          <Alert
            type="error"
            showIcon
            message={t('editor.conflict')}
            action={<Button onClick={() => void reload()}>{t('editor.reload')}</Button>}
          />
        )}
        {live.length > 0 && (
          <Alert
            type="warning"
            showIcon
            data-testid="live-warnings"
            message={t('editor.liveWarnings', { count: live.length })}
            description={
              <List
                size="small"
                dataSource={live}
                renderItem={(w) => <List.Item>{w.title ? `${w.title}: ${w.text}` : w.text}</List.Item>}
              />
            }
          />
        )}
        <Form<PlanValues>
          form={form}
          name="plan"
          layout="vertical"
          disabled={readOnly}
          initialValues={plan.draft ? toValues(plan.draft) : undefined}
          onValuesChange={() => setDirty(true)}
        >
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <HeaderSection />
            <PurposeSection />
            <ScoringSection />
            <MilestonesEditor form={form} year={plan.year} warnings={live} readOnly={readOnly} />
            <OrganizationSection />
          </Space>
        </Form>
      </Space>
      {publishing && (
        <PublishModal
          plan={publishing}
          onClose={() => setPublishing(null)}
          onInvalid={(err) => {
            setPublishing(null);
            markFields(err);
          }}
          onPublished={() => {
            setPublishing(null);
            void navigate(`/years/${plan.yearId}/plan`);
          }}
        />
      )}
    </>
  );
}
