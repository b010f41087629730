import type { HTMLAttributes } from 'react';
import { Button, Card, Form, Input, Select, Space, Table, Tooltip, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { deliverables, responsibleParties, type PlanWarning } from '../../../domain/plans';
import { useT } from '../../i18n/context';
import { roman } from '../../lib/deadline';
import { blankMilestone, type MilestoneValues, type PlanValues } from './editorValues';
import { MilestoneDeadline } from './MilestoneDeadline';

interface Props {
  form: FormInstance<PlanValues>;
  year: number;
  warnings: { warning: PlanWarning; text: string }[];
  readOnly: boolean;
}

interface Row {
  key: number;
  name: number;
}

/** The milestones by quarter: what, who, by when (Vietnam time), and what completes it. */
export function MilestonesEditor({ form, year, warnings, readOnly }: Props) {
  const t = useT();
  const values = (Form.useWatch('milestones', { form, preserve: true }) ?? []) as (
    MilestoneValues | undefined
  )[];
  return (
    <Form.List name="milestones">
      {(fields, { add, remove }) => (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {[1, 2, 3, 4].map((q) => {
            const rows: Row[] = fields
              .filter((f) => values[f.name]?.quarter === q)
              .map((f) => ({ key: f.key, name: f.name }));
            const mine = (name: number) => warnings.filter((w) => w.warning.milestoneId === values[name]?.id);
            return (
              <Card
                key={q}
                size="small"
                title={t('editor.quarterTitle', { quarter: roman(q), year })}
                data-testid={`quarter-${q}`}
                extra={
                  !readOnly && (
                    <Button
                      size="small"
                      icon={<PlusOutlined />}
                      onClick={() => add(blankMilestone(q))}
                      data-testid={`add-milestone-${q}`}
                    >
                      {t('editor.addMilestone')}
                    </Button>
                  )
                }
              >
                <Table<Row>
                  size="small"
                  tableLayout="fixed"
                  pagination={false}
                  dataSource={rows}
                  locale={{ emptyText: t('editor.noMilestones') }}
                  rowClassName={(r) => (mine(r.name).length ? 'milestone-warn' : '')}
                  onRow={(r) => ({ 'data-testid': `milestone-${r.name}` }) as HTMLAttributes<HTMLElement>}
                  columns={[
                    {
                      title: t('editor.milestone'),
                      render: (_, r) => (
                        <Space direction="vertical" size={4} style={{ width: '100%' }}>
                          <Form.Item
                            name={[r.name, 'title']}
                            style={{ marginBottom: 0 }}
                            rules={[{ required: true, min: 2, message: t('editor.titleRequired') }]}
                          >
                            <Input placeholder={t('editor.milestoneTitle')} maxLength={300} />
                          </Form.Item>
                          <Form.Item name={[r.name, 'description']} noStyle>
                            <Input.TextArea
                              placeholder={t('editor.milestoneDescription')}
                              autoSize={{ minRows: 2, maxRows: 6 }}
                              maxLength={4000}
                            />
                          </Form.Item>
                        </Space>
                      ),
                    },
                    {
                      title: t('plan.responsible'),
                      width: 180,
                      render: (_, r) => (
                        <Space direction="vertical" size={4} style={{ width: '100%' }}>
                          <Form.Item name={[r.name, 'responsible']} noStyle>
                            <Select
                              style={{ width: '100%' }}
                              options={responsibleParties.map((p) => ({ value: p, label: t(`party.${p}`) }))}
                            />
                          </Form.Item>
                          <Form.Item name={[r.name, 'quarter']} noStyle>
                            <Select
                              style={{ width: '100%' }}
                              options={[1, 2, 3, 4].map((n) => ({
                                value: n,
                                label: t('editor.inQuarter', { quarter: roman(n) }),
                              }))}
                            />
                          </Form.Item>
                        </Space>
                      ),
                    },
                    {
                      title: t('editor.deadline'),
                      width: 270,
                      render: (_, r) => (
                        <MilestoneDeadline name={r.name} value={values[r.name]} warnings={mine(r.name)} />
                      ),
                    },
                    {
                      title: t('editor.deliverables'),
                      width: 210,
                      render: (_, r) => (
                        <Form.Item
                          name={[r.name, 'deliverables']}
                          style={{ marginBottom: 0 }}
                          rules={[
                            {
                              required: true,
                              type: 'array',
                              min: 1,
                              message: t('editor.deliverablesRequired'),
                            },
                          ]}
                        >
                          <Select
                            mode="multiple"
                            style={{ width: '100%' }}
                            options={deliverables.map((k) => ({ value: k, label: t(`deliverable.${k}`) }))}
                          />
                        </Form.Item>
                      ),
                    },
                    ...(readOnly
                      ? []
                      : [
                          {
                            title: '',
                            width: 48,
                            render: (_: unknown, r: Row) => (
                              <Tooltip title={t('editor.removeMilestone')}>
                                <Button
                                  danger
                                  type="text"
                                  icon={<DeleteOutlined />}
                                  aria-label={t('editor.removeMilestone')}
                                  onClick={() => remove(r.name)}
                                />
                              </Tooltip>
                            ),
                          },
                        ]),
                  ]}
                />
              </Card>
            );
          })}
        </Space>
      )}
    </Form.List>
  );
}
