import { App, Col, Form, Input, Modal, Row, Select } from 'antd';
import { eventKinds } from '../../../domain/events';
import { instantToVn, vnWallClockToInstant } from '../../../domain/time';
import type { TEvent, TEventInput, TEventList } from '../../../shared/events';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useCreateEvent, useUpdateEvent } from './api';

interface Values {
  kind: TEventInput['kind'];
  title: string;
  date: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  hostUnitId: string;
  unitIds: string[];
  agenda: string;
  milestoneId: string;
}

const NONE = '';

/** Form values of an event; times are Vietnam wall clock, whatever the browser's time zone. */
function toValues(e: TEvent | null, list: TEventList, headUnitId: string | null): Partial<Values> {
  if (!e) {
    return {
      kind: 'year-end-conference',
      startTime: '08:00',
      endTime: '11:30',
      hostUnitId: headUnitId ?? undefined,
      unitIds: list.units.map((u) => u.id),
      agenda: '',
      milestoneId: NONE,
    };
  }
  const start = instantToVn(e.startsAt);
  const end = instantToVn(e.endsAt);
  return {
    kind: e.kind,
    title: e.title,
    date: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    location: e.location,
    hostUnitId: e.hostUnitId,
    unitIds: e.units.map((u) => u.id),
    agenda: e.agenda,
    milestoneId: e.milestoneId ?? NONE,
  };
}

function toInput(v: Values): TEventInput {
  return {
    kind: v.kind,
    title: v.title,
    startsAt: vnWallClockToInstant(v.date, v.startTime).toISOString(),
    endsAt: vnWallClockToInstant(v.endDate || v.date, v.endTime).toISOString(),
    location: v.location,
    hostUnitId: v.hostUnitId,
    unitIds: v.unitIds,
    agenda: v.agenda,
    milestoneId: v.milestoneId || null,
  };
}

/** The same rule as the server's, so the head sees it before saving (the server still checks). */
function endAfterStart(v: Partial<Values>, endTime: string | undefined, message: string): Promise<void> {
  if (!v.date || !v.startTime || !endTime) return Promise.resolve();
  try {
    const start = vnWallClockToInstant(v.date, v.startTime).getTime();
    const end = vnWallClockToInstant(v.endDate || v.date, endTime).getTime();
    return end > start ? Promise.resolve() : Promise.reject(new Error(message));
  } catch {
    return Promise.resolve();
  }
}

/** Creates or edits an event (the head). */
export function EventEditor({
  yearId,
  list,
  event,
  headUnitId,
  onClose,
}: {
  yearId: string;
  list: TEventList;
  event: TEvent | null;
  headUnitId: string | null;
  onClose: (saved?: TEvent) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateEvent(yearId);
  const update = useUpdateEvent(event?.id ?? '');
  const save = event ? update : create;
  const showError = useShowError();
  const { message } = App.useApp();
  const required = [{ required: true, message: t('events.required') }];
  const units = list.units.map((u) => ({ value: u.id, label: u.name }));

  const submit = (v: Values) =>
    save.mutate(toInput(v), {
      onSuccess: (saved) => {
        void message.success(t('events.saved'));
        onClose(saved);
      },
      onError: (e) => showError(e, form),
    });

  return (
    <Modal
      open
      width={760}
      title={event ? t('events.edit') : t('events.create')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      okButtonProps={{ 'data-testid': 'event-save' }}
    >
      <Form
        form={form}
        layout="vertical"
        name="event"
        onFinish={submit}
        initialValues={toValues(event, list, headUnitId)}
      >
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="kind" label={t('events.kind')} rules={required}>
              <Select options={eventKinds.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="title" label={t('events.name')} rules={[...required, { min: 2 }]}>
              <Input maxLength={300} data-testid="event-title" />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={7}>
            <Form.Item name="date" label={t('events.date')} rules={required}>
              <Input type="date" data-testid="event-date" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="startTime" label={t('events.startTime')} rules={required}>
              <Input type="time" data-testid="event-start" />
            </Form.Item>
          </Col>
          <Col span={7}>
            <Form.Item name="endDate" label={t('events.endDate')}>
              <Input type="date" data-testid="event-end-date" />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item
              name="endTime"
              label={t('events.endTime')}
              dependencies={['date', 'startTime', 'endDate']}
              rules={[
                ...required,
                {
                  validator: (_, v: string | undefined) =>
                    endAfterStart(form.getFieldsValue(), v, t('events.endBeforeStart')),
                },
              ]}
              extra={t('events.vnTime')}
            >
              <Input type="time" data-testid="event-end" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="location" label={t('events.location')} rules={[...required, { min: 2 }]}>
          <Input maxLength={300} data-testid="event-location" />
        </Form.Item>
        <Row gutter={12}>
          <Col span={10}>
            <Form.Item name="hostUnitId" label={t('events.host')} rules={required}>
              <Select options={units} showSearch optionFilterProp="label" />
            </Form.Item>
          </Col>
          <Col span={14}>
            <Form.Item name="milestoneId" label={t('events.milestone')}>
              <Select
                data-testid="event-milestone"
                options={[
                  { value: NONE, label: t('events.milestoneNone') },
                  ...list.milestones.map((m) => ({ value: m.id, label: m.title })),
                ]}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="unitIds" label={t('events.units')} rules={required}>
          <Select mode="multiple" options={units} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="agenda" label={t('events.agenda')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={8000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
