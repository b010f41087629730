import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TBallot, TBallotCreate, TBallotList, TNextYear } from '../../../shared/ballots';
import type { TYearDetail } from '../../../shared/org';
import { apiGet, apiSend } from '../../api/client';

export const ballotKeys = {
  year: (yearId: string) => ['ballots', yearId] as const,
  one: (id: string) => ['ballot', id] as const,
};

export const useBallots = (yearId: string) =>
  useQuery({
    queryKey: ballotKeys.year(yearId),
    queryFn: () => apiGet<TBallotList>(`/api/years/${yearId}/ballots`),
  });

/** A ballot; while it is open the "đã bỏ phiếu x/y" counter is read again every few seconds. */
export const useBallot = (id: string) =>
  useQuery({
    queryKey: ballotKeys.one(id),
    queryFn: () => apiGet<TBallot>(`/api/ballots/${id}`),
    refetchInterval: (q) => (q.state.data?.status === 'open' ? 5000 : false),
  });

export const useYearMembers = (yearId: string) =>
  useQuery({ queryKey: ['year', yearId], queryFn: () => apiGet<TYearDetail>(`/api/years/${yearId}`) });

function useBallotMutation<TVars, TOut>(fn: (vars: TVars) => Promise<TOut>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        ['ballots', 'ballot', 'home'].map((k) => client.invalidateQueries({ queryKey: [k] })),
      );
    },
  });
}

export const useCreateBallot = (yearId: string) =>
  useBallotMutation((body: TBallotCreate) => apiSend<TBallot>('POST', `/api/years/${yearId}/ballots`, body));
export const useBallotAction = () =>
  useBallotMutation((v: { id: string; action: 'open' | 'close' }) =>
    apiSend<TBallot>('POST', `/api/ballots/${v.id}/${v.action}`),
  );
export const useVote = () =>
  useBallotMutation((v: { id: string; choices: Record<string, string> }) =>
    apiSend<{ receipt: string }>('POST', `/api/ballots/${v.id}/vote`, { choices: v.choices }),
  );
export const useDelegate = () =>
  useBallotMutation((v: { id: string; userId: string }) =>
    apiSend<TBallot>('POST', `/api/ballots/${v.id}/delegate`, { userId: v.userId }),
  );
export const useCreateNextYear = (yearId: string) =>
  useBallotMutation(() => apiSend<TNextYear>('POST', `/api/years/${yearId}/next-year`));
