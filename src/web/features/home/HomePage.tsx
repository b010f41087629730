import { lazy, Suspense } from 'react';
import { Alert, Card, Col, Descriptions, Empty, Row, Skeleton, Space, Typography } from 'antd';
import { RoleTag } from '../../components/RoleTag';
import { loadFeatureTexts, useT } from '../../i18n/context';
import { useMe } from '../auth/api';
import { useHome } from './api';
import { YearCard } from './YearCard';
import { useMyApprovals } from '../approvals/api';

// Only leaders and the board have requests to decide: the list's code is fetched when there are some.
const ApprovalList = lazy(() =>
  Promise.all([import('../approvals/ApprovalList'), loadFeatureTexts()]).then(([m]) => ({
    default: m.ApprovalList,
  })),
);

/** Dashboard: who I am, and each bloc-year I take part in (every bloc-year for admin and board). */
export function HomePage() {
  const t = useT();
  const home = useHome();
  const me = useMe();
  // The head's and the deputy's leaders and the city board decide requests; the server says which.
  const decides = me.data?.can.decideApprovals ?? false;
  const myApprovals = useMyApprovals(decides);

  if (home.isPending) return <Skeleton active />;
  if (home.isError) return <Alert type="error" showIcon message={home.error.message || t('common.error')} />;

  const { me: who, years } = home.data;
  const overseer = me.data?.can.readOrg ?? false;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Row gutter={[24, 16]} align="middle">
          <Col flex="auto">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('home.welcome', { name: who.fullName })}
            </Typography.Title>
          </Col>
          <Col>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
              <Descriptions.Item label={t('home.yourRole')}>
                <RoleTag role={who.role} />
              </Descriptions.Item>
              {who.unitName && (
                <Descriptions.Item label={t('home.yourUnit')}>{who.unitName}</Descriptions.Item>
              )}
            </Descriptions>
          </Col>
        </Row>
      </Card>
      {decides && (myApprovals.data?.length ?? 0) > 0 && (
        <Card title={t('approval.mineTitle')} data-testid="my-approvals">
          <Suspense fallback={<Skeleton active />}>
            <ApprovalList items={myApprovals.data ?? []} />
          </Suspense>
        </Card>
      )}
      {overseer && years.length > 0 && (
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('home.allYears')}
        </Typography.Title>
      )}
      {years.length === 0 ? (
        <Card>
          <Empty description={t('home.noYears')} />
        </Card>
      ) : (
        years.map((year) => <YearCard key={year.id} year={year} myUnitId={me.data?.unitId ?? null} />)
      )}
    </Space>
  );
}
