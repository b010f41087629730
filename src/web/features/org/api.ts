import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TBloc,
  TBlocCreateRequest,
  TUnit,
  TUnitCreateRequest,
  TUser,
  TUserCreateRequest,
  TUserUpdateRequest,
  TYear,
  TYearCreateRequest,
  TYearDetail,
  TYearUpdateRequest,
} from '../../../shared/org';
import { apiGet, apiSend } from '../../api/client';

export const orgKeys = {
  blocs: ['blocs'] as const,
  units: ['units'] as const,
  years: (blocId?: string) => ['years', blocId ?? 'all'] as const,
  year: (id: string) => ['year', id] as const,
  users: ['users'] as const,
};

export const useBlocs = () =>
  useQuery({ queryKey: orgKeys.blocs, queryFn: () => apiGet<TBloc[]>('/api/blocs') });
export const useUnits = () =>
  useQuery({ queryKey: orgKeys.units, queryFn: () => apiGet<TUnit[]>('/api/units') });
export const useUsers = () =>
  useQuery({ queryKey: orgKeys.users, queryFn: () => apiGet<TUser[]>('/api/users') });
export const useYears = (blocId?: string) =>
  useQuery({ queryKey: orgKeys.years(blocId), queryFn: () => apiGet<TYear[]>('/api/years', { blocId }) });
export const useYear = (id: string | null) =>
  useQuery({
    queryKey: orgKeys.year(id ?? ''),
    queryFn: () => apiGet<TYearDetail>(`/api/years/${id ?? ''}`),
    enabled: id !== null,
  });

/** A mutation that refreshes the given caches (and the home page) when it succeeds. */
function useSave<TVars, TResult>(
  fn: (vars: TVars) => Promise<TResult>,
  keys: readonly (readonly string[])[],
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([...keys, ['home']].map((queryKey) => client.invalidateQueries({ queryKey })));
    },
  });
}

export type Patch<T> = { id: string; patch: T };

export const useCreateBloc = () =>
  useSave((b: TBlocCreateRequest) => apiSend<TBloc>('POST', '/api/blocs', b), [orgKeys.blocs, ['years']]);
export const useUpdateBloc = () =>
  useSave(
    ({ id, patch }: Patch<Partial<TBlocCreateRequest>>) => apiSend<TBloc>('PATCH', `/api/blocs/${id}`, patch),
    [orgKeys.blocs, ['years']],
  );

export const useCreateUnit = () =>
  useSave((u: TUnitCreateRequest) => apiSend<TUnit>('POST', '/api/units', u), [orgKeys.units]);
export const useUpdateUnit = () =>
  useSave(
    ({ id, patch }: Patch<Partial<TUnitCreateRequest> & { disabled?: boolean }>) =>
      apiSend<TUnit>('PATCH', `/api/units/${id}`, patch),
    [orgKeys.units, ['year'], orgKeys.users],
  );

export const useCreateYear = () =>
  useSave((y: TYearCreateRequest) => apiSend<TYearDetail>('POST', '/api/years', y), [['years']]);
export const useUpdateYear = () =>
  useSave(
    ({ id, patch }: Patch<TYearUpdateRequest>) => apiSend<TYearDetail>('PATCH', `/api/years/${id}`, patch),
    [['years'], ['year']],
  );

export const useCreateUser = () =>
  useSave((u: TUserCreateRequest) => apiSend<TUser>('POST', '/api/users', u), [orgKeys.users]);
export const useUpdateUser = () =>
  useSave(
    ({ id, patch }: Patch<TUserUpdateRequest>) => apiSend<TUser>('PATCH', `/api/users/${id}`, patch),
    [orgKeys.users],
  );
export const useResetPassword = () =>
  useSave(
    (id: string) => apiSend<{ temporaryPassword: string }>('POST', `/api/users/${id}/reset-password`),
    [],
  );
