import type { YearCan } from '../../../domain/access';
import { useHome, type THomeYear } from '../home/api';

export interface YearContext {
  loading: boolean;
  year: THomeYear | undefined;
  /** What the signed-in user may do in the year, as the server decided it. */
  can: YearCan;
}

const nothing: YearCan = {
  read: false,
  prepare: false,
  publishPlan: 'none',
  readPlanDraft: false,
  readBoard: false,
  urge: false,
  ownTasks: false,
  readApprovals: false,
  submitRegistration: false,
  draftCovenant: false,
  publishCovenant: false,
  commentCovenant: false,
  signCovenant: false,
  manageEvents: false,
  publishExemplars: false,
  markExemplars: false,
  nominate: false,
  readNominations: false,
  readProposal: false,
  prepareProposal: false,
  sendProposal: false,
  readDossier: false,
  recordDecision: false,
};

/** The bloc-year (from the home answer) and the server's permissions for the signed-in user in it. */
export function useYearContext(yearId: string): YearContext {
  const home = useHome();
  const year = home.data?.years.find((y) => y.id === yearId);
  return { loading: home.isPending, year, can: year?.can ?? nothing };
}
