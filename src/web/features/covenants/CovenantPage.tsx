import { Alert, Card, Result, Skeleton, Space, Typography } from 'antd';
import { FileWordOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import type { TCovenant } from '../../../shared/covenants';
import { DownloadButton } from '../../components/DownloadButton';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import { PlanNav } from '../plans/PlanNav';
import { useYearContext } from '../plans/yearContext';
import { covenantDocumentUrl, useCovenant } from './api';
import { CovenantComments } from './CovenantComments';
import { CovenantEditor } from './CovenantEditor';
import { CovenantSigning } from './CovenantSigning';
import { CovenantText } from './CovenantText';

function WindowLine({ c }: { c: TCovenant }) {
  const t = useT();
  const days = {
    from: c.commentsFrom ? formatDate(`${c.commentsFrom}T12:00:00+07:00`) : '',
    until: c.commentsUntil ? formatDate(`${c.commentsUntil}T12:00:00+07:00`) : '',
  };
  return (
    <Typography.Paragraph type="secondary" data-testid="covenant-window-state">
      {t(`covenant.window.${c.commentWindow}`, days)}
    </Typography.Paragraph>
  );
}

/** /years/:yearId/covenant — the covenant: the head's draft, members' comments, the final text and its signing. */
export function CovenantPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const ctx = useYearContext(yearId);
  const q = useCovenant(yearId);
  if (q.isError) {
    return (
      <Result status="error" title={t('planNav.covenant')} subTitle={q.error.message || t('common.error')} />
    );
  }
  if (ctx.loading || !q.data) return <Skeleton active />;
  const view = q.data;
  const c = view.covenant;
  const published = c?.published;
  const editing = view.can.edit || view.can.publish || view.can.openComments;
  return (
    <>
      <PageHeader
        title={t('covenant.title', { year: view.year })}
        extra={
          view.can.download && (
            <DownloadButton
              href={covenantDocumentUrl(yearId)}
              icon={<FileWordOutlined />}
              busyText={t('covenant.downloading')}
              data-testid="covenant-download"
            >
              {t('covenant.download')}
            </DownloadButton>
          )
        }
      />
      <PlanNav yearId={yearId} active="covenant" ctx={ctx} />
      {!c && !view.can.edit && <Alert type="info" showIcon message={t('covenant.none')} />}
      {published && (
        <Card
          title={t('covenant.published', {
            version: published.version,
            at: formatDateTime(published.publishedAt),
          })}
          style={{ marginBottom: 16 }}
        >
          <CovenantText testId="covenant-published" {...published} />
          <Space>
            <Typography.Text type="secondary">{t('covenant.hash')}:</Typography.Text>
            <Typography.Text code data-testid="covenant-hash">
              {published.textHash}
            </Typography.Text>
          </Space>
        </Card>
      )}
      {published && <CovenantSigning view={view} />}
      {c && view.can.reply && !view.can.edit && (
        <Alert type="info" showIcon message={t('covenant.locked')} style={{ marginBottom: 16 }} />
      )}
      {editing ? (
        <CovenantEditor view={view} />
      ) : (
        c &&
        !published && (
          <Card title={t('covenant.draftText')} style={{ marginBottom: 16 }}>
            <CovenantText testId="covenant-draft" {...c} />
          </Card>
        )
      )}
      {c && !published && <WindowLine c={c} />}
      {c && (c.commentsOpenedAt || view.comments.length > 0) && <CovenantComments view={view} />}
    </>
  );
}
