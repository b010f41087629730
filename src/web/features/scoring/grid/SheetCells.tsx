import { Button, Space, Tag, Tooltip, Typography } from 'antd';
import {
  CheckCircleOutlined,
  ExclamationCircleOutlined,
  LoadingOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { formatHundredths } from '../../../../domain/points';
import type { TSheet } from '../../../../shared/scoring';
import { useT } from '../../../i18n/context';
import { formatDateTime, formatTime } from '../../../lib/format';
import type { SheetView } from './sheetState';
import type { SaveState } from './useAutosave';

export interface SheetActions {
  canSubmit: boolean;
  /** Sheet id → every normal criterion scored and no invalid cell (what the server requires to submit). */
  complete: Record<string, boolean>;
  submittingId: string | null;
  onSubmit: (sheet: TSheet) => void;
  onReload: () => void;
}

/** Submitted / late / changed-since-submission tags of one sheet. */
export function SheetTags({ sheet }: { sheet: TSheet }) {
  const t = useT();
  if (sheet.submittedVersion === 0) return <Tag>{t('scoring.notSubmitted')}</Tag>;
  return (
    <Space size={2} wrap>
      <Tooltip title={sheet.submittedAt ? formatDateTime(sheet.submittedAt) : undefined}>
        <Tag color="green" data-testid={`submitted-${sheet.scoredUnitId}`}>
          {t('scoring.submittedVersion', { version: sheet.submittedVersion })}
        </Tag>
      </Tooltip>
      {sheet.late && <Tag color="orange">{t('scoring.late')}</Tag>}
      {sheet.dirty && <Tag color="gold">{t('scoring.dirty')}</Tag>}
    </Space>
  );
}

/** The autosave indicator: "Đang lưu…", "Đã lưu lúc HH:mm", "Xung đột — tải lại". */
export function SaveIndicator({ state, onReload }: { state: SaveState | undefined; onReload: () => void }) {
  const t = useT();
  if (!state) return null;
  switch (state.kind) {
    case 'saved':
      return state.at ? (
        <Typography.Text type="secondary" className="sg-save">
          <CheckCircleOutlined /> {t('scoring.savedAt', { time: formatTime(state.at) })}
        </Typography.Text>
      ) : null;
    case 'pending':
      return (
        <Typography.Text type="secondary" className="sg-save">
          {t('scoring.unsaved')}
        </Typography.Text>
      );
    case 'saving':
      return (
        <Typography.Text type="secondary" className="sg-save">
          <LoadingOutlined /> {t('scoring.saving')}
        </Typography.Text>
      );
    case 'conflict':
      return (
        <Tooltip title={state.message}>
          <Button
            size="small"
            danger
            icon={<ExclamationCircleOutlined />}
            onClick={onReload}
            data-testid="reload-conflict"
          >
            {t('scoring.conflictReload')}
          </Button>
        </Tooltip>
      );
    case 'error':
      return (
        <Tooltip title={state.message || t('common.networkError')}>
          <Typography.Text type="danger" className="sg-save">
            <ExclamationCircleOutlined /> {t('scoring.saveFailed')}
          </Typography.Text>
        </Tooltip>
      );
  }
}

/** Column header: the scored unit, its tags and its autosave state. */
export function SheetHeader({
  sheet,
  state,
  invalid,
  onReload,
}: {
  sheet: TSheet;
  state: SaveState | undefined;
  /** Cells of this sheet that are not saved because they are wrong. */
  invalid: number;
  onReload: () => void;
}) {
  const t = useT();
  return (
    <div className="sg-head" data-testid={`sheet-head-${sheet.scoredUnitId}`}>
      {sheet.isSelf && <Tag color="blue">{t('scoring.self')}</Tag>}
      <div className="sg-unit-name" title={sheet.scoredUnitName}>
        {sheet.scoredUnitName}
      </div>
      <SheetTags sheet={sheet} />
      <SaveIndicator state={state} onReload={onReload} />
      {invalid > 0 && (
        <Typography.Text type="danger" className="sg-save" data-testid={`invalid-${sheet.scoredUnitId}`}>
          {t('scoring.invalidNotSaved', { count: invalid })}
        </Typography.Text>
      )}
    </div>
  );
}

/** Totals cell: the live total with its bonus/deduction split, and the sheet's submit button. */
export function SheetFooter(props: {
  sheet: TSheet;
  view: SheetView | undefined;
  state: SaveState | undefined;
  readOnly: boolean;
  actions: SheetActions;
}) {
  const { sheet, view, readOnly, actions } = props;
  const incomplete = !actions.complete[sheet.id];
  const t = useT();
  const totals = view?.totals;
  return (
    <div className="sg-foot">
      <div className="sg-total-value" data-testid={`total-${sheet.scoredUnitId}`}>
        {formatHundredths(totals?.total ?? 0)}
      </div>
      {totals && (totals.bonus > 0 || totals.deduction > 0) && (
        <div className="sg-hint">
          {t('scoring.bonusDeduction', {
            bonus: formatHundredths(totals.bonus),
            deduction: formatHundredths(totals.deduction),
          })}
        </div>
      )}
      {actions.canSubmit && !readOnly && (
        <Button
          size="small"
          title={incomplete ? t('scoring.incompleteSheet') : undefined}
          icon={<SendOutlined />}
          disabled={
            !actions.complete[sheet.id] ||
            (sheet.submittedVersion > 0 && !sheet.dirty && props.state?.kind === 'saved')
          }
          loading={actions.submittingId === sheet.id}
          onClick={() => actions.onSubmit(sheet)}
          data-testid={`submit-sheet-${sheet.scoredUnitId}`}
        >
          {t('scoring.submitSheet')}
        </Button>
      )}
    </div>
  );
}
