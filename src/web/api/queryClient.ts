import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './client';

/** Shared query client: client errors (4xx) are final, network and 5xx errors get one retry. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, err) =>
        !(err instanceof ApiError && err.status >= 400 && err.status < 500) && failures < 1,
      refetchOnWindowFocus: false,
    },
  },
});
