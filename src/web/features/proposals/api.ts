import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TAwardList,
  TAwardSearchQuery,
  TDecisionRequest,
  TProposal,
  TProposalSend,
  TUnitAwards,
} from '../../../shared/proposals';
import { apiGet, apiSend, apiUpload } from '../../api/client';

export const proposalKeys = {
  year: (yearId: string) => ['proposal', yearId] as const,
  unitAwards: (unitId: string) => ['unit-awards', unitId] as const,
  search: (q: TAwardSearchQuery) => ['awards', q] as const,
};

export const useProposal = (yearId: string) =>
  useQuery({
    queryKey: proposalKeys.year(yearId),
    queryFn: () => apiGet<TProposal>(`/api/years/${yearId}/proposal`),
  });

export const useUnitAwards = (unitId: string) =>
  useQuery({
    queryKey: proposalKeys.unitAwards(unitId),
    queryFn: () => apiGet<TUnitAwards>(`/api/units/${unitId}/awards`),
  });

export const useAwardSearch = (q: TAwardSearchQuery) =>
  useQuery({ queryKey: proposalKeys.search(q), queryFn: () => apiGet<TAwardList>('/api/awards', q) });

/** The search's query string, for the .xlsx link. */
export const awardsQueryString = (q: TAwardSearchQuery): string =>
  new URLSearchParams(
    Object.entries(q)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

function useProposalMutation<TVars>(fn: (vars: TVars) => Promise<TProposal>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (p) => {
      client.setQueryData(proposalKeys.year(p.yearId), p);
      void client.invalidateQueries({ queryKey: ['unit-awards'] });
      void client.invalidateQueries({ queryKey: ['awards'] });
    },
  });
}

export const useSendProposal = (yearId: string) =>
  useProposalMutation((body: TProposalSend) =>
    apiSend<TProposal>('POST', `/api/years/${yearId}/proposal/send`, body),
  );
export const useRecordDecision = () =>
  useProposalMutation((v: { lineId: string; body: TDecisionRequest; file: File | null }) =>
    apiSend<TProposal>('PUT', `/api/nominations/${v.lineId}/decision`, v.body).then((p) =>
      v.file ? apiUpload<TProposal>(`/api/nominations/${v.lineId}/decision-file`, v.file, v.file.name) : p,
    ),
  );

/** The board switches a bloc's public results page on or off. */
export function useSwitchPublicResults() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (v: { blocId: string; on: boolean }) =>
      apiSend<{ blocId: string; publicResults: boolean }>('PATCH', `/api/blocs/${v.blocId}/public-results`, {
        publicResults: v.on,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['blocs'] }),
  });
}
