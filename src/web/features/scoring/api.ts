import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TMySheets,
  TProgress,
  TReopenRequest,
  TResults,
  TRound,
  TRoundCreateRequest,
  TSheet,
} from '../../../shared/scoring';
import { apiGet, apiSend } from '../../api/client';

export const scoringKeys = {
  rounds: (yearId: string) => ['rounds', yearId] as const,
  round: (id: string) => ['round', id] as const,
  mySheets: (id: string) => ['round', id, 'my-sheets'] as const,
  progress: (id: string) => ['round', id, 'progress'] as const,
  results: (id: string) => ['round', id, 'results'] as const,
};

export const useRounds = (yearId: string | undefined) =>
  useQuery({
    queryKey: scoringKeys.rounds(yearId ?? ''),
    queryFn: () => apiGet<TRound[]>(`/api/years/${yearId ?? ''}/rounds`),
    enabled: Boolean(yearId),
  });

export const useRound = (id: string) =>
  useQuery({ queryKey: scoringKeys.round(id), queryFn: () => apiGet<TRound>(`/api/rounds/${id}`) });

export const useMySheets = (id: string) =>
  useQuery({
    queryKey: scoringKeys.mySheets(id),
    queryFn: () => apiGet<TMySheets>(`/api/rounds/${id}/my-sheets`),
  });

export const useProgress = (id: string) =>
  useQuery({
    queryKey: scoringKeys.progress(id),
    queryFn: () => apiGet<TProgress>(`/api/rounds/${id}/progress`),
  });

export const useResults = (id: string) =>
  useQuery({
    queryKey: scoringKeys.results(id),
    queryFn: () => apiGet<TResults>(`/api/rounds/${id}/results`),
  });

/** A mutation that refreshes everything about rounds when it succeeds. */
function useRoundMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all([
        client.invalidateQueries({ queryKey: ['rounds'] }),
        client.invalidateQueries({ queryKey: ['round'] }),
        client.invalidateQueries({ queryKey: ['criteria'] }),
      ]);
    },
  });
}

export const useOpenRound = (yearId: string) =>
  useRoundMutation((body: TRoundCreateRequest) =>
    apiSend<TRound>('POST', `/api/years/${yearId}/rounds`, body),
  );
export const useCloseRound = (id: string) =>
  useRoundMutation(() => apiSend<TRound>('POST', `/api/rounds/${id}/close`));
export const usePublishRound = (id: string) =>
  useRoundMutation(() => apiSend<TRound>('POST', `/api/rounds/${id}/publish`));
export const useReopenUnit = (id: string) =>
  useRoundMutation((body: TReopenRequest) => apiSend<{ ok: true }>('POST', `/api/rounds/${id}/reopen`, body));

/** Autosave of one draft; the revision makes a stale save fail with 409 instead of overwriting. */
export const saveSheetDraft = (sheetId: string, scores: Record<string, number | null>, revision: number) =>
  apiSend<TSheet>('PUT', `/api/sheets/${sheetId}/draft`, { scores, revision });

export const submitSheet = (sheetId: string, revision: number) =>
  apiSend<TSheet>('POST', `/api/sheets/${sheetId}/submit`, { revision });

export const submitAllSheets = (roundId: string) =>
  apiSend<TMySheets>('POST', `/api/rounds/${roundId}/submit-all`);

/** Download links. */
export const roundFiles = {
  results: (id: string, format: 'xlsx' | 'docx') => `/api/rounds/${id}/results.${format}`,
  sheet: (id: string, format: 'xlsx' | 'docx') => `/api/sheets/${id}/export.${format}`,
};
