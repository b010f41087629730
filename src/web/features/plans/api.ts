import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  TBoard,
  TPlan,
  TPlanPublishRequest,
  TPlanSaveRequest,
  TPlanVersion,
  TTask,
  TUrgeRequest,
  ZMyTasksSchema,
  ZPlanPublishResponseSchema,
  ZReportUploadResponseSchema,
  ZUrgeResponseSchema,
} from '../../../shared/plans';
import { apiGet, apiSend, apiUpload } from '../../api/client';
import type { BlocReportPeriod } from '../../../domain/bloc-reports';

export type TMyTasks = z.infer<typeof ZMyTasksSchema>;
export type TPublishResponse = z.infer<typeof ZPlanPublishResponseSchema>;
export type TReportUploadResponse = z.infer<typeof ZReportUploadResponseSchema>;
export type TUrgeResponse = z.infer<typeof ZUrgeResponseSchema>;

export const planKeys = {
  plan: (yearId: string) => ['plan', yearId] as const,
  version: (planId: string, version: number) => ['plan-version', planId, version] as const,
  myTasks: (yearId: string) => ['tasks', yearId, 'mine'] as const,
  board: (yearId: string) => ['tasks', yearId, 'board'] as const,
};

/** The year's plan (null when none was started yet). */
export const usePlan = (yearId: string) =>
  useQuery({
    queryKey: planKeys.plan(yearId),
    queryFn: async () => (await apiGet<{ plan: TPlan | null }>(`/api/years/${yearId}/plan`)).plan,
    enabled: Boolean(yearId),
  });

/** One published version (the plan answer already holds the latest). */
export const usePlanVersion = (planId: string | undefined, version: number | null) =>
  useQuery({
    queryKey: planKeys.version(planId ?? '', version ?? 0),
    queryFn: () => apiGet<TPlanVersion>(`/api/plans/${planId ?? ''}/versions/${String(version)}`),
    enabled: Boolean(planId) && version !== null,
    staleTime: Infinity,
  });

export const useMyTasks = (yearId: string, enabled = true) =>
  useQuery({
    queryKey: planKeys.myTasks(yearId),
    queryFn: () => apiGet<TMyTasks>(`/api/years/${yearId}/my-tasks`),
    enabled: enabled && Boolean(yearId),
  });

export const useBoard = (yearId: string, enabled = true) =>
  useQuery({
    queryKey: planKeys.board(yearId),
    queryFn: () => apiGet<TBoard>(`/api/years/${yearId}/tasks/board`),
    enabled: enabled && Boolean(yearId),
  });

/** A mutation that refreshes the plan, its tasks and notifications when it succeeds. */
function usePlanMutation<TVars, TResult>(fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      await Promise.all(
        ['plan', 'tasks', 'notifications'].map((k) => client.invalidateQueries({ queryKey: [k] })),
      );
    },
  });
}

export const useCreatePlan = (yearId: string) =>
  usePlanMutation(() => apiSend<TPlan>('POST', `/api/years/${yearId}/plan`));
export const useSavePlan = (planId: string) =>
  usePlanMutation((body: TPlanSaveRequest) => apiSend<TPlan>('PUT', `/api/plans/${planId}`, body));
export const usePublishPlan = (planId: string) =>
  usePlanMutation((body: TPlanPublishRequest) =>
    apiSend<TPublishResponse>('POST', `/api/plans/${planId}/publish`, body),
  );
export const useStartNextYear = (planId: string) =>
  usePlanMutation(() => apiSend<TPlan>('POST', `/api/plans/${planId}/next-year`));
export const useCompleteTask = () =>
  usePlanMutation((v: { taskId: string; note: string | null }) =>
    apiSend<TTask>('POST', `/api/tasks/${v.taskId}/complete`, { note: v.note }),
  );
export const useUploadReport = () =>
  usePlanMutation((v: { taskId: string; file: File }) =>
    apiUpload<TReportUploadResponse>(`/api/tasks/${v.taskId}/report`, v.file, v.file.name),
  );
export const useUrge = (yearId: string) =>
  usePlanMutation((body: TUrgeRequest) => apiSend<TUrgeResponse>('POST', `/api/years/${yearId}/urge`, body));

/** Download links: a published version (default the latest) or the head's working copy. */
export const planDocumentUrl = (planId: string, format: 'docx' | 'pdf', version?: number | 'draft') =>
  `/api/plans/${planId}/document.${format}${version === undefined ? '' : `?version=${String(version)}`}`;

export const reportFileUrl = (reportId: string) => `/api/reports/${reportId}/file`;

/** The bloc's own report of a period (.docx) and the archive of the units' reports for it (.zip). */
export const blocReportUrl = (yearId: string, period: BlocReportPeriod) =>
  `/api/years/${yearId}/bloc-reports/${period}`;
export const unitReportsZipUrl = (yearId: string, period: BlocReportPeriod) =>
  `/api/years/${yearId}/bloc-reports/${period}/unit-reports.zip`;
