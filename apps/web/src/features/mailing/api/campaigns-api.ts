import type {
  AudienceCounts,
  AudienceQuery,
  Campaign,
  CampaignCreate,
  CampaignPage,
  CampaignUpdate,
  RecipientPage,
  RecipientState,
} from '@spotter/contracts';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

export const campaignsKey = ['campaigns'] as const;
const campaignKey = (id: string) => [...campaignsKey, 'one', id] as const;

/** The organization's campaigns, newest first, a page at a time ("load more", no count). */
export function useCampaigns() {
  return useInfiniteQuery({
    queryKey: [...campaignsKey, 'list'],
    queryFn: ({ pageParam }) =>
      api.get<CampaignPage>(
        `/api/campaigns${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/** One campaign; while it is sending its totals are read again every 2 s. */
export function useCampaign(id: string | null) {
  return useQuery({
    queryKey: campaignKey(id ?? ''),
    queryFn: () => api.get<Campaign>(`/api/campaigns/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.state === 'sending' ? 2000 : false),
  });
}

/** Who the filter reaches on this channel; the last answer stays while a new one loads. */
export function useAudienceCounts(query: AudienceQuery, enabled = true) {
  return useQuery({
    queryKey: [...campaignsKey, 'audience', query],
    queryFn: () => api.post<AudienceCounts>('/api/campaigns/audience', query),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The recipients of a campaign, optionally of one state, a page at a time. */
export function useRecipients(id: string, state: RecipientState | null) {
  return useInfiniteQuery({
    queryKey: [...campaignKey(id), 'recipients', state],
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: '50' });
      if (state) q.set('state', state);
      if (pageParam) q.set('cursor', pageParam);
      return api.get<RecipientPage>(`/api/campaigns/${id}/recipients?${q}`);
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

function useCampaignMutation<I>(fn: (input: I) => Promise<Campaign>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (c) => {
      qc.setQueryData(campaignKey(c.id), c);
      void qc.invalidateQueries({ queryKey: campaignsKey });
    },
  });
}

export const useCreateCampaign = () =>
  useCampaignMutation((body: CampaignCreate) => api.post<Campaign>('/api/campaigns', body));

export const useUpdateCampaign = () =>
  useCampaignMutation((input: { id: string; body: CampaignUpdate }) =>
    api.patch<Campaign>(`/api/campaigns/${input.id}`, input.body),
  );

/** Send now (`at` null) or at a time. */
export const useSendCampaign = () =>
  useCampaignMutation((input: { id: string; at: string | null; version: number }) =>
    api.post<Campaign>(`/api/campaigns/${input.id}/send`, {
      at: input.at,
      version: input.version,
    }),
  );

export type CampaignAction = 'pause' | 'resume' | 'cancel';
export const useCampaignAction = () =>
  useCampaignMutation((input: { id: string; action: CampaignAction; version: number }) =>
    api.post<Campaign>(`/api/campaigns/${input.id}/${input.action}`, { version: input.version }),
  );

export function useDeleteCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/campaigns/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: campaignsKey }),
  });
}

export function useSendCampaignTest() {
  return useMutation({
    mutationFn: (input: { id: string; to: string; personId: string | null }) =>
      api.post<{ accepted: boolean; response: string }>(`/api/campaigns/${input.id}/test`, {
        to: input.to,
        personId: input.personId,
      }),
  });
}
