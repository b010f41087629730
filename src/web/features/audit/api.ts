import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TAuditFacets, TAuditPage } from '../../../shared/audit';
import { apiGet } from '../../api/client';

export interface AuditQuery {
  action?: string;
  entityType?: string;
  actorLogin?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/** One page of audit events matching the filters. */
export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: ['audit', query],
    queryFn: () => apiGet<TAuditPage>('/api/audit', { ...query }),
    placeholderData: keepPreviousData,
  });
}

/** The actions and object kinds the log holds (the filters' lists). */
export const useAuditFacets = () =>
  useQuery({ queryKey: ['audit', 'facets'], queryFn: () => apiGet<TAuditFacets>('/api/audit/facets') });
