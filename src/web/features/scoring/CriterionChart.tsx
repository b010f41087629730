import { useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { criterionLabels, flatten, type CriterionNode } from '../../../domain/criteria';
import { formatPoints, hundredthsToInput } from '../../../domain/points';
import type { TResults } from '../../../shared/scoring';
import { useT } from '../../i18n/context';
import './scoring.css';

/** For one chosen criterion: each unit's mean points against the criterion's maximum, as bars. */
export function CriterionChart({ results, tree }: { results: TResults; tree: CriterionNode[] }) {
  const t = useT();
  const nodes = flatten(tree);
  const labels = criterionLabels(tree);
  const [nodeId, setNodeId] = useState(nodes[0]?.id);
  const node = nodes.find((n) => n.id === nodeId);
  if (!node) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="criterion-chart">
      <Select
        style={{ width: '100%', maxWidth: 720 }}
        showSearch
        optionFilterProp="label"
        value={node.id}
        onChange={setNodeId}
        options={nodes.map((n) => ({ value: n.id, label: `${labels[n.id] ?? n.code} — ${n.text}` }))}
      />
      <Typography.Text type="secondary">
        {t('results.chartHint', { max: hundredthsToInput(node.maxPoints) })}
      </Typography.Text>
      <div className="bar-chart">
        {results.units.map((u) => {
          const mean = u.criterionMeans[node.id];
          const value = mean ? mean.num / mean.den : 0;
          const width = Math.max(0, Math.min(100, (100 * value) / node.maxPoints));
          return [
            <div key={`${u.unitId}-l`} className="bar-label" title={u.unitName}>
              {u.unitName}
            </div>,
            <div
              key={`${u.unitId}-b`}
              className="bar-track"
              role="img"
              aria-label={`${u.unitName}: ${mean ? formatPoints(mean) : '—'}`}
            >
              <div className="bar-fill" style={{ width: `${String(width)}%` }} />
            </div>,
            <div key={`${u.unitId}-v`} className="bar-value">
              {mean ? formatPoints(mean) : t('common.none')}
            </div>,
          ];
        })}
      </div>
    </Space>
  );
}
