import { DatePicker, Form, Space, TimePicker, Typography } from 'antd';
import { WarningFilled } from '@ant-design/icons';
import type { PlanWarning } from '../../../domain/plans';
import { useT } from '../../i18n/context';
import { useDeadline } from '../../lib/deadline';
import { milestoneDeadline, type MilestoneValues } from './editorValues';

interface Props {
  name: number;
  value: MilestoneValues | undefined;
  warnings: { warning: PlanWarning; text: string }[];
}

/** Date and optional time of a milestone's deadline, with the exact Vietnam instant it stands for. */
export function MilestoneDeadline({ name, value, warnings }: Props) {
  const t = useT();
  const d = useDeadline();
  const at = milestoneDeadline(value);
  return (
    <Space direction="vertical" size={2} style={{ width: '100%' }}>
      <Space.Compact>
        <Form.Item name={[name, 'deadlineDate']} noStyle>
          <DatePicker format="DD/MM/YYYY" placeholder={t('editor.deadlineDate')} style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name={[name, 'deadlineTime']} noStyle>
          <TimePicker
            format="HH:mm"
            minuteStep={5}
            placeholder={t('editor.deadlineTime')}
            style={{ width: 110 }}
          />
        </Form.Item>
      </Space.Compact>
      <Typography.Text type="secondary" className="deadline-help" data-testid="deadline-help">
        {at ? `${d.short(at)} — ${d.exact(at)}` : t('editor.deadlineHint')}
      </Typography.Text>
      {warnings.map(({ warning, text }) => (
        <Typography.Text
          key={warning.id}
          type="warning"
          className="deadline-help"
          data-testid="milestone-warning"
        >
          <WarningFilled /> {text}
        </Typography.Text>
      ))}
    </Space>
  );
}
