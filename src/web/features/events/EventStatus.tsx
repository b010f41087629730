import { Tag } from 'antd';
import type { TEvent } from '../../../shared/events';
import { useT } from '../../i18n/context';

/** Cancelled, held (minutes attached) or scheduled. */
export function EventStatus({ event }: { event: TEvent }) {
  const t = useT();
  if (event.status === 'cancelled') return <Tag color="red">{t('events.cancelled')}</Tag>;
  if (event.minutesAt) return <Tag color="green">{t('events.held')}</Tag>;
  return <Tag color="blue">{t('events.scheduled')}</Tag>;
}
