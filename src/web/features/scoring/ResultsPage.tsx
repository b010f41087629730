import { Alert, Button, Card, Descriptions, Result, Skeleton, Space, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { tieBreakerLabels } from '../../../shared/scoring';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import { useCriteriaSet } from '../criteria/api';
import { AfterCloseCard } from './AfterCloseCard';
import { FairnessCard } from './FairnessCard';
import { roundFiles, useResults } from './api';
import { CriterionChart } from './CriterionChart';
import { HeatMap } from './HeatMap';
import { RankingTable } from './RankingTable';
import { RoundStatusTag } from './RoundTags';

/** /rounds/:roundId/results — policy, ranking, the full matrix, a per-criterion comparison, downloads. */
export function ResultsPage() {
  const t = useT();
  const { roundId = '' } = useParams();
  const results = useResults(roundId);
  const criteria = useCriteriaSet(results.data?.round.criteriaSetId);

  if (results.isError) {
    const err = results.error;
    const info = err instanceof ApiError && (err.status === 403 || err.status === 404);
    return (
      <Result
        status={info ? 'info' : 'error'}
        title={t('results.title')}
        subTitle={err.message || t('common.error')}
        data-testid="results-info"
      />
    );
  }
  if (results.isPending) return <Skeleton active />;
  const r = results.data;
  const tree = criteria.data?.tree ?? null;

  return (
    <>
      <PageHeader
        title={`${t('results.title')}: ${r.round.title}`}
        extra={
          <Space wrap>
            <Button
              icon={<DownloadOutlined />}
              href={roundFiles.results(roundId, 'xlsx')}
              data-testid="download-xlsx"
            >
              {t('results.downloadXlsx')}
            </Button>
            <Button
              icon={<DownloadOutlined />}
              href={roundFiles.results(roundId, 'docx')}
              data-testid="download-docx"
            >
              {t('results.downloadDocx')}
            </Button>
          </Space>
        }
      />
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        {r.round.status !== 'published' && (
          <Alert type="warning" showIcon message={t('results.notPublished')} />
        )}
        <Card>
          <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('common.status')}>
              <RoundStatusTag round={r.round} />
              {r.round.publishedAt && formatDateTime(r.round.publishedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('results.received')}>
              {t('results.receivedOf', { received: r.receivedSheets, expected: r.expectedSheets })}{' '}
              {r.complete ? (
                <Tag color="green">{t('results.complete')}</Tag>
              ) : (
                <Tag color="orange">{t('results.incomplete')}</Tag>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t('results.policy')} span={2}>
              <span data-testid="policy-text">{r.policyText}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('results.formula')} span={2}>
              {t('results.formulaText', { n: r.round.memberCount, peers: r.round.memberCount - 1 })}
            </Descriptions.Item>
            <Descriptions.Item label={t('round.tieBreakers')} span={2}>
              {r.tieBreakers.length
                ? r.tieBreakers.map((k, i) => `${String(i + 1)}. ${tieBreakerLabels[k]}`).join('; ')
                : t('results.noTieBreakers')}
            </Descriptions.Item>
          </Descriptions>
        </Card>
        <AfterCloseCard a={r.afterClose} />
        <Card title={t('results.ranking')}>
          {!r.ranked && (
            <Alert type="warning" showIcon message={t('results.notRanked')} style={{ marginBottom: 12 }} />
          )}
          <RankingTable results={r} />
        </Card>
        <Card title={t('results.matrix')}>
          <HeatMap results={r} />
        </Card>
        <FairnessCard roundId={roundId} />
        {tree && (
          <Card title={t('results.chart')}>
            <CriterionChart results={r} tree={tree} />
          </Card>
        )}
      </Space>
    </>
  );
}
