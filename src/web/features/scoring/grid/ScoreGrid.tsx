import { useRef, type KeyboardEvent } from 'react';
import { Tag } from 'antd';
import type { CriterionNode } from '../../../../domain/criteria';
import { formatHundredths, hundredthsToInput } from '../../../../domain/points';
import type { TSheet } from '../../../../shared/scoring';
import { useT } from '../../../i18n/context';
import { nextCell } from './keys';
import type { SheetTexts, SheetView } from './sheetState';
import { SheetFooter, SheetHeader, type SheetActions } from './SheetCells';
import type { SaveState } from './useAutosave';
import './score-grid.css';

export interface GridRow {
  node: CriterionNode;
  depth: number;
  /** Index among the leaves (the keyboard row), or null for a parent row. */
  leafIndex: number | null;
}

interface Props {
  rows: GridRow[];
  sheets: TSheet[];
  texts: Record<string, SheetTexts>;
  views: Record<string, SheetView>;
  saveStates: Record<string, SaveState>;
  grandMax: number;
  readOnly: boolean;
  actions: SheetActions;
  onChange: (sheetId: string, criterionId: string, text: string) => void;
  /** Leaving a cell shows its value the Vietnamese way ("8.5" becomes "8,5"). */
  onBlurCell: (sheetId: string, criterionId: string) => void;
}

/** The keyboard-first score grid: criteria as rows, one column per scored unit (self first). */
export function ScoreGrid({
  rows,
  sheets,
  texts,
  views,
  saveStates,
  grandMax,
  readOnly,
  actions,
  onChange,
  onBlurCell,
}: Props) {
  const t = useT();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const leafCount = rows.filter((r) => r.leafIndex !== null).length;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const el = e.currentTarget;
    const len = el.value.length;
    const atStart = el.selectionStart === 0 && (el.selectionEnd === 0 || el.selectionEnd === len);
    const atEnd = el.selectionEnd === len;
    const next = nextCell(
      { row, col },
      { key: e.key, shiftKey: e.shiftKey, atStart, atEnd },
      leafCount,
      sheets.length,
    );
    if (!next) return;
    const target = inputs.current.get(`${String(next.row)}:${String(next.col)}`);
    if (!target) return;
    e.preventDefault();
    target.focus();
  };

  return (
    <div className="score-grid-wrap" data-testid="score-grid">
      <table className="score-grid">
        <thead>
          <tr>
            <th className="sg-code sg-sticky-1">{t('criteria.code')}</th>
            <th className="sg-text sg-sticky-2">{t('criteria.text')}</th>
            <th className="sg-num">{t('criteria.maxPoints')}</th>
            <th className="sg-num sg-step">{t('criteria.step')}</th>
            {sheets.map((s) => (
              <th key={s.id} className="sg-unit">
                <SheetHeader
                  sheet={s}
                  state={saveStates[s.id]}
                  invalid={views[s.id]?.invalidCells.length ?? 0}
                  onReload={actions.onReload}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ node, depth, leafIndex }) => (
            <tr
              key={node.id}
              className={leafIndex === null ? `sg-parent sg-depth-${String(depth)}` : 'sg-leaf'}
            >
              <td className="sg-code sg-sticky-1">{node.code}</td>
              <td className="sg-text sg-sticky-2" title={node.guidance ?? undefined}>
                <span style={{ paddingLeft: depth * 14 }}>{node.text}</span>
                {node.kind !== 'normal' && (
                  <Tag className="sg-kind" color={node.kind === 'bonus' ? 'green' : 'red'}>
                    {t(`criteria.kind.${node.kind}`)}
                  </Tag>
                )}
              </td>
              <td className="sg-num">{hundredthsToInput(node.maxPoints)}</td>
              <td className="sg-num sg-step">{leafIndex === null ? '' : hundredthsToInput(node.step)}</td>
              {sheets.map((s, col) => {
                const view = views[s.id];
                const error = view?.errors[node.id];
                if (leafIndex === null) {
                  return (
                    <td
                      key={s.id}
                      className={error ? 'sg-cell sg-sub sg-invalid' : 'sg-cell sg-sub'}
                      title={error}
                    >
                      {formatHundredths(view?.totals.byNode[node.id] ?? 0)}
                    </td>
                  );
                }
                const input = (
                  <input
                    ref={(el) => {
                      const k = `${String(leafIndex)}:${String(col)}`;
                      if (el) inputs.current.set(k, el);
                      else inputs.current.delete(k);
                    }}
                    className="sg-input"
                    inputMode="decimal"
                    autoComplete="off"
                    readOnly={readOnly}
                    aria-label={`${node.code} ${node.text} — ${s.scoredUnitName}`}
                    aria-invalid={error ? true : undefined}
                    title={error}
                    data-testid={`cell-${node.id}-${s.scoredUnitId}`}
                    value={texts[s.id]?.[node.id] ?? ''}
                    onChange={(e) => onChange(s.id, node.id, e.target.value)}
                    onFocus={(e) => e.target.select()}
                    onBlur={() => onBlurCell(s.id, node.id)}
                    onKeyDown={(e) => onKeyDown(e, leafIndex, col)}
                  />
                );
                return (
                  <td key={s.id} className={error ? 'sg-cell sg-invalid' : 'sg-cell'}>
                    {input}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="sg-code sg-sticky-1" />
            <td className="sg-text sg-sticky-2">
              <strong>{t('scoring.total')}</strong>
              <div className="sg-hint">{t('scoring.totalHint', { max: formatHundredths(grandMax) })}</div>
            </td>
            <td className="sg-num" />
            <td className="sg-num sg-step" />
            {sheets.map((s) => (
              <td key={s.id} className="sg-cell sg-total">
                <SheetFooter
                  sheet={s}
                  view={views[s.id]}
                  state={saveStates[s.id]}
                  readOnly={readOnly}
                  actions={actions}
                />
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
