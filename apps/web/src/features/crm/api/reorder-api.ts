import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { crmKey } from '../../../lib/crm-reference.ts';
import type { PositionPatch } from '../../../lib/reorder.ts';

/**
 * Saves a new order of statuses, list entries or custom fields (`base` is the collection's
 * path, e.g. `/api/settings/statuses`): one PATCH per entry whose position changes.
 */
export function useReorder(base: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (patches: PositionPatch[]) => {
      for (const p of patches) await api.patch(`${base}/${p.id}`, { position: p.position });
    },
    // Refresh even after a failure half-way, so the page shows what was saved.
    onSettled: () => qc.invalidateQueries({ queryKey: crmKey }),
  });
}
