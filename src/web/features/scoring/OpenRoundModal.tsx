import {
  Alert,
  Checkbox,
  DatePicker,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Switch,
  TimePicker,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { tieBreakers } from '../../../domain/aggregation';
import { instantToVn, vnWallClockToInstant } from '../../../domain/time';
import { useEffect } from 'react';
import { deadlineExact, deadlineShort } from '../../lib/deadline';
import { usePlan } from '../plans/api';
import { missingPolicyText, tieBreakerLabels, type TRoundCreateRequest } from '../../../shared/scoring';
import { ApiError } from '../../api/client';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useOpenRound } from './api';

interface Values {
  kind: 'year-end' | 'mid-year';
  title: string;
  deadlineDate: Dayjs | null;
  beforeDay: boolean;
  deadlineTime: Dayjs | null;
  latePolicy: 'refuse' | 'accept-late';
  missingPolicy: 'wait-all' | 'mean-of-received';
  tieBreakers: TRoundCreateRequest['tieBreakers'];
  officerMaySubmit: boolean;
}

/** The deadline as an instant with the Vietnam offset: "2024-12-08T00:00:00+07:00". */
export function deadlineIso(date: Dayjs, time: string): string {
  return `${date.format('YYYY-MM-DD')}T${time}:00+07:00`;
}

/** Head: opens a scoring round (locks the criteria set and creates the N×N sheets). */
export function OpenRoundModal({
  yearId,
  year,
  onClose,
}: {
  yearId: string;
  year: number;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const open = useOpenRound(yearId);
  const showError = useShowError();
  const date = Form.useWatch('deadlineDate', form);
  const before = Form.useWatch('beforeDay', form);
  const time = Form.useWatch('deadlineTime', form);
  const timeText = before ? '00:00' : (time?.format('HH:mm') ?? '00:00');
  const instant = date ? vnWallClockToInstant(date.format('YYYY-MM-DD'), timeText).toISOString() : null;
  const preview = instant ? `${deadlineShort(t, instant)} (${deadlineExact(t, instant)})` : null;
  // A year-end round takes the plan's score-sheet deadline by default.
  const plan = usePlan(yearId);
  const planDeadline =
    plan.data?.published?.milestones.find((m) => m.deliverables.includes('score-sheets') && m.deadlineAt)
      ?.deadlineAt ?? null;
  useEffect(() => {
    if (!planDeadline || form.isFieldTouched('deadlineDate')) return;
    const { date: day, time: hhmm } = instantToVn(planDeadline);
    form.setFieldsValue({
      deadlineDate: dayjs(day),
      beforeDay: hhmm === '00:00',
      deadlineTime: dayjs(hhmm, 'HH:mm'),
    });
  }, [planDeadline, form]);

  const submit = (v: Values) => {
    if (!v.deadlineDate) return;
    const body: TRoundCreateRequest = {
      kind: v.kind,
      title: v.title,
      deadlineAt: deadlineIso(
        v.deadlineDate,
        v.beforeDay ? '00:00' : (v.deadlineTime?.format('HH:mm') ?? '00:00'),
      ),
      latePolicy: v.latePolicy,
      missingPolicy: v.missingPolicy,
      tieBreakers: v.tieBreakers,
      officerMaySubmit: v.officerMaySubmit,
    };
    open.mutate(body, {
      onSuccess: onClose,
      onError: (err) => {
        showError(err);
        const deadline = err instanceof ApiError ? err.body.fieldErrors?.deadlineAt : undefined;
        if (deadline) form.setFields([{ name: 'deadlineDate', errors: [deadline] }]);
      },
    });
  };

  return (
    <Modal
      open
      width={640}
      title={t('round.openTitle')}
      okText={t('round.open')}
      cancelText={t('common.cancel')}
      confirmLoading={open.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'round-submit' }}
    >
      <Form<Values>
        form={form}
        name="round"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'year-end',
          title: t('round.defaultTitle', { year }),
          beforeDay: true,
          deadlineTime: dayjs('17:00', 'HH:mm'),
          latePolicy: 'refuse',
          missingPolicy: 'wait-all',
          tieBreakers: [],
          officerMaySubmit: false,
        }}
      >
        <Form.Item name="kind" label={t('round.kind')}>
          <Radio.Group
            options={[
              { value: 'year-end', label: t('round.kind.year-end') },
              { value: 'mid-year', label: t('round.kind.mid-year') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('round.title')}
          rules={[{ required: true, min: 2, message: t('round.titleRequired') }]}
        >
          <Input maxLength={300} />
        </Form.Item>
        <Form.Item
          label={t('round.deadline')}
          required
          extra={
            <>
              {preview ? t('round.deadlinePreview', { deadline: preview }) : t('round.deadlineHint')}
              {planDeadline && <div>{t('round.fromPlan', { deadline: deadlineShort(t, planDeadline) })}</div>}
            </>
          }
        >
          <Space wrap align="start">
            <Form.Item
              name="deadlineDate"
              noStyle
              rules={[{ required: true, message: t('round.deadlineRequired') }]}
            >
              <DatePicker format="DD/MM/YYYY" placeholder={t('round.deadlineDate')} />
            </Form.Item>
            <Form.Item name="beforeDay" noStyle valuePropName="checked">
              <Checkbox data-testid="round-before-day">{t('round.beforeDay')}</Checkbox>
            </Form.Item>
            {!before && (
              <Form.Item name="deadlineTime" noStyle>
                <TimePicker format="HH:mm" minuteStep={5} />
              </Form.Item>
            )}
          </Space>
        </Form.Item>
        <Form.Item name="latePolicy" label={t('round.latePolicy')}>
          <Radio.Group
            options={[
              { value: 'refuse', label: t('round.latePolicy.refuse') },
              { value: 'accept-late', label: t('round.latePolicy.accept-late') },
            ]}
          />
        </Form.Item>
        <Form.Item name="missingPolicy" label={t('round.missingPolicy')}>
          <Radio.Group>
            <Space direction="vertical">
              <Radio value="wait-all">{missingPolicyText['wait-all']}</Radio>
              <Radio value="mean-of-received">{missingPolicyText['mean-of-received']}</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="tieBreakers" label={t('round.tieBreakers')} extra={t('round.tieBreakersHint')}>
          <Select
            mode="multiple"
            allowClear
            options={tieBreakers.map((k) => ({ value: k, label: tieBreakerLabels[k] }))}
          />
        </Form.Item>
        <Form.Item name="officerMaySubmit" label={t('round.officerMaySubmit')} valuePropName="checked">
          <Switch data-testid="round-officer-may-submit" />
        </Form.Item>
        <Alert type="info" showIcon message={<Typography.Text>{t('round.lockNotice')}</Typography.Text>} />
      </Form>
    </Modal>
  );
}
