import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  TCriteriaImportPreview,
  TCriteriaSet,
  TCriteriaSetUpdateRequest,
} from '../../../shared/criteria';
import { apiGet, apiSend, apiUpload } from '../../api/client';

export const criteriaKeys = {
  year: (yearId: string) => ['criteria', yearId] as const,
};

/** The year's current criteria set (the newest version), or null when there is none. */
export const useYearCriteria = (yearId: string | undefined) =>
  useQuery({
    queryKey: criteriaKeys.year(yearId ?? ''),
    queryFn: () => apiGet<{ set: TCriteriaSet | null }>(`/api/years/${yearId ?? ''}/criteria`),
    enabled: Boolean(yearId),
  });

/** One version of a criteria set by id: a round is scored against its own locked version. */
export const useCriteriaSet = (setId: string | undefined) =>
  useQuery({
    queryKey: ['criteria', 'set', setId ?? ''],
    queryFn: () => apiGet<TCriteriaSet>(`/api/criteria-sets/${setId ?? ''}`),
    enabled: Boolean(setId),
    staleTime: Infinity, // a round's set is locked: it never changes
  });

/** Writes the answer of a criteria mutation into the year's cache. */
function useSetInCache(yearId: string) {
  const client = useQueryClient();
  return (set: TCriteriaSet) => client.setQueryData(criteriaKeys.year(yearId), { set });
}

/** Starts a draft version (a copy of the current locked set or of last year's). */
export function useStartDraft(yearId: string) {
  const put = useSetInCache(yearId);
  return useMutation({
    mutationFn: () => apiSend<TCriteriaSet>('POST', `/api/years/${yearId}/criteria`),
    onSuccess: put,
  });
}

export function useSaveCriteria(yearId: string, setId: string) {
  const put = useSetInCache(yearId);
  return useMutation({
    mutationFn: (body: TCriteriaSetUpdateRequest) =>
      apiSend<TCriteriaSet>('PUT', `/api/criteria-sets/${setId}`, body),
    onSuccess: put,
  });
}

/** Reads a criteria file into a tree for the head to check; saves nothing. */
export function usePreviewCriteria(setId: string) {
  return useMutation({
    mutationFn: (file: File) =>
      apiUpload<TCriteriaImportPreview>(`/api/criteria-sets/${setId}/import/preview`, file, file.name),
  });
}

/** Download links of a set. */
export const criteriaFiles = (setId: string) => ({
  xlsx: `/api/criteria-sets/${setId}/export.xlsx`,
  blankXlsx: `/api/criteria-sets/${setId}/blank-sheet.xlsx`,
  blankDocx: `/api/criteria-sets/${setId}/blank-sheet.docx`,
});
