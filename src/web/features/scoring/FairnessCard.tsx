import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Space, Table, Tag, Typography } from 'antd';
import { altMethods, type AltMethod } from '../../../domain/fairness';
import { formatHundredths, formatPoints } from '../../../domain/points';
import type { TFairness } from '../../../shared/scoring';
import { apiGet } from '../../api/client';
import { useT } from '../../i18n/context';

/** Advisory analysis beside the official results: alternative rankings and signs of biased scoring. */
export function FairnessCard({ roundId }: { roundId: string }) {
  const t = useT();
  const q = useQuery({
    queryKey: ['rounds', roundId, 'analysis'],
    queryFn: () => apiGet<TFairness>(`/api/rounds/${roundId}/analysis`),
  });
  if (!q.data) return null;
  const a = q.data;
  const name = new Map(a.units.map((u) => [u.id, u.name]));
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? id).join(', ');
  const findings = [
    ...(a.sheetsThatChangeResult.length
      ? [t('fairness.changed', { units: names(a.sheetsThatChangeResult) })]
      : []),
    ...a.selfInflation.map((s) =>
      t('fairness.selfInflation', {
        unit: name.get(s.unitId) ?? '',
        self: formatHundredths(s.self),
        maxPeer: formatHundredths(s.maxPeer),
        excess: formatHundredths(s.excess),
      }),
    ),
    ...a.harshScorers.map((h) =>
      t('fairness.harsh', { unit: name.get(h.scorerId) ?? '', dev: formatHundredths(-h.meanDeviation) }),
    ),
    ...a.reciprocalPairs.map((p) =>
      t('fairness.reciprocal', {
        a: name.get(p.a) ?? '',
        b: name.get(p.b) ?? '',
        ab: formatPoints(p.aToB),
        ba: formatPoints(p.bToA),
      }),
    ),
  ];
  const rows = [...a.units].sort(
    (x, y) => (a.rankings.official[x.id] ?? 99) - (a.rankings.official[y.id] ?? 99),
  );
  const columns = [
    { title: t('fairness.unit'), dataIndex: 'name', key: 'name' },
    ...altMethods.map((m: AltMethod) => ({
      title: t(`fairness.method.${m}`),
      key: m,
      align: 'center' as const,
      render: (_: unknown, u: { id: string }) => {
        const rank = a.rankings[m][u.id];
        const differs = m !== 'official' && rank !== a.rankings.official[u.id];
        return differs ? <Tag color="orange">{rank ?? '—'}</Tag> : <span>{rank ?? '—'}</span>;
      },
    })),
  ];
  return (
    <Card title={t('fairness.title')} data-testid="fairness">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('fairness.intro')}</Typography.Text>
        <Alert
          type={a.stableLeaders.length ? 'success' : 'warning'}
          showIcon
          message={
            a.stableLeaders.length
              ? t('fairness.stable', { units: names(a.stableLeaders) })
              : t('fairness.notStable')
          }
        />
        <Table size="small" rowKey="id" pagination={false} dataSource={rows} columns={columns} />
        {findings.length ? (
          <Alert
            type="info"
            showIcon
            message={
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {findings.map((f) => (
                  <li key={f}>{f}</li>
                ))}
              </ul>
            }
          />
        ) : (
          <Alert
            type="info"
            showIcon
            message={t('fairness.none', { threshold: formatHundredths(a.threshold) })}
          />
        )}
      </Space>
    </Card>
  );
}
