import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCatalogue,
  TCatalogueSave,
  TDispatch,
  TDispatchInput,
  TRegistration,
  TRegistrationInput,
  TRegistrationOverview,
  TUnitRegistration,
} from '../../../shared/registrations';
import { apiGet, apiSend } from '../../api/client';

const keys = {
  mine: (yearId: string) => ['registration', yearId, 'mine'] as const,
  overview: (yearId: string) => ['registration', yearId, 'all'] as const,
  catalogue: (year: number) => ['award-catalogue', year] as const,
};

export const useMyRegistration = (yearId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.mine(yearId),
    queryFn: () => apiGet<TRegistration>(`/api/years/${yearId}/registration`),
    enabled: enabled && Boolean(yearId),
  });

export const useRegistrationOverview = (yearId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.overview(yearId),
    queryFn: () => apiGet<TRegistrationOverview>(`/api/years/${yearId}/registrations`),
    enabled: enabled && Boolean(yearId),
  });

export const useCatalogue = (year: number) =>
  useQuery({
    queryKey: keys.catalogue(year),
    queryFn: () => apiGet<TCatalogue>(`/api/award-catalogue/${year}`),
  });

/** A mutation that refreshes registrations, the unit's tasks and notifications when it succeeds. */
function useRegistrationMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        ['registration', 'award-catalogue', 'tasks', 'notifications'].map((k) =>
          client.invalidateQueries({ queryKey: [k] }),
        ),
      );
    },
  });
}

export const useSaveRegistration = (yearId: string) =>
  useRegistrationMutation((body: TRegistrationInput) =>
    apiSend<TRegistration>('PUT', `/api/years/${yearId}/registration`, body),
  );
export const useSubmitRegistration = (yearId: string) =>
  useRegistrationMutation((body: TRegistrationInput) =>
    apiSend<TRegistration>('POST', `/api/years/${yearId}/registration/submit`, body),
  );
export const useReturnRegistration = () =>
  useRegistrationMutation((v: { id: string; reason: string }) =>
    apiSend<TUnitRegistration>('POST', `/api/registrations/${v.id}/return`, { reason: v.reason }),
  );
export const useAcceptRegistration = () =>
  useRegistrationMutation((id: string) =>
    apiSend<TUnitRegistration>('POST', `/api/registrations/${id}/accept`),
  );
export const useRecordDispatch = (yearId: string) =>
  useRegistrationMutation((body: TDispatchInput) =>
    apiSend<TDispatch[]>('POST', `/api/years/${yearId}/registrations/dispatches`, body),
  );
export const useSaveCatalogue = (year: number) =>
  useRegistrationMutation((body: TCatalogueSave) =>
    apiSend<TCatalogue>('PUT', `/api/award-catalogue/${year}`, body),
  );

export const summaryUrl = (yearId: string, format: 'xlsx' | 'docx') =>
  `/api/years/${yearId}/registrations/summary.${format}`;
