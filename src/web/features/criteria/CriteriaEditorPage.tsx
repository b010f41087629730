import { Alert, Button, Empty, Result, Skeleton, Space } from 'antd';
import { CopyOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useShowError } from '../../components/useShowError';
import { useT } from '../../i18n/context';
import { useHome } from '../home/api';
import { useStartDraft, useYearCriteria } from './api';
import { CriteriaStatusTag } from './CriteriaSummaryCard';
import { CriteriaTreeTable } from './CriteriaTreeTable';
import { DraftEditor } from './DraftEditor';

/** /years/:yearId/criteria — the head edits the draft; a locked set is read-only with "new version". */
export function CriteriaEditorPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const home = useHome();
  const criteria = useYearCriteria(yearId);
  const start = useStartDraft(yearId);
  const showError = useShowError();

  if (criteria.isError) {
    return <Result status="info" title={t('criteria.title')} subTitle={criteria.error.message} />;
  }
  if (home.isPending || criteria.isPending) return <Skeleton active />;
  const year = home.data?.years.find((y) => y.id === yearId);
  const prepares = year?.can.prepare ?? false;
  const set = criteria.data.set;
  const newVersion = prepares && set?.status !== 'draft' && (
    <Button
      icon={set ? <CopyOutlined /> : <PlusOutlined />}
      loading={start.isPending}
      onClick={() => start.mutate(undefined, { onError: (e) => showError(e) })}
      data-testid="criteria-new-version"
    >
      {t(set ? 'criteria.newVersion' : 'criteria.create')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={
          year
            ? `${t('criteria.title')} — ${t('home.yearTitle', { bloc: year.blocName, year: year.year })}`
            : t('criteria.title')
        }
        extra={
          <Space wrap>
            {set && <CriteriaStatusTag set={set} />}
            {set && t('criteria.version', { version: set.version })}
            {newVersion}
            <Link to={`/years/${yearId}/scoring`}>
              <Button>{t('scoring.hubTitle')}</Button>
            </Link>
          </Space>
        }
      />
      {!set && <Empty description={t('criteria.none')} />}
      {set?.status === 'draft' && prepares && (
        <DraftEditor key={`${set.id}:${set.updatedAt}`} yearId={yearId} set={set} />
      )}
      {set && (set.status === 'locked' || !prepares) && (
        <Space direction="vertical" style={{ width: '100%' }}>
          {set.status === 'locked' && <Alert type="info" showIcon message={t('criteria.lockedHint')} />}
          <CriteriaTreeTable tree={set.tree} errors={{}} />
        </Space>
      )}
    </>
  );
}
