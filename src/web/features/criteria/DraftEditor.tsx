import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Space, Statistic } from 'antd';
import { PlusOutlined, SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { grandMax, leaves, validateTree } from '../../../domain/criteria';
import { formatHundredths } from '../../../domain/points';
import type { TCriteriaSet } from '../../../shared/criteria';
import { ApiError } from '../../api/client';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useSaveCriteria } from './api';
import { CriteriaImport } from './CriteriaImport';
import { CriteriaTreeTable } from './CriteriaTreeTable';
import { addSection } from './treeOps';

/** Head: edits a draft criteria set inline, checks it live with the domain rules, saves it. */
export function DraftEditor({ yearId, set }: { yearId: string; set: TCriteriaSet }) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [tree, setTree] = useState(set.tree);
  const [name, setName] = useState(set.name);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const save = useSaveCriteria(yearId, set.id);
  const issues = useMemo(() => validateTree(tree), [tree]);
  const errors = { ...Object.fromEntries(issues.map((i) => [i.criterionId, i.message])), ...serverErrors };
  const changed = tree !== set.tree || name !== set.name;

  const onSave = () =>
    save.mutate(
      { name, tree },
      {
        onSuccess: () => void message.success(t('common.saved')),
        onError: (err) => {
          showError(err);
          if (err instanceof ApiError) setServerErrors(err.body.fieldErrors ?? {});
        },
      },
    );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Space size={32} wrap align="end">
          <div>
            <div>{t('criteria.name')}</div>
            <Input
              style={{ width: 'min(420px, calc(100vw - 96px))' }}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <Statistic title={t('criteria.grandMax')} value={formatHundredths(grandMax(tree))} />
          <Statistic title={t('criteria.leaves')} value={leaves(tree).length} />
          <Space>
            <Button
              icon={<UndoOutlined />}
              disabled={!changed}
              onClick={() => (setTree(set.tree), setName(set.name), setServerErrors({}))}
            >
              {t('criteria.discard')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              loading={save.isPending}
              onClick={onSave}
              data-testid="criteria-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        </Space>
      </Card>
      {issues.length > 0 && (
        <Alert type="warning" showIcon message={t('criteria.issues', { count: issues.length })} />
      )}
      <CriteriaTreeTable
        tree={tree}
        errors={errors}
        onChange={(next) => (setTree(next), setServerErrors({}))}
      />
      <Button icon={<PlusOutlined />} onClick={() => setTree(addSection(tree))}>
        {t('criteria.addSection')}
      </Button>
      <Card title={t('criteria.importTitle')} size="small">
        <CriteriaImport yearId={yearId} setId={set.id} name={name} />
      </Card>
    </Space>
  );
}
