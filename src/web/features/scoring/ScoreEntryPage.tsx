import { useState } from 'react';
import { Alert, Result, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/context';
import { useMe } from '../auth/api';
import { useCriteriaSet } from '../criteria/api';
import { useMySheets } from './api';
import { ScoreWorkspace } from './ScoreWorkspace';

/** /rounds/:roundId/sheets — the caller's unit scores itself and every other unit. */
export function ScoreEntryPage() {
  const t = useT();
  const { roundId = '' } = useParams();
  const me = useMe();
  const mySheets = useMySheets(roundId);
  const criteria = useCriteriaSet(mySheets.data?.round.criteriaSetId);
  const [generation, setGeneration] = useState(0);

  if (mySheets.isError) {
    const err = mySheets.error;
    const forbidden = err instanceof ApiError && (err.status === 403 || err.status === 404);
    return (
      <Result
        status={forbidden ? 'info' : 'error'}
        title={t('scoring.entryTitle')}
        subTitle={err.message || t('common.error')}
      />
    );
  }
  if (criteria.isError) {
    return <Alert type="error" showIcon message={criteria.error.message || t('common.error')} />;
  }
  if (mySheets.isPending || criteria.isPending || !me.data) return <Skeleton active />;
  const set = criteria.data;
  const data = mySheets.data;
  const canSubmit = data.round.can.submit;
  const reload = () => {
    void mySheets.refetch().then(() => setGeneration((g) => g + 1));
  };
  return (
    <ScoreWorkspace key={generation} data={data} tree={set.tree} canSubmit={canSubmit} onReload={reload} />
  );
}
