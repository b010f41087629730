import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TAwardRule } from '../../../shared/nominations';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useAwardRules, useSaveAwardRules } from './api';

/** The year's award rules: the head edits them (in order); members read them. */
export function RulesCard({ yearId }: { yearId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const rules = useAwardRules(yearId);
  const save = useSaveAwardRules(yearId);
  const [form] = Form.useForm<{ rules: TAwardRule[] }>();
  if (!rules.data) return null;
  const edit = rules.data.can.edit;
  const submit = (v: { rules: TAwardRule[] }) =>
    save.mutate(
      {
        rules: (v.rules ?? []).map((r) => ({
          ...r,
          minScore: r.minScore ?? null,
          requiresRegistration: !!r.requiresRegistration,
        })),
      },
      {
        onSuccess: () => void message.success(t('nom.rulesSaved')),
        onError: (e) => showError(e),
      },
    );
  return (
    <Card title={t('nom.rules')} size="small" style={{ marginBottom: 16 }} data-testid="award-rules">
      <Typography.Paragraph type="secondary">{t('nom.rulesHint')}</Typography.Paragraph>
      {rules.data.source === 'default' && (
        <Alert type="info" showIcon message={t('nom.rulesDefault')} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={!edit}
        initialValues={{ rules: rules.data.rules }}
        onFinish={submit}
      >
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f, i) => (
                <Space key={f.key} wrap align="end" style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{i + 1}.</Typography.Text>
                  <Form.Item
                    name={[f.name, 'awardCode']}
                    label={t('nom.awardCode')}
                    rules={[{ required: true }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'awardName']}
                    label={t('nom.awardName')}
                    rules={[{ required: true }]}
                    style={{ marginBottom: 0 }}
                  >
                    <Input style={{ width: 260, maxWidth: '80vw' }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'places']}
                    label={t('nom.places')}
                    rules={[{ required: true }]}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber min={1} max={100} style={{ width: 80 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'minScore']}
                    label={t('nom.minScore')}
                    style={{ marginBottom: 0 }}
                  >
                    <InputNumber min={0} step={0.5} decimalSeparator="," style={{ width: 100 }} />
                  </Form.Item>
                  <Form.Item
                    name={[f.name, 'requiresRegistration']}
                    valuePropName="checked"
                    style={{ marginBottom: 0 }}
                  >
                    <Checkbox>{t('nom.requiresRegistration')}</Checkbox>
                  </Form.Item>
                  {edit && (
                    <Button
                      icon={<DeleteOutlined />}
                      onClick={() => remove(f.name)}
                      aria-label={t('common.close')}
                    />
                  )}
                </Space>
              ))}
              {edit && (
                <Space wrap>
                  <Button
                    icon={<PlusOutlined />}
                    onClick={() => add({ places: 1, requiresRegistration: true, minScore: null })}
                  >
                    {t('nom.addRule')}
                  </Button>
                  <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-rules">
                    {t('nom.saveRules')}
                  </Button>
                </Space>
              )}
            </>
          )}
        </Form.List>
      </Form>
    </Card>
  );
}
