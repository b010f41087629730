import { Table, Tag, Typography } from 'antd';
import { TrophyOutlined } from '@ant-design/icons';
import { formatHundredths } from '../../../domain/points';
import { rankNoteParts } from '../../../domain/rank-notes';
import { tieBreakerLabels, type TResults } from '../../../shared/scoring';
import { useT } from '../../i18n/context';

type UnitRow = TResults['units'][number];

/** The official ranking: rank, unit, self total, score, and notes on ties and missing sheets. */
export function RankingTable({ results }: { results: TResults }) {
  const t = useT();
  const names = new Map(results.units.map((u) => [u.unitId, u.unitName]));
  const list = (ids: string[]) => ids.map((id) => names.get(id) ?? id).join(', ');
  return (
    <Table<UnitRow>
      data-testid="ranking"
      rowKey="unitId"
      size="middle"
      pagination={false}
      dataSource={results.units}
      columns={[
        {
          title: t('results.rank'),
          dataIndex: 'rank',
          width: 80,
          align: 'center',
          render: (rank: number | null) =>
            rank === null ? (
              t('common.none')
            ) : rank === 1 ? (
              <Tag icon={<TrophyOutlined />} color="gold">
                1
              </Tag>
            ) : (
              rank
            ),
        },
        { title: t('unit.name'), dataIndex: 'unitName' },
        {
          title: t('results.selfTotal'),
          dataIndex: 'selfTotal',
          width: 120,
          align: 'right',
          render: (v: number | null) => (v === null ? t('common.none') : formatHundredths(v)),
        },
        {
          title: t('results.score'),
          dataIndex: 'scoreText',
          width: 130,
          align: 'right',
          render: (v: string | null, u) => (
            <span>
              <Typography.Text strong>{v ?? t('common.none')}</Typography.Text>
              <div style={{ fontSize: 11, color: '#8c8c8c' }}>
                {t('results.sheetCount', { count: u.sheetCount })}
              </div>
            </span>
          ),
        },
        ...(results.nominations
          ? [
              {
                title: t('results.nominations'),
                key: 'nominations',
                render: (_: unknown, u: UnitRow) => results.nominations?.[u.unitId]?.join('; ') || null,
              },
            ]
          : []),
        {
          title: t('results.note'),
          key: 'note',
          render: (_: unknown, u) => {
            const notes = rankNoteParts(u, results.units).map((p) => {
              switch (p.kind) {
                case 'tie-decided':
                  return t('results.tieDecided', { units: list(p.units), rule: tieBreakerLabels[p.by] });
                case 'tie-shared':
                  return t('results.tieShared', { units: list(p.units) });
                case 'rounded-same':
                  return t('results.roundedSame', {
                    exact: p.exact,
                    others: p.others.map((o) => `${names.get(o.unitId) ?? ''}: ${o.exact}`).join('; '),
                  });
                case 'missing':
                  return t('results.missing', { units: list(p.units) });
              }
            });
            return notes.length ? notes.map((n) => <div key={n}>{n}</div>) : null;
          },
        },
      ]}
    />
  );
}
