import { useQuery } from '@tanstack/react-query';
import type { THome } from '../../../shared/org';
import { apiGet } from '../../api/client';

export type THomeYear = THome['years'][number];

/** The bloc-years the user's unit belongs to (all of them for admin and board), newest first. */
export function useHome() {
  return useQuery({ queryKey: ['home'], queryFn: () => apiGet<THome>('/api/home') });
}
