import { Button, Form, Input, Space } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/context';

/** An editable list of paragraphs or lines (legal bases, purposes, recipients…). */
export function StringList({
  name,
  addLabel,
  rows = 2,
  testId,
}: {
  name: string | (string | number)[];
  addLabel: string;
  rows?: number;
  testId: string;
}) {
  const t = useT();
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }} data-testid={testId}>
          {fields.map((f) => (
            <Space.Compact key={f.key} style={{ width: '100%' }}>
              <Form.Item name={f.name} noStyle>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: rows > 1 ? 8 : 2 }} maxLength={4000} />
              </Form.Item>
              <Button
                icon={<DeleteOutlined />}
                aria-label={t('plan.removeLine')}
                onClick={() => remove(f.name)}
              />
            </Space.Compact>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')}>
            {addLabel}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
