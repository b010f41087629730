import { Tag, Tooltip, Typography } from 'antd';
import { instantToVn } from '../../../domain/time';
import type { TEvent } from '../../../shared/events';
import type { TMilestone, TTask } from '../../../shared/plans';
import { useT } from '../../i18n/context';
import { formatDate, formatDateTime } from '../../lib/format';
import { Deadline } from '../../components/Deadline';
import { roman, useDeadline } from '../../lib/deadline';
import { milestoneState, stateColor, yearAxis } from './timelineModel';
import './plans.css';

interface Props {
  year: number;
  milestones: TMilestone[];
  tasks: readonly TTask[];
  now: string;
  /** The year's events (not cancelled), shown beside the milestones. */
  events?: readonly TEvent[];
}

const quarterOf = (instant: string) =>
  Math.floor((Number(instantToVn(instant).date.slice(5, 7)) - 1) / 3) + 1;

const pct = (f: number) => `${String(Math.min(1, Math.max(0, f)) * 100)}%`;

/**
 * The year on a horizontal axis: quarters, deadlines, today's marker; below, each quarter's milestones.
 * On a phone (plans.css) the axis gives way to one vertical list, quarter by quarter.
 */
export function Timeline({ year, milestones, tasks, now, events = [] }: Props) {
  const t = useT();
  const d = useDeadline();
  const axis = yearAxis(year);
  const today = axis.frac(now);
  const todayLabel =
    today < 0
      ? t('timeline.todayBefore', { date: formatDate(now) })
      : today > 1
        ? t('timeline.todayAfter', { date: formatDate(now) })
        : t('timeline.today', { date: formatDate(now) });
  const quarters = [1, 2, 3, 4];
  const columns = quarters.map((q) => `${String(axis.quarterEnd(q) - axis.quarterStart(q))}fr`).join(' ');
  const months = Array.from({ length: 12 }, (_, i) => i + 1);
  return (
    <div className="timeline" data-testid="timeline">
      <div
        className={`timeline-today${today > 1 ? ' timeline-today-after' : ''}`}
        style={{ left: pct(today) }}
        data-testid="today-marker"
      >
        <span className="timeline-today-label">{todayLabel}</span>
      </div>
      <div className="timeline-axis">
        {quarters.map((q) => (
          <div
            key={q}
            className={`timeline-band timeline-band-${q}`}
            style={{ left: pct(axis.quarterStart(q)), width: pct(axis.quarterEnd(q) - axis.quarterStart(q)) }}
          >
            {t('timeline.quarter', { quarter: roman(q), year })}
          </div>
        ))}
        {months.map((m) => (
          <div
            key={m}
            className="timeline-tick"
            style={{
              left: pct(axis.frac(`${String(year)}-${String(m).padStart(2, '0')}-01T00:00:00+07:00`)),
            }}
          >
            <span>{t('timeline.month', { month: m })}</span>
          </div>
        ))}
        {milestones
          .filter((m) => m.deadlineAt)
          .map((m) => {
            const f = axis.frac(m.deadlineAt!);
            const state = milestoneState(m, tasks, now);
            return (
              <Tooltip
                key={m.id}
                title={`${m.title} — ${d.short(m.deadlineAt!)} (${d.exact(m.deadlineAt!)})${f < 0 || f > 1 ? ` · ${t('timeline.outsideYear')}` : ''}`}
              >
                <span
                  className={`timeline-dot timeline-dot-${state}${f < 0 || f > 1 ? ' timeline-dot-outside' : ''}`}
                  style={{ left: pct(f) }}
                  data-testid="timeline-dot"
                />
              </Tooltip>
            );
          })}
        {events.map((e) => (
          <Tooltip key={e.id} title={`${e.title} — ${formatDateTime(e.startsAt)}, ${e.location}`}>
            <span
              className="timeline-event-mark"
              style={{ left: pct(axis.frac(e.startsAt)) }}
              data-testid="timeline-event-mark"
            />
          </Tooltip>
        ))}
      </div>
      <div className="timeline-columns" style={{ gridTemplateColumns: columns }}>
        {quarters.map((q) => (
          <div key={q} className="timeline-column">
            <div className="timeline-column-title">{t('timeline.quarter', { quarter: roman(q), year })}</div>
            {milestones
              .filter((m) => m.quarter === q)
              .map((m) => {
                const state = milestoneState(m, tasks, now);
                return (
                  <div
                    key={m.id}
                    className={`timeline-card timeline-card-${state}`}
                    data-testid="timeline-card"
                    data-state={state}
                  >
                    <Typography.Text strong className="timeline-card-title">
                      {m.title}
                    </Typography.Text>
                    <div>
                      <Typography.Text type="secondary">{t(`party.${m.responsible}`)}</Typography.Text>
                    </div>
                    {m.deadlineAt && <Deadline at={m.deadlineAt} />}
                    <div>
                      <Tag color={stateColor[state]}>{t(`timeline.state.${state}`)}</Tag>
                    </div>
                  </div>
                );
              })}
            {events
              .filter((e) => quarterOf(e.startsAt) === q)
              .map((e) => (
                <div key={e.id} className="timeline-card timeline-card-event" data-testid="timeline-event">
                  <Tag color="purple">{t('events.onTimeline')}</Tag>
                  <Typography.Text strong className="timeline-card-title">
                    {e.title}
                  </Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {formatDateTime(e.startsAt)} · {e.location}
                    </Typography.Text>
                  </div>
                </div>
              ))}
          </div>
        ))}
      </div>
    </div>
  );
}
