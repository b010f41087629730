import { Button, DatePicker, Form, Input, Select } from 'antd';
import { auditActionLabels, auditEntityLabels } from '../../../shared/audit';
import { useAuditFacets } from './api';
import type { Dayjs } from 'dayjs';
import { SearchOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/context';

export interface AuditFilterValues {
  action?: string;
  entityType?: string;
  actorLogin?: string;
  from?: string;
  to?: string;
}

interface FormValues {
  action?: string;
  entityType?: string;
  actorLogin?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

/** Filter bar of the audit log. */
export function AuditFilters({ onChange }: { onChange: (filters: AuditFilterValues) => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const facets = useAuditFacets();
  const onFinish = (v: FormValues) => {
    onChange({
      action: v.action?.trim() || undefined,
      entityType: v.entityType?.trim() || undefined,
      actorLogin: v.actorLogin?.trim() || undefined,
      from: v.range?.[0]?.startOf('day').toISOString(),
      to: v.range?.[1]?.endOf('day').toISOString(),
    });
  };
  return (
    <Form form={form} layout="inline" onFinish={onFinish} style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item name="action" label={t('audit.action')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 240 }}
          options={(facets.data?.actions ?? []).map((a) => ({ value: a, label: auditActionLabels[a] ?? a }))}
          data-testid="audit-action"
        />
      </Form.Item>
      <Form.Item name="entityType" label={t('audit.entityType')}>
        <Select
          allowClear
          style={{ width: 170 }}
          options={(facets.data?.entityTypes ?? []).map((e) => ({
            value: e,
            label: auditEntityLabels[e] ?? e,
          }))}
        />
      </Form.Item>
      <Form.Item name="actorLogin" label={t('audit.actor')}>
        <Input allowClear placeholder="admin" style={{ width: 140 }} />
      </Form.Item>
      <Form.Item name="range" label={t('audit.range')}>
        <DatePicker.RangePicker format="DD/MM/YYYY" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
