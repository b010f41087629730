import { useHome, type THomeYear } from '../home/api';
import { useMe } from '../auth/api';

export interface YearContext {
  loading: boolean;
  year: THomeYear | undefined;
  isHead: boolean;
  /** Head or deputy: reads the working copy, urges late units. */
  runsYear: boolean;
  /** Head, deputy or the city board: the progress board. */
  seesBoard: boolean;
  /** An officer or leader of a member unit: has its own tasks and calendar. */
  hasTasks: boolean;
}

/** The bloc-year (from the home answer) and what the signed-in user may do in it. */
export function useYearContext(yearId: string): YearContext {
  const home = useHome();
  const me = useMe();
  const year = home.data?.years.find((y) => y.id === yearId);
  const role = me.data?.role;
  const isHead = year?.myRole === 'head';
  const runsYear = isHead || year?.myRole === 'deputy';
  return {
    loading: home.isPending || me.isPending,
    year,
    isHead,
    runsYear,
    seesBoard: runsYear || role === 'board',
    hasTasks: (role === 'officer' || role === 'leader') && Boolean(year?.myRole),
  };
}
