import { useState } from 'react';
import { Alert, Button, Card, Result, Skeleton, Space, Statistic, Tooltip } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import '../scoring/scoring.css';
import { useBoard } from './api';
import { BoardCell } from './BoardCell';
import { BlocReportsCard } from './BlocReportsCard';
import { roman, useDeadline } from '../../lib/deadline';
import { PlanNav } from './PlanNav';
import { UrgeModal } from './UrgeModal';
import { useYearContext } from './yearContext';

/** /years/:yearId/board — units × tasks: done, open, overdue and by how long; urging and checking off. */
export function BoardPage() {
  const t = useT();
  const d = useDeadline();
  const { yearId = '' } = useParams();
  const ctx = useYearContext(yearId);
  const board = useBoard(yearId, ctx.can.readBoard);
  const [urging, setUrging] = useState<{ id: string; name: string } | 'all-late' | null>(null);

  if (ctx.loading) return <Skeleton active />;
  if (!ctx.can.readBoard) return <Result status="403" title="403" subTitle={t('board.forbidden')} />;
  if (board.isError) {
    return (
      <Result status="error" title={t('board.title')} subTitle={board.error.message || t('common.error')} />
    );
  }
  if (!board.data) return <Skeleton active />;
  const b = board.data;
  const cells = new Map(b.cells.map((c) => [`${c.unitId}|${c.columnKey}`, c]));
  const sum = (k: 'done' | 'open' | 'overdue') => b.units.reduce((n, u) => n + u[k], 0);
  const lateUnits = b.units.filter((u) => u.overdue > 0).length;

  return (
    <>
      <PageHeader
        title={t('board.titleOf', { year: ctx.year?.year ?? '' })}
        extra={
          ctx.can.urge && (
            <Button
              danger
              icon={<BellOutlined />}
              disabled={lateUnits === 0}
              onClick={() => setUrging('all-late')}
              data-testid="urge-all"
            >
              {t('board.urgeAll', { count: lateUnits })}
            </Button>
          )
        }
      />
      <PlanNav yearId={yearId} active="board" ctx={ctx} />
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card size="small">
          <Space size={48} wrap>
            <Statistic
              title={t('task.state.done')}
              value={sum('done')}
              suffix={`/ ${String(b.cells.length)}`}
              valueStyle={{ color: '#389e0d' }}
            />
            <Statistic title={t('task.state.open')} value={sum('open')} />
            <Statistic
              title={t('task.state.overdue')}
              value={sum('overdue')}
              valueStyle={{ color: sum('overdue') ? '#cf1322' : undefined }}
            />
            <Statistic
              title={t('board.lateUnits')}
              value={lateUnits}
              suffix={`/ ${String(b.units.length)}`}
            />
          </Space>
        </Card>
        <BlocReportsCard yearId={yearId} canRead={ctx.can.readBoard} />
        <Alert type="info" showIcon message={t('deadline.rule')} />
        <div className="matrix-wrap board" data-testid="task-board">
          <table className="matrix">
            <thead>
              <tr>
                <th className="matrix-corner">{t('board.corner')}</th>
                {b.columns.map((c) => (
                  <th key={c.key} title={c.title}>
                    <div className="matrix-col-name">
                      {roman(c.quarter)} · {c.title}
                    </div>
                    <div className="board-col-deadline">{t(`deliverable.${c.deliverable}`)}</div>
                    {c.deadlineAt && (
                      <Tooltip title={d.exact(c.deadlineAt)}>
                        <div className="board-col-deadline">{d.short(c.deadlineAt)}</div>
                      </Tooltip>
                    )}
                  </th>
                ))}
                <th>{t('board.counts')}</th>
                {ctx.can.urge && <th>{t('common.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {b.units.map((u) => (
                <tr key={u.id} data-testid={`board-row-${u.id}`}>
                  <th className="matrix-row-name">{u.name}</th>
                  {b.columns.map((c) => {
                    const cell = cells.get(`${u.id}|${c.key}`);
                    return (
                      <td key={c.key} className={`task-cell${cell ? ` task-${cell.state}` : ''}`}>
                        <BoardCell task={cell} canCheck={ctx.can.prepare} />
                      </td>
                    );
                  })}
                  <td className="matrix-count">
                    {t('board.countLine', { done: u.done, open: u.open, overdue: u.overdue })}
                  </td>
                  {ctx.can.urge && (
                    <td>
                      <Button
                        size="small"
                        icon={<BellOutlined />}
                        disabled={u.open + u.overdue === 0}
                        onClick={() => setUrging({ id: u.id, name: u.name })}
                        data-testid="urge-unit"
                      >
                        {t('board.urge')}
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Space>
      {urging && <UrgeModal yearId={yearId} unit={urging} onClose={() => setUrging(null)} />}
    </>
  );
}
