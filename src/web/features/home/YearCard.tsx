import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import {
  BarChartOutlined,
  CrownOutlined,
  OrderedListOutlined,
  ScheduleOutlined,
  StarOutlined,
} from '@ant-design/icons';
import { Link } from 'react-router';
import { useT } from '../../i18n/context';
import type { THomeYear } from './api';
import { MembersTable } from './MembersTable';
import { NextSteps } from './NextSteps';

interface Props {
  year: THomeYear;
  myUnitId: string | null;
}

/** One bloc in one year: its head and deputy, the user's unit's role, and the member units. */
export function YearCard({ year, myUnitId }: Props) {
  const t = useT();
  const nameOf = (id: string | null) => year.members.find((m) => m.id === id)?.name;
  const head = nameOf(year.headUnitId);
  const deputy = nameOf(year.deputyUnitId);

  return (
    <Card
      data-testid="year-card"
      title={
        <Typography.Text strong style={{ fontSize: 16 }}>
          {t('home.yearTitle', { bloc: year.blocName, year: year.year })}
        </Typography.Text>
      }
      extra={
        <Space wrap>
          <Tag color="geekblue">{t(`blocKind.${year.blocKind}`)}</Tag>
          <Link to={`/years/${year.id}/plan`}>
            <Button size="small" icon={<ScheduleOutlined />} data-testid="year-plan">
              {t('home.plan')}
            </Button>
          </Link>
          <Link to={`/years/${year.id}/criteria`}>
            <Button size="small" icon={<OrderedListOutlined />} data-testid="year-criteria">
              {t('home.criteria')}
            </Button>
          </Link>
          <Link to={`/years/${year.id}/scoring`}>
            <Button size="small" type="primary" icon={<BarChartOutlined />} data-testid="year-scoring">
              {t('home.scoring')}
            </Button>
          </Link>
        </Space>
      }
    >
      {year.myRole && (
        <Alert
          type={year.myRole === 'member' ? 'info' : 'success'}
          showIcon
          icon={year.myRole === 'member' ? undefined : <CrownOutlined />}
          message={t(`home.myRole.${year.myRole}`, { year: year.year })}
          style={{ marginBottom: 16 }}
        />
      )}
      <NextSteps year={year} />
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('home.bloc')}>{year.blocName}</Descriptions.Item>
        <Descriptions.Item label={t('home.year')}>{year.year}</Descriptions.Item>
        <Descriptions.Item label={t('home.head')}>
          {head ? (
            <>
              <CrownOutlined style={{ color: '#d4380d' }} /> {head}
            </>
          ) : (
            <Typography.Text type="secondary">{t('home.notAssigned')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('home.deputy')}>
          {deputy ? (
            <>
              <StarOutlined style={{ color: '#d48806' }} /> {deputy}
            </>
          ) : (
            <Typography.Text type="secondary">{t('home.notAssigned')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('home.memberCount')}>{year.memberCount}</Descriptions.Item>
      </Descriptions>
      <Typography.Title level={5}>{t('home.members')}</Typography.Title>
      <MembersTable year={year} myUnitId={myUnitId} />
    </Card>
  );
}
