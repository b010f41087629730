import { Tag, Tooltip } from 'antd';
import { CheckCircleFilled, EditFilled, MinusCircleOutlined } from '@ant-design/icons';
import type { TProgress } from '../../../shared/scoring';
import { useT } from '../../i18n/context';
import { formatDateTime } from '../../lib/format';
import './scoring.css';

type Cell = TProgress['cells'][number];

function StatusIcon({ cell }: { cell: Cell | undefined }) {
  const t = useT();
  if (!cell || cell.status === 'empty') {
    return (
      <Tooltip title={t('progress.empty')}>
        <MinusCircleOutlined style={{ color: '#bfbfbf' }} aria-label={t('progress.empty')} />
      </Tooltip>
    );
  }
  if (cell.status === 'draft') {
    return (
      <Tooltip title={t('progress.draft')}>
        <EditFilled style={{ color: '#d48806' }} aria-label={t('progress.draft')} />
      </Tooltip>
    );
  }
  return <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('progress.submitted')} />;
}

/** N×N submission grid: rows = scorer units, columns = scored units; status and time, never scores. */
export function ProgressGrid({ progress }: { progress: TProgress }) {
  const t = useT();
  const cells = new Map(progress.cells.map((c) => [`${c.scorerUnitId}:${c.scoredUnitId}`, c]));
  return (
    <div className="matrix-wrap" data-testid="progress-grid">
      <table className="matrix">
        <thead>
          <tr>
            <th className="matrix-corner">{t('progress.corner')}</th>
            {progress.units.map((u) => (
              <th key={u.id} title={u.name}>
                <div className="matrix-col-name">{u.name}</div>
              </th>
            ))}
            <th>{t('progress.rowCount')}</th>
          </tr>
        </thead>
        <tbody>
          {progress.units.map((scorer) => {
            const row = progress.units.map((scored) => cells.get(`${scorer.id}:${scored.id}`));
            const done = row.filter((c) => c?.status === 'submitted').length;
            return (
              <tr key={scorer.id} data-testid={`progress-row-${scorer.id}`}>
                <th className="matrix-row-name">{scorer.name}</th>
                {row.map((cell, i) => (
                  <td
                    key={progress.units[i]?.id}
                    className={scorer.id === progress.units[i]?.id ? 'matrix-self' : undefined}
                  >
                    <StatusIcon cell={cell} />
                    {cell?.submittedAt && (
                      <div className="matrix-time">{formatDateTime(cell.submittedAt)}</div>
                    )}
                    {cell && cell.version > 1 && (
                      <div className="matrix-time">{t('progress.version', { version: cell.version })}</div>
                    )}
                    {cell?.late && <Tag color="orange">{t('scoring.late')}</Tag>}
                  </td>
                ))}
                <td className={done === row.length ? 'matrix-count matrix-count-done' : 'matrix-count'}>
                  {done}/{row.length}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
