import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TCovenantDraft, TCovenantView } from '../../../shared/covenants';
import { apiGet, apiSend } from '../../api/client';

export const covenantKey = (yearId: string) => ['covenant', yearId] as const;

export const useCovenant = (yearId: string) =>
  useQuery({
    queryKey: covenantKey(yearId),
    queryFn: () => apiGet<TCovenantView>(`/api/years/${yearId}/covenant`),
  });

export const covenantDocumentUrl = (yearId: string) => `/api/years/${yearId}/covenant/document.docx`;

/** Every change answers the whole page; a signature also completes a task, so tasks are read again. */
function useCovenantMutation<TVars>(yearId: string, fn: (vars: TVars) => Promise<TCovenantView>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async (view) => {
      client.setQueryData(covenantKey(yearId), view);
      await Promise.all(
        ['tasks', 'board', 'notifications'].map((k) => client.invalidateQueries({ queryKey: [k] })),
      );
    },
  });
}

export const useSaveCovenant = (yearId: string) =>
  useCovenantMutation(yearId, (body: TCovenantDraft) =>
    apiSend<TCovenantView>('PUT', `/api/years/${yearId}/covenant`, body),
  );
export const useOpenComments = (yearId: string) =>
  useCovenantMutation(yearId, () =>
    apiSend<TCovenantView>('POST', `/api/years/${yearId}/covenant/open-comments`),
  );
export const useComment = (yearId: string) =>
  useCovenantMutation(yearId, (body: string) =>
    apiSend<TCovenantView>('POST', `/api/years/${yearId}/covenant/comments`, { body }),
  );
export const useReply = (yearId: string) =>
  useCovenantMutation(yearId, (v: { id: string; reply: string }) =>
    apiSend<TCovenantView>('POST', `/api/covenant-comments/${v.id}/reply`, { reply: v.reply }),
  );
export const usePublishCovenant = (yearId: string) =>
  useCovenantMutation(yearId, (revision: number) =>
    apiSend<TCovenantView>('POST', `/api/years/${yearId}/covenant/publish`, { revision }),
  );
export const useSignCovenant = (yearId: string) =>
  useCovenantMutation(yearId, (textHash: string) =>
    apiSend<TCovenantView>('POST', `/api/years/${yearId}/covenant/sign`, { textHash }),
  );
