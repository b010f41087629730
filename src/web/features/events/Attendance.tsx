import { App, Radio, Table } from 'antd';
import type { TEvent } from '../../../shared/events';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useAttendance } from './api';

type Mark = 'present' | 'absent' | 'none';

/** Attendance per participating unit; the head records it, everyone else reads it. */
export function Attendance({ event }: { event: TEvent }) {
  const t = useT();
  const save = useAttendance(event.id);
  const showError = useShowError();
  const { message } = App.useApp();
  const record = (unitId: string, mark: Mark) =>
    save.mutate(
      { items: [{ unitId, attendance: mark === 'none' ? null : mark }] },
      { onSuccess: () => void message.success(t('events.attendanceSaved')), onError: (e) => showError(e) },
    );
  return (
    <Table
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={event.units}
      data-testid="attendance"
      columns={[
        { title: t('exemplars.unit'), dataIndex: 'name' },
        {
          title: t('events.attendance'),
          key: 'attendance',
          render: (_, u) => (
            <Radio.Group
              disabled={!event.can.manage || save.isPending}
              value={u.attendance ?? 'none'}
              onChange={(e) => record(u.id, e.target.value as Mark)}
              optionType="button"
              size="small"
              options={[
                { value: 'present', label: t('events.present') },
                { value: 'absent', label: t('events.absent') },
                { value: 'none', label: t('events.notRecorded') },
              ]}
            />
          ),
        },
      ]}
    />
  );
}
