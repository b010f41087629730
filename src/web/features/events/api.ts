import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAttendanceRequest, TEvent, TEventInput, TEventList } from '../../../shared/events';
import { apiGet, apiSend, apiUpload } from '../../api/client';

export const eventKeys = {
  list: (yearId: string) => ['events', yearId] as const,
  one: (id: string) => ['event', id] as const,
};

export const useEvents = (yearId: string, enabled = true) =>
  useQuery({
    queryKey: eventKeys.list(yearId),
    queryFn: () => apiGet<TEventList>(`/api/years/${yearId}/events`),
    enabled: enabled && Boolean(yearId),
  });

export const useEvent = (id: string) =>
  useQuery({
    queryKey: eventKeys.one(id),
    queryFn: () => apiGet<TEvent>(`/api/events/${id}`),
    enabled: Boolean(id),
  });

/** A change to events: refreshes the events, the plan's tasks (minutes complete them) and notifications. */
function useEventMutation<V>(fn: (vars: V) => Promise<TEvent>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        ['events', 'event', 'tasks', 'notifications'].map((k) => client.invalidateQueries({ queryKey: [k] })),
      );
    },
  });
}

export const useCreateEvent = (yearId: string) =>
  useEventMutation((body: TEventInput) => apiSend<TEvent>('POST', `/api/years/${yearId}/events`, body));
export const useUpdateEvent = (id: string) =>
  useEventMutation((body: TEventInput) => apiSend<TEvent>('PUT', `/api/events/${id}`, body));
export const useCancelEvent = (id: string) =>
  useEventMutation(() => apiSend<TEvent>('POST', `/api/events/${id}/cancel`));
export const useAttendance = (id: string) =>
  useEventMutation((body: TAttendanceRequest) =>
    apiSend<TEvent>('PUT', `/api/events/${id}/attendance`, body),
  );
export const useAttachToEvent = (id: string) =>
  useEventMutation((v: { kind: 'minutes' | 'agenda' | 'other'; file: File }) =>
    apiUpload<TEvent>(`/api/events/${id}/attachments?kind=${v.kind}`, v.file, v.file.name),
  );

export const attachmentUrl = (id: string) => `/api/attachments/${id}/file`;
