import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TNotificationKind,
  TNotificationPreferences,
  ZCalendarFeedSchema,
  ZNotificationListSchema,
  ZOutboxSchema,
} from '../../../shared/plans';
import { apiGet, apiSend } from '../../api/client';

export type TNotificationList = z.infer<typeof ZNotificationListSchema>;
export type TOutbox = z.infer<typeof ZOutboxSchema>;
export type TCalendarFeed = z.infer<typeof ZCalendarFeedSchema>;

const keys = {
  list: ['notifications', 'list'] as const,
  prefs: ['notifications', 'preferences'] as const,
  feed: ['notifications', 'calendar-feed'] as const,
  outbox: ['notifications', 'outbox'] as const,
};

/** The signed-in user's latest notifications and unread count (checked every minute). */
export const useNotifications = () =>
  useQuery({
    queryKey: keys.list,
    queryFn: () => apiGet<TNotificationList>('/api/notifications', { limit: 30 }),
    refetchInterval: 60_000,
  });

function useListMutation<TVars>(fn: (vars: TVars) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.list }) });
}

export const useMarkRead = () =>
  useListMutation((id: string) => apiSend('POST', `/api/notifications/${id}/read`));
export const useMarkAllRead = () => useListMutation(() => apiSend('POST', '/api/notifications/read-all'));

export const usePreferences = () =>
  useQuery({
    queryKey: keys.prefs,
    queryFn: () => apiGet<TNotificationPreferences>('/api/notification-preferences'),
  });

export const useSavePreferences = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (email: Partial<Record<TNotificationKind, boolean>>) =>
      apiSend<TNotificationPreferences>('PUT', '/api/notification-preferences', { email }),
    onSuccess: (data) => client.setQueryData(keys.prefs, data),
  });
};

export const useCalendarFeed = (enabled: boolean) =>
  useQuery({ queryKey: keys.feed, queryFn: () => apiGet<TCalendarFeed>('/api/calendar-feed'), enabled });

export const useRotateFeed = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiSend<TCalendarFeed>('POST', '/api/calendar-feed/rotate'),
    onSuccess: (data) => client.setQueryData(keys.feed, data),
  });
};

export const useOutbox = () =>
  useQuery({ queryKey: keys.outbox, queryFn: () => apiGet<TOutbox>('/api/outbox', { limit: 200 }) });
