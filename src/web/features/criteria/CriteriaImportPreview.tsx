import { useState } from 'react';
import { Alert, Descriptions, Modal, Select, Table, Typography } from 'antd';
import { grandMax, type CriterionKind, type CriterionNode } from '../../../domain/criteria';
import { formatHundredths } from '../../../domain/points';
import type { TCriteriaImportPreview } from '../../../shared/criteria';
import { criterionKinds } from '../../../shared/criteria';
import { useT } from '../../i18n/context';
import { CriteriaTreeTable } from './CriteriaTreeTable';

/** A section and everything under it take one kind (the tree's rule: a child has its parent's kind). */
function withKind(node: CriterionNode, kind: CriterionKind): CriterionNode {
  return { ...node, kind, children: node.children.map((c) => withKind(c, kind)) };
}

interface Props {
  preview: TCriteriaImportPreview;
  saving: boolean;
  onSave: (tree: CriterionNode[]) => void;
  onCancel: () => void;
}

/**
 * What a criteria file was read as, before anything is saved: every section with its kind and maximum
 * (the head may change a kind), the whole tree, and the rows that were skipped.
 */
export function CriteriaImportPreview({ preview, saving, onSave, onCancel }: Props) {
  const t = useT();
  const [tree, setTree] = useState(preview.tree);
  const setKind = (id: string, kind: CriterionKind) =>
    setTree((prev) => prev.map((n) => (n.id === id ? withKind(n, kind) : n)));
  return (
    <Modal
      open
      width={1000}
      title={t('criteria.previewTitle')}
      okText={t('criteria.previewSave')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'criteria-preview-save' }}
      onOk={() => onSave(tree)}
      onCancel={onCancel}
    >
      <div data-testid="criteria-preview">
        <Alert type="info" showIcon message={t('criteria.previewHint')} style={{ marginBottom: 12 }} />
        <Descriptions size="small" column={3} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('criteria.previewHeaderRow')}>{preview.headerRow}</Descriptions.Item>
          <Descriptions.Item label={t('criteria.grandMax')}>
            {formatHundredths(grandMax(tree))}
          </Descriptions.Item>
          <Descriptions.Item label={t('criteria.leaves')}>{preview.leafCount}</Descriptions.Item>
        </Descriptions>
        <Table<CriterionNode>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={tree}
          data-testid="criteria-preview-sections"
          // The sections only: their criteria are in the tree below.
          expandable={{ childrenColumnName: 'none' }}
          columns={[
            { title: t('criteria.code'), dataIndex: 'code', width: 70 },
            { title: t('criteria.text'), dataIndex: 'text' },
            {
              title: t('criteria.kind'),
              key: 'kind',
              width: 170,
              render: (_: unknown, n) => (
                <Select<CriterionKind>
                  size="small"
                  style={{ width: 150 }}
                  value={n.kind}
                  onChange={(k) => setKind(n.id, k)}
                  options={criterionKinds.map((k) => ({ value: k, label: t(`criteria.kind.${k}`) }))}
                  data-testid={`preview-kind-${n.code}`}
                />
              ),
            },
            {
              title: t('criteria.maxPoints'),
              dataIndex: 'maxPoints',
              width: 100,
              align: 'right',
              render: (v: number) => formatHundredths(v),
            },
          ]}
        />
        {preview.warnings.length > 0 && (
          <Alert
            style={{ marginTop: 12 }}
            type="warning"
            showIcon
            message={t('criteria.previewSkipped', { count: preview.warnings.length })}
            description={preview.warnings.map((w) => (
              <div key={`${String(w.row)}:${w.message}`}>
                {t('import.row')} {w.row}: {w.message}
              </div>
            ))}
          />
        )}
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t('criteria.previewTree')}
        </Typography.Title>
        <div style={{ maxHeight: 360, overflow: 'auto' }}>
          <CriteriaTreeTable tree={tree} errors={{}} />
        </div>
      </div>
    </Modal>
  );
}
