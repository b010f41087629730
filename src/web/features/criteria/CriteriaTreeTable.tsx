import { Button, Input, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SubnodeOutlined } from '@ant-design/icons';
import { criterionKinds, MAX_CRITERIA_DEPTH } from '../../../shared/criteria';
import { hundredthsToInput } from '../../../domain/points';
import type { CriterionNode } from '../../../domain/criteria';
import { useT } from '../../i18n/context';
import { PointsInput } from './PointsInput';
import { addChild, addSibling, removeNode, updateNode } from './treeOps';
import './criteria.css';

interface Props {
  tree: CriterionNode[];
  /** Criterion id → message (live tree checks and the server's answer). */
  errors: Record<string, string>;
  onChange?: (tree: CriterionNode[]) => void;
}

const kindColor = { normal: 'default', bonus: 'green', deduction: 'red' } as const;

/** The criteria tree as an indented table; editable inline when onChange is given (a draft). */
export function CriteriaTreeTable({ tree, errors, onChange }: Props) {
  const t = useT();
  const rows: { node: CriterionNode; depth: number }[] = [];
  const walk = (nodes: CriterionNode[], depth: number) =>
    nodes.forEach((node) => (rows.push({ node, depth }), walk(node.children, depth + 1)));
  walk(tree, 0);
  const edit = onChange;
  const ro = !edit;
  return (
    <div className="criteria-wrap">
      <table className="criteria-table" data-testid="criteria-table">
        <thead>
          <tr>
            <th style={{ width: 70 }}>{t('criteria.code')}</th>
            <th>{t('criteria.text')}</th>
            <th style={{ width: 90 }}>{t('criteria.maxPoints')}</th>
            <th style={{ width: 90 }}>{t('criteria.step')}</th>
            <th style={{ width: 120 }}>{t('criteria.kind')}</th>
            <th style={{ width: '24%' }}>{t('criteria.guidance')}</th>
            {edit && <th style={{ width: 110 }}>{t('common.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ node, depth }) => {
            const set = (patch: Partial<CriterionNode>) => edit?.(updateNode(tree, node.id, patch));
            const error = errors[node.id];
            const leaf = node.children.length === 0;
            return (
              <tr
                key={node.id}
                className={`${leaf ? '' : 'ct-parent'} ${error ? 'ct-error' : ''}`}
                data-testid={`criterion-${node.id}`}
              >
                <td style={{ paddingLeft: 6 + depth * 14 }}>
                  {ro ? (
                    node.code
                  ) : (
                    <Input
                      size="small"
                      value={node.code}
                      onChange={(e) => set({ code: e.target.value })}
                      aria-label={t('criteria.code')}
                    />
                  )}
                </td>
                <td>
                  {ro ? (
                    node.text
                  ) : (
                    <Input.TextArea
                      autoSize
                      size="small"
                      value={node.text}
                      onChange={(e) => set({ text: e.target.value })}
                      aria-label={t('criteria.text')}
                    />
                  )}
                  {error && (
                    <Typography.Text type="danger" className="ct-message">
                      {error}
                    </Typography.Text>
                  )}
                </td>
                <td className="ct-num">
                  {ro ? (
                    hundredthsToInput(node.maxPoints)
                  ) : (
                    <PointsInput
                      value={node.maxPoints}
                      onChange={(v) => set({ maxPoints: v })}
                      aria-label={t('criteria.maxPoints')}
                    />
                  )}
                </td>
                <td className="ct-num">
                  {ro ? (
                    hundredthsToInput(node.step)
                  ) : (
                    <PointsInput
                      value={node.step}
                      onChange={(v) => set({ step: v })}
                      aria-label={t('criteria.step')}
                    />
                  )}
                </td>
                <td>
                  {ro || depth > 0 ? (
                    <Tag color={kindColor[node.kind]}>{t(`criteria.kind.${node.kind}`)}</Tag>
                  ) : (
                    <Select
                      size="small"
                      style={{ width: 110 }}
                      value={node.kind}
                      onChange={(kind) => set({ kind })}
                      options={criterionKinds.map((k) => ({ value: k, label: t(`criteria.kind.${k}`) }))}
                    />
                  )}
                </td>
                <td>
                  {ro ? (
                    <Typography.Text type="secondary">{node.guidance}</Typography.Text>
                  ) : (
                    <Input.TextArea
                      autoSize
                      size="small"
                      value={node.guidance ?? ''}
                      onChange={(e) => set({ guidance: e.target.value || null })}
                      aria-label={t('criteria.guidance')}
                    />
                  )}
                </td>
                {edit && (
                  <td>
                    <Space size={2}>
                      {depth < MAX_CRITERIA_DEPTH - 1 && (
                        <Tooltip title={t('criteria.addChild')}>
                          <Button
                            size="small"
                            icon={<SubnodeOutlined />}
                            onClick={() => edit(addChild(tree, node.id, depth))}
                            aria-label={t('criteria.addChild')}
                          />
                        </Tooltip>
                      )}
                      <Tooltip title={t('criteria.addSibling')}>
                        <Button
                          size="small"
                          icon={<PlusOutlined />}
                          onClick={() => edit(addSibling(tree, node.id, depth))}
                          aria-label={t('criteria.addSibling')}
                        />
                      </Tooltip>
                      <Tooltip title={t('criteria.delete')}>
                        <Button
                          size="small"
                          danger
                          icon={<DeleteOutlined />}
                          onClick={() => edit(removeNode(tree, node.id))}
                          aria-label={t('criteria.delete')}
                        />
                      </Tooltip>
                    </Space>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
