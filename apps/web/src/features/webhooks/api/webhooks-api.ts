import type {
  WebhookAttempt,
  WebhookEndpoint,
  WebhookEndpointCreate,
  WebhookEventType,
} from '@spotter/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

const endpointsKey = ['webhook-endpoints'] as const;
const attemptsKey = (id: string) => ['webhook-attempts', id] as const;

/** What adding an endpoint or rotating its secret answers: the secret, this once. */
export interface EndpointSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

interface AttemptPage {
  items: WebhookAttempt[];
  nextCursor: string | null;
}

export function useWebhookEndpoints() {
  return useQuery({
    queryKey: endpointsKey,
    queryFn: () => api.get<{ items: WebhookEndpoint[] }>('/api/webhook-endpoints'),
  });
}

export function useCreateWebhookEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: WebhookEndpointCreate) =>
      api.post<EndpointSecret>('/api/webhook-endpoints', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: endpointsKey }),
  });
}

export function useUpdateWebhookEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      ...body
    }: {
      id: string;
      url?: string;
      description?: string;
      eventTypes?: WebhookEventType[];
      enabled?: boolean;
      version: number;
    }) => api.patch<WebhookEndpoint>(`/api/webhook-endpoints/${id}`, body),
    onSettled: () => qc.invalidateQueries({ queryKey: endpointsKey }),
  });
}

export function useDeleteWebhookEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<unknown>(`/api/webhook-endpoints/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: endpointsKey }),
  });
}

export function useRotateWebhookSecret() {
  return useMutation({
    mutationFn: (id: string) =>
      api.post<EndpointSecret>(`/api/webhook-endpoints/${id}/rotate-secret`),
  });
}

/** How long the log looks again for a try that was asked for. */
const WATCH_MS = 20_000;

/**
 * The delivery log, newest first. After something was sent at `sentAt` (ms), it looks again
 * until a try newer than that shows, for at most 20 s.
 */
export function useWebhookAttempts(endpointId: string | null, sentAt: number | null) {
  return useInfiniteQuery({
    queryKey: attemptsKey(endpointId ?? ''),
    enabled: endpointId !== null,
    initialPageParam: '',
    queryFn: ({ pageParam }) =>
      api.get<AttemptPage>(
        `/api/webhook-endpoints/${endpointId}/attempts?limit=25${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (query) => {
      if (sentAt === null || Date.now() - sentAt > WATCH_MS) return false;
      const newest = query.state.data?.pages[0]?.items[0]?.at;
      return newest && Date.parse(newest) >= sentAt - 1000 ? false : 1500;
    },
  });
}

export function useSendTestWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.post<{ deliveryId: string }>(`/api/webhook-endpoints/${id}/test`),
    onSuccess: (_answer, id) => qc.invalidateQueries({ queryKey: attemptsKey(id) }),
  });
}

export function useRedeliverWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ endpointId, deliveryId }: { endpointId: string; deliveryId: string }) =>
      api.post<{ deliveryId: string }>(
        `/api/webhook-endpoints/${endpointId}/deliveries/${deliveryId}/redeliver`,
      ),
    onSuccess: (_answer, v) => qc.invalidateQueries({ queryKey: attemptsKey(v.endpointId) }),
  });
}
