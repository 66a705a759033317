import type {
  DealListItem,
  DealListKind,
  Pipeline,
  PipelineCreate,
  PipelineUpdate,
  StageCreate,
  StageUpdate,
} from '@spotter/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { PositionPatch } from '../../../lib/reorder.ts';
import { dealsKey } from './deals-api.ts';

/** A settings change refreshes everything about deals: names, colours and order show on cards. */
function useDealsMutation<V, R>(fn: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    // Refresh even after a failure half-way, so the page shows what was saved.
    onSettled: () => qc.invalidateQueries({ queryKey: dealsKey }),
  });
}

const PIPELINES = '/api/pipelines';

export const useCreatePipeline = () =>
  useDealsMutation((body: PipelineCreate) => api.post<Pipeline>(PIPELINES, body));

export const useUpdatePipeline = () =>
  useDealsMutation(({ id, ...body }: PipelineUpdate & { id: string }) =>
    api.patch<Pipeline>(`${PIPELINES}/${id}`, body),
  );

/** Removed when no deal uses it; otherwise the server archives it and says so. */
export const useDeletePipeline = () =>
  useDealsMutation((id: string) => api.delete<{ archived: boolean }>(`${PIPELINES}/${id}`));

/** The pipelines' order: one PATCH per pipeline whose position changes, on its version. */
export const useReorderPipelines = (pipelines: readonly Pipeline[]) =>
  useDealsMutation(async (patches: PositionPatch[]) => {
    for (const p of patches) {
      const version = pipelines.find((x) => x.id === p.id)?.version ?? 0;
      await api.patch(`${PIPELINES}/${p.id}`, { position: p.position, version });
    }
  });

export const useCreateStage = () =>
  useDealsMutation(({ pipelineId, ...body }: StageCreate & { pipelineId: string }) =>
    api.post<Pipeline>(`${PIPELINES}/${pipelineId}/stages`, body),
  );

export const useUpdateStage = () =>
  useDealsMutation(
    ({ pipelineId, id, ...body }: StageUpdate & { pipelineId: string; id: string }) =>
      api.patch<Pipeline>(`${PIPELINES}/${pipelineId}/stages/${id}`, body),
  );

export const useDeleteStage = () =>
  useDealsMutation(({ pipelineId, id }: { pipelineId: string; id: string }) =>
    api.delete<{ archived: boolean }>(`${PIPELINES}/${pipelineId}/stages/${id}`),
  );

/**
 * A pipeline's stages in a new order: the order buttons give position changes, the server takes
 * the whole order of the stages in use at once, on the pipeline's version.
 */
export const useReorderStages = (pipeline: Pipeline) =>
  useDealsMutation((patches: PositionPatch[]) => {
    const moved = new Map(patches.map((p) => [p.id, p.position]));
    const stageIds = [...pipeline.stages]
      .map((s) => ({ s, position: moved.get(s.id) ?? s.position }))
      .sort((a, b) => a.position - b.position)
      .filter(({ s }) => !s.archived)
      .map(({ s }) => s.id);
    return api.put<Pipeline>(`${PIPELINES}/${pipeline.id}/stage-order`, {
      stageIds,
      version: pipeline.version,
    });
  });

const LISTS = '/api/deal-lists';

export const useCreateDealListItem = (kind: DealListKind) =>
  useDealsMutation((body: { name: string }) => api.post<DealListItem>(`${LISTS}/${kind}`, body));

export const useUpdateDealListItem = (kind: DealListKind) =>
  useDealsMutation(
    ({ id, ...body }: { id: string; name?: string; archived?: boolean; position?: number }) =>
      api.patch<DealListItem>(`${LISTS}/${kind}/${id}`, body),
  );

export const useDeleteDealListItem = (kind: DealListKind) =>
  useDealsMutation((id: string) => api.delete<{ archived: boolean }>(`${LISTS}/${kind}/${id}`));

export const useReorderDealList = (kind: DealListKind) =>
  useDealsMutation(async (patches: PositionPatch[]) => {
    for (const p of patches) await api.patch(`${LISTS}/${kind}/${p.id}`, { position: p.position });
  });
