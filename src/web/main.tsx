import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from './api/client';
import { queryClient } from './api/queryClient';
import { LangProvider } from './i18n/LangProvider';
import { meKey } from './features/auth/api';
import { router } from './router';
import { z } from '../shared/zod';

// The server's CSP allows no eval: zod would probe for it (a reported CSP violation) before falling back.
z.config({ jitless: true });

setUnauthorizedHandler(() => {
  if (window.location.pathname === '/login') return;
  queryClient.setQueryData(meKey, null);
  void router.navigate('/login', { replace: true });
});

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <LangProvider>
        <RouterProvider router={router} />
      </LangProvider>
    </QueryClientProvider>
  </StrictMode>,
);
