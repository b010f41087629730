import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { TChangePasswordRequest, TDemoAccountsResponse, TLoginRequest, TMe } from '../../../shared/auth';
import { ApiError, apiGet, apiSend } from '../../api/client';
import { homeQuery } from '../home/api';

export const meKey = ['me'] as const;

/** The signed-in user; null when there is no session. */
export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async () => {
      try {
        return await apiGet<TMe>('/api/auth/me');
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
    staleTime: 60_000,
  });
}

/** Public list of demo accounts (empty unless the server runs in demo mode). */
export function useDemoAccounts() {
  return useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () => apiGet<TDemoAccountsResponse>('/api/auth/demo-accounts'),
    staleTime: Infinity,
  });
}

/** Signs in, then goes home (or to change-password when the password is temporary). */
export function useLogin() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: (body: TLoginRequest) => apiSend<TMe>('POST', '/api/auth/login', body),
    onSuccess: async (me) => {
      // Nothing cached for a previous session may leak into this one.
      client.clear();
      client.setQueryData(meKey, me);
      // The home page's data is asked for at once, beside its code, not after it has rendered.
      if (!me.mustChangePassword) void client.prefetchQuery(homeQuery);
      await navigate(me.mustChangePassword ? '/change-password' : '/', { replace: true });
    },
  });
}

/** Signs out, forgets every cached answer, and shows the login page. */
export function useLogout() {
  const client = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiSend<{ ok: true }>('POST', '/api/auth/logout'),
    onSettled: async () => {
      client.clear();
      client.setQueryData(meKey, null);
      await navigate('/login', { replace: true });
    },
  });
}

/** Changes the signed-in user's password. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TChangePasswordRequest) =>
      apiSend<{ ok: true }>('POST', '/api/auth/change-password', body),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: meKey });
    },
  });
}
