import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TApproval, TApprovalRequest } from '../../../shared/approvals';
import { apiGet, apiSend } from '../../api/client';

export const approvalKeys = {
  mine: ['approvals', 'mine'] as const,
  year: (yearId: string, status: 'pending' | 'all') => ['approvals', yearId, status] as const,
};

/** What waits for my decision (head's leader, deputy's leader, board). */
export const useMyApprovals = (enabled = true) =>
  useQuery({
    queryKey: approvalKeys.mine,
    queryFn: () => apiGet<TApproval[]>('/api/approvals/mine'),
    enabled,
  });

/** A year's requests (head, deputy, board). */
export const useYearApprovals = (yearId: string, status: 'pending' | 'all', enabled = true) =>
  useQuery({
    queryKey: approvalKeys.year(yearId, status),
    queryFn: () => apiGet<TApproval[]>(`/api/years/${yearId}/approvals`, { status }),
    enabled,
  });

/** After any request or decision, everything it may change is read again. */
function useApprovalMutation<TVars>(fn: (vars: TVars) => Promise<TApproval>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        ['approvals', 'rounds', 'round', 'plan', 'home'].map((k) =>
          client.invalidateQueries({ queryKey: [k] }),
        ),
      );
    },
  });
}

export const useRequestApproval = () =>
  useApprovalMutation((body: TApprovalRequest) => apiSend<TApproval>('POST', '/api/approvals', body));
export const useApprove = () =>
  useApprovalMutation((v: { id: string; note?: string }) =>
    apiSend<TApproval>('POST', `/api/approvals/${v.id}/approve`, { note: v.note ?? '' }),
  );
export const useRefuse = () =>
  useApprovalMutation((v: { id: string; note: string }) =>
    apiSend<TApproval>('POST', `/api/approvals/${v.id}/refuse`, { note: v.note }),
  );
export const useWithdraw = () =>
  useApprovalMutation((id: string) => apiSend<TApproval>('POST', `/api/approvals/${id}/withdraw`));
