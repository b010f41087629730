import { Card, Result, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { useUnitAwards } from './api';
import { AwardsTable } from './AwardsTable';

/** /units/:unitId/awards — a unit's decided awards across years. */
export function UnitAwardsPage() {
  const t = useT();
  const { unitId = '' } = useParams();
  const awards = useUnitAwards(unitId);
  if (awards.isError) return <Result status="error" subTitle={awards.error.message} />;
  if (!awards.data) return <Skeleton active />;
  return (
    <>
      <PageHeader title={t('unitAwards.title', { unit: awards.data.unitName })} />
      <Card>
        {awards.data.items.length ? (
          <AwardsTable items={awards.data.items} showUnit={false} />
        ) : (
          <Result status="info" subTitle={t('unitAwards.empty')} />
        )}
      </Card>
    </>
  );
}
