import { Result, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useT } from '../../i18n/context';
import { PlanNav } from '../plans/PlanNav';
import { useYearContext } from '../plans/yearContext';
import { useMyRegistration } from './api';
import { RegistrationForm } from './RegistrationForm';
import { RegistrationOverview } from './RegistrationOverview';

/**
 * /years/:yearId/registration — "Đăng ký thi đua": a unit's own registration form; for the head, the deputy
 * and the board, every unit's status (the head unit sees both).
 */
export function RegistrationPage() {
  const t = useT();
  const { yearId = '' } = useParams();
  const ctx = useYearContext(yearId);
  const mine = useMyRegistration(yearId, ctx.can.ownTasks);

  if (ctx.loading) return <Skeleton active />;
  const title = t('reg.title', { year: ctx.year?.year ?? '' });
  if (!ctx.can.ownTasks && !ctx.can.readBoard) {
    return <Result status="info" title={title} subTitle={t('reg.onlyMembers')} />;
  }
  return (
    <>
      <PageHeader
        title={title}
        extra={<Link to={`/catalogue?year=${ctx.year?.year ?? ''}`}>{t('cat.title')}</Link>}
      />
      <PlanNav yearId={yearId} active="registration" ctx={ctx} />
      {ctx.can.ownTasks &&
        (mine.isError ? (
          <Result status="error" subTitle={mine.error.message || t('common.error')} />
        ) : mine.data ? (
          <RegistrationForm
            key={`${mine.data.status ?? 'new'}-${mine.data.updatedAt ?? ''}`}
            data={mine.data}
          />
        ) : (
          <Skeleton active />
        ))}
      {ctx.can.readBoard && <RegistrationOverview yearId={yearId} />}
    </>
  );
}
