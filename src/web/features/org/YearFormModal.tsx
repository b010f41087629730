import { App, Form, InputNumber, Modal, Select, Skeleton, Transfer } from 'antd';
import type { TYearCreateRequest } from '../../../shared/org';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useBlocs, useCreateYear, useUnits, useUpdateYear, useYear } from './api';

interface Values {
  blocId: string;
  year: number;
  unitIds: string[];
  headUnitId?: string | null;
  deputyUnitId?: string | null;
}

interface Props {
  yearId: string | null;
  defaultBlocId?: string;
  onClose: () => void;
}

/** Create an emulation year for a bloc, or edit its members, head and deputy. */
export function YearFormModal({ yearId, defaultBlocId, onClose }: Props) {
  const t = useT();
  const detail = useYear(yearId);
  const title = yearId ? t('year.editTitle') : t('year.new');
  if (yearId && !detail.data) {
    return (
      <Modal open title={title} footer={null} onCancel={onClose}>
        <Skeleton active />
      </Modal>
    );
  }
  const initial: Partial<Values> = detail.data
    ? {
        blocId: detail.data.blocId,
        year: detail.data.year,
        unitIds: detail.data.members.map((m) => m.id),
        headUnitId: detail.data.headUnitId,
        deputyUnitId: detail.data.deputyUnitId,
      }
    : { blocId: defaultBlocId, year: new Date().getFullYear(), unitIds: [] };
  return <YearForm yearId={yearId} title={title} initial={initial} onClose={onClose} />;
}

function YearForm({
  yearId,
  title,
  initial,
  onClose,
}: {
  yearId: string | null;
  title: string;
  initial: Partial<Values>;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const blocs = useBlocs();
  const units = useUnits();
  const create = useCreateYear();
  const update = useUpdateYear();
  const showError = useShowError();
  const { message } = App.useApp();
  const chosen = Form.useWatch('unitIds', form) ?? initial.unitIds ?? [];

  const allUnits = units.data ?? [];
  const memberOptions = allUnits
    .filter((u) => chosen.includes(u.id))
    .map((u) => ({ value: u.id, label: u.name }));

  const onFinish = (v: Values) => {
    const headUnitId = v.headUnitId && v.unitIds.includes(v.headUnitId) ? v.headUnitId : null;
    const deputyUnitId = v.deputyUnitId && v.unitIds.includes(v.deputyUnitId) ? v.deputyUnitId : null;
    const done = {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: (err: unknown) => showError(err, form),
    };
    if (yearId) {
      update.mutate({ id: yearId, patch: { unitIds: v.unitIds, headUnitId, deputyUnitId } }, done);
    } else {
      const body: TYearCreateRequest = {
        blocId: v.blocId,
        year: v.year,
        unitIds: v.unitIds,
        headUnitId,
        deputyUnitId,
      };
      create.mutate(body, done);
    }
  };

  return (
    <Modal
      open
      width={820}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} initialValues={initial}>
        <Form.Item name="blocId" label={t('year.bloc')} rules={[{ required: true }]}>
          <Select
            disabled={yearId !== null}
            showSearch
            optionFilterProp="label"
            loading={blocs.isPending}
            options={(blocs.data ?? []).map((b) => ({ value: b.id, label: b.name }))}
          />
        </Form.Item>
        <Form.Item
          name="year"
          label={t('year.year')}
          rules={[{ required: true, type: 'integer', min: 2000, max: 2100 }]}
        >
          <InputNumber disabled={yearId !== null} min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="unitIds" label={t('year.members')} valuePropName="targetKeys">
          <Transfer
            showSearch
            dataSource={allUnits.map((u) => ({ key: u.id, title: u.name, disabled: u.disabled }))}
            render={(item) => item.title}
            filterOption={(input, item) => item.title.toLowerCase().includes(input.toLowerCase())}
            titles={[t('year.available'), t('year.chosen')]}
            styles={{ section: { width: 360, height: 320 } }}
          />
        </Form.Item>
        <Form.Item name="headUnitId" label={t('year.head')}>
          <Select allowClear showSearch optionFilterProp="label" options={memberOptions} />
        </Form.Item>
        <Form.Item
          name="deputyUnitId"
          label={t('year.deputy')}
          dependencies={['headUnitId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                value && value === getFieldValue('headUnitId')
                  ? Promise.reject(new Error(t('year.headDeputySame')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select allowClear showSearch optionFilterProp="label" options={memberOptions} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
