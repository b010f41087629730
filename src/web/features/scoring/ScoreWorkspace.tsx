import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Grid, Segmented, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import {
  criterionLabels,
  flatten,
  grandMax,
  validateScores,
  type CriterionNode,
} from '../../../domain/criteria';
import { formatHundredths, hundredthsToInput } from '../../../domain/points';
import type { TMySheets, TSheet } from '../../../shared/scoring';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { submitAllSheets, submitSheet, scoringKeys } from './api';
import { putSheet } from './cache';
import { ScoreGrid, type GridRow } from './grid/ScoreGrid';
import { readUnsavedCells, writeUnsavedCells } from './grid/localDrafts';
import { textsOf, viewSheet, type SheetTexts, type SheetView } from './grid/sheetState';
import { useAutosave } from './grid/useAutosave';
import { useLeaveGuard } from './grid/useLeaveGuard';
import { ScoreToolbar } from './ScoreToolbar';
import { SubmitAllModal, type SubmitRow } from './SubmitAllModal';
import './scoring.css';

interface Props {
  data: TMySheets;
  tree: CriterionNode[];
  canSubmit: boolean;
  onReload: () => void;
}

function gridRows(tree: CriterionNode[]): GridRow[] {
  let leaf = 0;
  const rows: GridRow[] = [];
  const walk = (nodes: CriterionNode[], depth: number) => {
    for (const node of nodes) {
      rows.push({ node, depth, leafIndex: node.children.length ? null : leaf++ });
      walk(node.children, depth + 1);
    }
  };
  walk(tree, 0);
  return rows;
}

/** The typed texts of a sheet: the server's draft, with the invalid cells this browser kept on top. */
const initialTexts = (s: TSheet): SheetTexts => ({ ...textsOf(s.scores), ...readUnsavedCells(s.id) });

/** Score entry for one unit's N sheets: grid, live totals, autosave, submit. Remounted on reload. */
export function ScoreWorkspace({ data, tree, canSubmit, onReload }: Props) {
  const t = useT();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const { round, sheets } = data;
  const rows = useMemo(() => gridRows(tree), [tree]);
  const leafIds = useMemo(
    () =>
      flatten(tree)
        .filter((n) => !n.children.length)
        .map((n) => n.id),
    [tree],
  );
  const labels = useMemo(() => criterionLabels(tree), [tree]);
  const max = useMemo(() => grandMax(tree), [tree]);
  const [texts, setTexts] = useState<Record<string, SheetTexts>>(() =>
    Object.fromEntries(sheets.map((s) => [s.id, initialTexts(s)])),
  );
  const unreadable = useCallback(
    (id: string) => t('scoring.unreadable', { label: labels[id] ?? id }),
    [t, labels],
  );
  const views = useMemo(
    () =>
      Object.fromEntries(
        sheets.map((s) => [s.id, viewSheet(tree, leafIds, texts[s.id] ?? {}, s.scores, unreadable)]),
      ) as Record<string, SheetView>,
    [sheets, tree, leafIds, texts, unreadable],
  );
  const viewsRef = useRef(views);
  useEffect(() => {
    viewsRef.current = views;
  }, [views]);
  const current = useCallback((id: string) => viewsRef.current[id]?.scores ?? {}, []);
  const onSaved = useCallback((sheet: TSheet) => putSheet(client, round.id, sheet), [client, round.id]);
  const autosave = useAutosave(sheets, current, onSaved);
  // A phone shows one scored unit's column at a time, picked above the grid.
  const phone = Grid.useBreakpoint().md === false;
  const [shownId, setShownId] = useState(sheets[0]?.id ?? '');
  const shownSheets = phone && sheets.length > 1 ? sheets.filter((s) => s.id === shownId) : sheets;
  const [submittingId, setSubmittingId] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [submittingAll, setSubmittingAll] = useState(false);
  const readOnly = !round.window.accepting;
  const invalidCount = Object.values(views).reduce((n, v) => n + v.invalidCells.length, 0);

  // What the server cannot take yet stays in this browser, so a reload or a closed tab loses nothing.
  useEffect(() => {
    for (const s of sheets) {
      const view = views[s.id];
      const sheetTexts = texts[s.id] ?? {};
      writeUnsavedCells(
        s.id,
        Object.fromEntries((view?.invalidCells ?? []).map((id) => [id, sheetTexts[id]!])),
      );
    }
  }, [sheets, views, texts]);

  useLeaveGuard({
    unsaved: () => !readOnly && (autosave.busy() || invalidCount > 0),
    flush: async () => (await autosave.flushAll()) && invalidCount === 0,
  });

  const onChange = (sheetId: string, criterionId: string, text: string) => {
    setTexts((prev) => ({ ...prev, [sheetId]: { ...prev[sheetId], [criterionId]: text } }));
    autosave.schedule(sheetId);
  };

  const onBlurCell = (sheetId: string, criterionId: string) => {
    const v = views[sheetId]?.scores[criterionId];
    const text = texts[sheetId]?.[criterionId];
    if (v === null || v === undefined || text === undefined) return;
    const normal = hundredthsToInput(v);
    if (normal !== text) {
      setTexts((prev) => ({ ...prev, [sheetId]: { ...prev[sheetId], [criterionId]: normal } }));
    }
  };

  const submitOne = async (sheet: TSheet) => {
    setSubmittingId(sheet.id);
    try {
      if (!(await autosave.flushAll())) {
        void message.error(t('scoring.saveFirst'));
        return;
      }
      putSheet(client, round.id, await submitSheet(sheet.id, autosave.revisionOf(sheet.id)));
      void message.success(t('scoring.sheetSubmitted', { unit: sheet.scoredUnitName }));
    } catch (err) {
      showError(err);
    } finally {
      setSubmittingId(null);
    }
  };

  // A leader's submission stands for the unit's signature: it confirms first, naming the unit and total.
  const confirmOne = (sheet: TSheet) => {
    const total = formatHundredths(views[sheet.id]?.totals.total ?? 0);
    const unit = sheet.isSelf ? `${sheet.scoredUnitName} (${t('scoring.self')})` : sheet.scoredUnitName;
    modal.confirm({
      title: t('scoring.submitOneTitle', { unit }),
      content: t('scoring.submitOneText', { unit, total, max: formatHundredths(max) }),
      okText: t('scoring.submitSheet'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'submit-one-ok' },
      onOk: () => submitOne(sheet),
    });
  };

  const submitAll = async () => {
    setSubmittingAll(true);
    try {
      if (!(await autosave.flushAll())) {
        void message.error(t('scoring.saveFirst'));
        return;
      }
      client.setQueryData(scoringKeys.mySheets(round.id), await submitAllSheets(round.id));
      setConfirming(false);
      void message.success(t('scoring.allSubmitted'));
    } catch (err) {
      showError(err);
    } finally {
      setSubmittingAll(false);
    }
  };

  const submitRows: SubmitRow[] = sheets.map((s) => {
    const view = views[s.id];
    const issues = validateScores(tree, view?.scores ?? {}, { complete: true }).map((i) => i.message);
    return {
      sheet: s,
      total: view?.totals.total ?? 0,
      issues: [...new Set([...Object.values(view?.errors ?? {}), ...issues])],
    };
  });
  const complete = Object.fromEntries(submitRows.map((r) => [r.sheet.id, r.issues.length === 0]));
  const errorList = sheets.flatMap((s) =>
    Object.values(views[s.id]?.errors ?? {}).map((m) => ({
      key: `${s.id}:${m}`,
      text: `${s.isSelf ? t('scoring.self') : s.scoredUnitName} — ${m}`,
    })),
  );

  return (
    <>
      <ScoreToolbar
        data={data}
        errorCount={errorList.length}
        canSubmitAll={canSubmit && !readOnly}
        onSubmitAll={() => setConfirming(true)}
      />
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('scoring.keyboardHint')}</Typography.Text>
        {readOnly && (
          <Alert
            type="warning"
            showIcon
            message={t('scoring.readOnly')}
            description={round.window.reason}
            data-testid="read-only"
          />
        )}
        {round.window.late && <Alert type="warning" showIcon message={t('scoring.lateWindow')} />}
        {round.window.reopened && <Alert type="info" showIcon message={t('scoring.reopenedWindow')} />}
        {!canSubmit && !readOnly && <Alert type="info" showIcon message={t('scoring.officerHint')} />}
      </Space>
      {phone && sheets.length > 1 && <UnitPicker sheets={sheets} value={shownId} onChange={setShownId} />}
      <ScoreGrid
        rows={rows}
        sheets={shownSheets}
        texts={texts}
        views={views}
        saveStates={autosave.states}
        grandMax={max}
        readOnly={readOnly}
        actions={{ canSubmit, complete, submittingId, onSubmit: confirmOne, onReload }}
        onChange={onChange}
        onBlurCell={onBlurCell}
      />
      {errorList.length > 0 && (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          data-testid="grid-errors"
          message={t('scoring.cellErrors', { count: errorList.length })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errorList.map((e) => (
                <li key={e.key}>{e.text}</li>
              ))}
            </ul>
          }
        />
      )}
      <SubmitAllModal
        open={confirming}
        rows={submitRows}
        grandMax={max}
        submitting={submittingAll}
        onOk={() => void submitAll()}
        onCancel={() => setConfirming(false)}
      />
    </>
  );
}

/** A phone's choice of the one scored unit whose column the grid shows (buttons when few, else a list). */
function UnitPicker({
  sheets,
  value,
  onChange,
}: {
  sheets: TSheet[];
  value: string;
  onChange: (id: string) => void;
}) {
  const t = useT();
  const options = sheets.map((s) => ({
    value: s.id,
    label: s.isSelf ? `${s.scoredUnitName} (${t('scoring.self')})` : s.scoredUnitName,
  }));
  return (
    <div className="sg-unit-picker" data-testid="unit-picker">
      <Typography.Text strong>{t('scoring.scoredUnit')}</Typography.Text>
      {sheets.length <= 3 ? (
        <Segmented block options={options} value={value} onChange={onChange} />
      ) : (
        <Select options={options} value={value} onChange={onChange} style={{ width: '100%' }} />
      )}
    </div>
  );
}
