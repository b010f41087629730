import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TBallot } from '../../../shared/ballots';
import type {
  TAwardRules,
  TAwardRulesSave,
  TNominationAdd,
  TNominationBallot,
  TNominations,
} from '../../../shared/nominations';
import { apiGet, apiSend } from '../../api/client';

const keys = {
  lines: (yearId: string) => ['nominations', yearId] as const,
  rules: (yearId: string) => ['award-rules', yearId] as const,
};

export const useNominations = (yearId: string) =>
  useQuery({
    queryKey: keys.lines(yearId),
    queryFn: () => apiGet<TNominations>(`/api/years/${yearId}/nominations`),
  });
export const useAwardRules = (yearId: string) =>
  useQuery({
    queryKey: keys.rules(yearId),
    queryFn: () => apiGet<TAwardRules>(`/api/years/${yearId}/award-rules`),
  });

/** A change to the lines answers the new lines: the cache takes them as they are. */
function useLinesMutation<TVars>(yearId: string, fn: (vars: TVars) => Promise<TNominations>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (data) => client.setQueryData(keys.lines(yearId), data),
  });
}

export const useDraftNominations = (yearId: string) =>
  useLinesMutation(yearId, () => apiSend<TNominations>('POST', `/api/years/${yearId}/nominations/draft`));
export const useRemoveNomination = (yearId: string) =>
  useLinesMutation(yearId, (v: { lineId: string; reason: string }) =>
    apiSend<TNominations>('POST', `/api/years/${yearId}/nominations/lines/${v.lineId}/remove`, {
      reason: v.reason,
    }),
  );
export const useAddNomination = (yearId: string) =>
  useLinesMutation(yearId, (body: TNominationAdd) =>
    apiSend<TNominations>('POST', `/api/years/${yearId}/nominations/lines`, body),
  );

export const useSaveAwardRules = (yearId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TAwardRulesSave) =>
      apiSend<TAwardRules>('PUT', `/api/years/${yearId}/award-rules`, body),
    onSuccess: (data) => client.setQueryData(keys.rules(yearId), data),
  });
};

export const useBallotFromNominations = (yearId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TNominationBallot) =>
      apiSend<TBallot>('POST', `/api/years/${yearId}/nominations/ballot`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ballots'] }),
  });
};
