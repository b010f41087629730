import { Space, Table, Tag } from 'antd';
import type { TUnit } from '../../../shared/org';
import { useT } from '../../i18n/context';
import type { THomeYear } from './api';

interface Props {
  year: THomeYear;
  myUnitId: string | null;
}

/** The member units of one bloc-year, with head, deputy and sample-data tags. */
export function MembersTable({ year, myUnitId }: Props) {
  const t = useT();
  return (
    <Table<TUnit>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={year.members}
      rowClassName={(unit) => (unit.id === myUnitId ? 'row-mine' : '')}
      columns={[
        { title: '#', key: 'index', width: 48, render: (_: unknown, __: TUnit, i: number) => i + 1 },
        {
          title: t('unit.name'),
          dataIndex: 'name',
          render: (name: string, unit) => (
            <Space size={4} wrap>
              <span>{name}</span>
              {unit.id === year.headUnitId && <Tag color="volcano">{t('yearRole.head')}</Tag>}
              {unit.id === year.deputyUnitId && <Tag color="gold">{t('yearRole.deputy')}</Tag>}
              {unit.isSample && <Tag>{t('unit.sample')}</Tag>}
            </Space>
          ),
        },
        {
          title: t('unit.shortName'),
          dataIndex: 'shortName',
          width: 160,
          render: (v: string | null) => v ?? t('common.none'),
        },
        {
          title: t('unit.email'),
          dataIndex: 'email',
          width: 240,
          responsive: ['lg'],
          render: (v: string | null) => v ?? t('common.none'),
        },
      ]}
    />
  );
}
