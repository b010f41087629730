import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TExemplar, TExemplarInput, TExemplarList } from '../../../shared/events';
import { apiGet, apiSend, apiUpload } from '../../api/client';

export const useExemplars = (yearId: string, q: string, presented: 'all' | 'yes') =>
  useQuery({
    queryKey: ['exemplars', yearId, q, presented],
    queryFn: () => apiGet<TExemplarList>(`/api/years/${yearId}/exemplars`, { q, presented }),
    enabled: Boolean(yearId),
    placeholderData: keepPreviousData,
  });

function useExemplarMutation<V>(fn: (vars: V) => Promise<TExemplar>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => client.invalidateQueries({ queryKey: ['exemplars'] }),
  });
}

export const usePublishExemplar = (yearId: string) =>
  useExemplarMutation((body: TExemplarInput) =>
    apiSend<TExemplar>('POST', `/api/years/${yearId}/exemplars`, body),
  );
export const useUpdateExemplar = () =>
  useExemplarMutation((v: { id: string; body: TExemplarInput }) =>
    apiSend<TExemplar>('PUT', `/api/exemplars/${v.id}`, v.body),
  );
export const useMarkExemplar = () =>
  useExemplarMutation((v: { id: string; present: boolean }) =>
    apiSend<TExemplar>('POST', `/api/exemplars/${v.id}/present`, { present: v.present }),
  );
export const useAttachToExemplar = () =>
  useExemplarMutation((v: { id: string; file: File }) =>
    apiUpload<TExemplar>(`/api/exemplars/${v.id}/attachments`, v.file, v.file.name),
  );
