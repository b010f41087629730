import { formatHundredths } from '../../../domain/points';
import type { TResults } from '../../../shared/scoring';
import { useT } from '../../i18n/context';
import './scoring.css';

/** Background for a value between the matrix's lowest and highest totals: pale to deep blue. */
function heat(v: number, min: number, max: number): { background: string; color: string } {
  const share = max === min ? 1 : (v - min) / (max - min);
  const lightness = 96 - share * 50;
  return { background: `hsl(212, 65%, ${String(lightness)}%)`, color: lightness < 62 ? '#fff' : '#1f1f1f' };
}

/** Who gave whom what: scorer rows × scored columns, coloured by total (public after publication). */
export function HeatMap({ results }: { results: TResults }) {
  const t = useT();
  const units = results.units.map((u) => ({ id: u.unitId, name: u.unitName }));
  const values = Object.values(results.matrix).flatMap((row) => Object.values(row));
  if (!values.length) return null;
  const min = Math.min(...values);
  const max = Math.max(...values);
  return (
    <div className="matrix-wrap" data-testid="heat-map">
      <table className="matrix">
        <thead>
          <tr>
            <th className="matrix-corner">{t('results.matrixCorner')}</th>
            {units.map((u) => (
              <th key={u.id} title={u.name}>
                <div className="matrix-col-name">{u.name}</div>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {units.map((scorer) => (
            <tr key={scorer.id}>
              <th className="matrix-row-name">{scorer.name}</th>
              {units.map((scored) => {
                const v = results.matrix[scorer.id]?.[scored.id];
                const self = scorer.id === scored.id ? ' matrix-self' : '';
                return v === undefined ? (
                  <td key={scored.id} className={`heat${self}`}>
                    {t('common.none')}
                  </td>
                ) : (
                  <td key={scored.id} className={`heat${self}`} style={heat(v, min, max)}>
                    {formatHundredths(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
