import type { Family, FamilyRelation, RelationCreate, RelationUpdate } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';

/**
 * Families (issue 17): a person's guardians, children and siblings, and the guardian ↔ child
 * links. Any change refreshes every family and the persons (a child's card shows their primary
 * guardian's phone), the board and the tasks (their cards too) and the histories.
 */
export const familyKey = (personId: string) => ['persons', personId, 'family'];

export function useFamily(personId: string, enabled = true) {
  return useQuery({
    queryKey: familyKey(personId),
    queryFn: () => api.get<Family>(`/api/persons/${personId}/family`),
    enabled: enabled && personId !== '',
  });
}

function useInvalidateFamilies() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['persons'] }),
      qc.invalidateQueries({ queryKey: ['board'] }),
      qc.invalidateQueries({ queryKey: ['tasks'] }),
    ]);
}

/** Links `personId` to another person (existing or new): `as` is what the other one is to them. */
export function useAddRelation(personId: string) {
  const invalidate = useInvalidateFamilies();
  return useMutation({
    mutationFn: (body: RelationCreate) =>
      api.post<{ relation: FamilyRelation; created: boolean }>(
        `/api/persons/${personId}/relations`,
        body,
      ),
    onSuccess: () => invalidate(),
  });
}

export function useUpdateRelation() {
  const invalidate = useInvalidateFamilies();
  return useMutation({
    mutationFn: ({ id, ...body }: RelationUpdate & { id: string }) =>
      api.patch<FamilyRelation>(`/api/relations/${id}`, body),
    onSuccess: () => invalidate(),
  });
}

export function useRemoveRelation() {
  const invalidate = useInvalidateFamilies();
  return useMutation({
    mutationFn: (id: string) => api.delete<void>(`/api/relations/${id}`),
    onSuccess: () => invalidate(),
  });
}
