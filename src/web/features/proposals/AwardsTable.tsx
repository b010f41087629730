import { Table } from 'antd';
import { Link } from 'react-router';
import type { TAward } from '../../../shared/proposals';
import { cardsOnPhone, withCellLabels } from '../../components/cardsOnPhone';
import { useT } from '../../i18n/context';
import { formatDate } from '../../lib/format';

/** Decided awards: year, bloc, unit (to its history), award, rank and score, decision. */
export function AwardsTable({ items, showUnit = true }: { items: TAward[]; showUnit?: boolean }) {
  const t = useT();
  const columns = withCellLabels<TAward>([
    { title: t('awards.year'), dataIndex: 'year', width: 80 },
    { title: t('awards.bloc'), dataIndex: 'blocName' },
    ...(showUnit
      ? [
          {
            title: t('awards.unit'),
            key: 'unit',
            render: (_: unknown, a: TAward) => <Link to={`/units/${a.unitId}/awards`}>{a.unitName}</Link>,
          },
        ]
      : []),
    { title: t('awards.award'), dataIndex: 'awardName' },
    { title: t('proposal.rank'), dataIndex: 'rank', width: 90, render: (v: number | null) => v ?? '—' },
    { title: t('proposal.score'), dataIndex: 'scoreText', width: 90, render: (v: string | null) => v ?? '—' },
    {
      title: t('awards.decision'),
      key: 'decision',
      render: (_: unknown, a) =>
        a.decisionNumber && a.decisionDate
          ? t('proposal.decisionLine', { number: a.decisionNumber, date: formatDate(a.decisionDate) })
          : '—',
    },
  ]);
  return (
    <Table<TAward>
      className={cardsOnPhone}
      rowKey="nominationId"
      dataSource={items}
      columns={columns}
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      locale={{ emptyText: t('awards.empty') }}
    />
  );
}
