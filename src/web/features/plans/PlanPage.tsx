import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Popconfirm,
  Result,
  Select,
  Skeleton,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  CopyOutlined,
  EditOutlined,
  FilePdfOutlined,
  FileWordOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useHealth } from '../../api/health';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { planDocumentUrl, useCreatePlan, usePlan, usePlanVersion, useStartNextYear } from './api';
import { PlanDocument } from './PlanDocument';
import { PlanNav } from './PlanNav';
import { useYearContext } from './yearContext';
import { ApprovalList } from '../approvals/ApprovalList';
import { useYearApprovals } from '../approvals/api';

/** /years/:yearId/plan — the published plan as the official document, its versions and downloads. */
export function PlanPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const navigate = useNavigate();
  const ctx = useYearContext(yearId);
  const plan = usePlan(yearId);
  const [picked, setPicked] = useState<number | null>(null);
  const p = plan.data;
  const latest = p?.publishedVersion ?? 0;
  const shown = picked ?? latest;
  const old = usePlanVersion(p?.id, p && shown !== latest ? shown : null);
  const create = useCreatePlan(yearId);
  const nextYear = useStartNextYear(p?.id ?? '');
  const showError = useShowError();
  const { message } = App.useApp();
  const pdfReady = useHealth().data?.pdf === true;
  const approvals = useYearApprovals(yearId, 'pending', ctx.can.readApprovals);
  const planApprovals = (approvals.data ?? []).filter((a) => a.targetId === p?.id);

  if (plan.isError) {
    return (
      <Result status="error" title={t('plan.title')} subTitle={plan.error.message || t('common.error')} />
    );
  }
  if (ctx.loading || plan.isPending) return <Skeleton active />;
  const year = ctx.year?.year ?? p?.year ?? 0;
  const title = t('plan.titleOf', { year });

  const startNext = () =>
    nextYear.mutate(undefined, {
      onSuccess: (created) => {
        void message.success(t('plan.nextYearCreated', { year: created.year }));
        void navigate(`/years/${created.yearId}/plan/edit`);
      },
      onError: (e) => showError(e),
    });

  const actions = (
    <Space wrap>
      {p && latest > 0 && (
        <>
          <Select
            value={shown}
            style={{ minWidth: 260 }}
            onChange={setPicked}
            data-testid="plan-version"
            options={p.versions.map((v) => ({
              value: v.version,
              label: t('plan.versionOption', { version: v.version, at: formatDateTime(v.publishedAt) }),
            }))}
          />
          <Button
            icon={<FileWordOutlined />}
            href={planDocumentUrl(p.id, 'docx', shown)}
            data-testid="plan-docx"
          >
            {t('plan.downloadDocx')}
          </Button>
          <Tooltip title={pdfReady ? undefined : t('plan.pdfUnavailable')}>
            {pdfReady ? (
              <DownloadButton
                icon={<FilePdfOutlined />}
                href={planDocumentUrl(p.id, 'pdf', shown)}
                busyText={t('plan.pdfMaking')}
                data-testid="plan-pdf"
              >
                {t('plan.downloadPdf')}
              </DownloadButton>
            ) : (
              <Button icon={<FilePdfOutlined />} disabled data-testid="plan-pdf">
                {t('plan.downloadPdf')}
              </Button>
            )}
          </Tooltip>
        </>
      )}
      {ctx.can.readPlanDraft && p && (
        <Link to={`/years/${yearId}/plan/edit`}>
          <Button type="primary" icon={<EditOutlined />} data-testid="plan-edit">
            {ctx.can.prepare ? t('plan.edit') : t('plan.viewDraft')}
          </Button>
        </Link>
      )}
      {ctx.can.prepare && p && latest > 0 && (
        <Popconfirm
          title={t('plan.nextYearConfirm', { year: year + 1 })}
          okText={t('plan.nextYear')}
          cancelText={t('common.cancel')}
          onConfirm={startNext}
        >
          <Button icon={<CopyOutlined />} loading={nextYear.isPending} data-testid="plan-next-year">
            {t('plan.nextYear')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  const content = shown === latest ? p?.published : old.data?.content;
  const summary = p?.versions.find((v) => v.version === shown);

  return (
    <>
      <PageHeader title={title} extra={actions} />
      <PlanNav yearId={yearId} active="plan" ctx={ctx} />
      {planApprovals.length > 0 && (
        <Card size="small" title={t('approval.yearTitle')} style={{ marginBottom: 16 }}>
          <ApprovalList items={planApprovals} />
        </Card>
      )}
      {!p || latest === 0 ? (
        <Card>
          <Empty description={p ? t('plan.notPublished') : t('plan.none')}>
            {ctx.can.prepare && !p && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                loading={create.isPending}
                data-testid="plan-create"
                onClick={() =>
                  create.mutate(undefined, {
                    onSuccess: () => void navigate(`/years/${yearId}/plan/edit`),
                    onError: (e) => showError(e),
                  })
                }
              >
                {t('plan.create')}
              </Button>
            )}
          </Empty>
        </Card>
      ) : (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Space wrap>
            <Tag color="green">{t('plan.publishedTag', { version: shown })}</Tag>
            {summary && (
              <Typography.Text type="secondary">
                {t('plan.publishedBy', {
                  at: formatDateTime(summary.publishedAt),
                  name: summary.publishedByName ?? t('common.none'),
                })}
              </Typography.Text>
            )}
            {summary && summary.acknowledgedWarnings.length > 0 && (
              <Tag color="orange">{t('plan.ackedCount', { count: summary.acknowledgedWarnings.length })}</Tag>
            )}
            {shown !== latest && <Tag color="default">{t('plan.oldVersion')}</Tag>}
          </Space>
          {ctx.can.readPlanDraft && p.dirty && <Alert type="warning" showIcon message={t('plan.dirty')} />}
          {content ? (
            <PlanDocument
              content={content}
              year={year}
              blocName={p.blocName}
              governingBody={p.governingBody}
            />
          ) : (
            <Skeleton active />
          )}
        </Space>
      )}
    </>
  );
}
