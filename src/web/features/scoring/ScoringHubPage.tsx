import { useState } from 'react';
import { Alert, Button, Result, Skeleton, Space } from 'antd';
import { ScheduleOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { useYearCriteria } from '../criteria/api';
import { CriteriaSummaryCard } from '../criteria/CriteriaSummaryCard';
import { useHome } from '../home/api';
import { useRounds } from './api';
import { OpenRoundModal } from './OpenRoundModal';
import { RoundsCard } from './RoundsCard';

/** /years/:yearId/scoring — the year's criteria set and scoring rounds, with actions by role. */
export function ScoringHubPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const home = useHome();
  const criteria = useYearCriteria(yearId);
  const rounds = useRounds(yearId);
  const [opening, setOpening] = useState(false);

  if (home.isPending || criteria.isPending) return <Skeleton active />;
  const year = home.data?.years.find((y) => y.id === yearId);
  if (!year) return <Result status="404" title="404" subTitle={t('common.notFound')} />;
  if (criteria.isError) {
    return <Result status="info" title={t('scoring.hubTitle')} subTitle={criteria.error.message} />;
  }

  const set = criteria.data.set;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <PageHeader
        title={t('scoring.hubTitle')}
        extra={
          <Link to={`/years/${yearId}/plan`}>
            <Button icon={<ScheduleOutlined />} data-testid="hub-plan">
              {t('scoring.planLink')}
            </Button>
          </Link>
        }
      />
      <Alert type="info" showIcon message={t('home.yearTitle', { bloc: year.blocName, year: year.year })} />
      {rounds.isError && <Alert type="error" showIcon message={rounds.error.message} />}
      <CriteriaSummaryCard yearId={yearId} set={set} prepares={year.can.prepare} />
      <RoundsCard
        rounds={rounds.data}
        loading={rounds.isPending}
        prepares={year.can.prepare}
        canOpen={Boolean(set && set.leafCount > 0)}
        onOpen={() => setOpening(true)}
      />
      {opening && <OpenRoundModal yearId={yearId} year={year.year} onClose={() => setOpening(false)} />}
    </Space>
  );
}
