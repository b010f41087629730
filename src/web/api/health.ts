import { useQuery } from '@tanstack/react-query';
import type { THealth } from '../../shared/health';
import { apiGet } from './client';

/** The server's status and capabilities (e.g. whether it can make PDFs); read once per page load. */
export const useHealth = () =>
  useQuery({ queryKey: ['health'], queryFn: () => apiGet<THealth>('/api/health'), staleTime: Infinity });
