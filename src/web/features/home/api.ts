import { useQuery } from '@tanstack/react-query';
import type { THome } from '../../../shared/org';
import { apiGet } from '../../api/client';

export type THomeYear = THome['years'][number];

/** The home page's query; signing in starts it while the page's code loads. */
export const homeQuery = { queryKey: ['home'], queryFn: () => apiGet<THome>('/api/home') };

/** The bloc-years the user's unit belongs to (all of them for admin and board), newest first. */
export function useHome() {
  return useQuery(homeQuery);
}
