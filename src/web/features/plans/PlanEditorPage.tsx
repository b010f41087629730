import { Result, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { useT } from '../../i18n/context';
import { usePlan } from './api';
import { PlanEditor } from './PlanEditor';
import { useYearContext } from './yearContext';

/** /years/:yearId/plan/edit — the working copy: the head edits and publishes, the deputy reads. */
export function PlanEditorPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const ctx = useYearContext(yearId);
  const plan = usePlan(yearId);
  if (plan.isError) {
    return (
      <Result status="error" title={t('editor.title')} subTitle={plan.error.message || t('common.error')} />
    );
  }
  if (ctx.loading || plan.isPending) return <Skeleton active />;
  if (!plan.data) return <Result status="info" title={t('editor.title')} subTitle={t('plan.none')} />;
  if (!plan.data.draft) return <Result status="403" title="403" subTitle={t('editor.onlyHead')} />;
  return <PlanEditor key={plan.data.id} plan={plan.data} readOnly={!ctx.can.prepare} />;
}
