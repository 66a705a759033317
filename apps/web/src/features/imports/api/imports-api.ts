import type { ContactKind, Import, ImportRun, ImportTargets } from '@spotter/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiErrorOf, networkError } from '../../../lib/api.ts';

export const importsKey = ['imports'] as const;

/** Waiting or working: the page polls every second until the worker is done. */
export const isBusy = (imp: Import | undefined) =>
  imp?.status === 'queued' || imp?.status === 'validating' || imp?.status === 'running';

export function useImport(id: string | undefined) {
  return useQuery({
    queryKey: [...importsKey, id],
    queryFn: () => api.get<Import>(`/api/imports/${id}`),
    enabled: id !== undefined,
    refetchInterval: (query) => (isBusy(query.state.data) ? 1000 : false),
  });
}

export function useImportTargets(kind: ContactKind) {
  return useQuery({
    queryKey: [...importsKey, 'targets', kind],
    queryFn: () => api.get<ImportTargets>(`/api/imports/targets?kind=${kind}`),
  });
}

/** The file goes as the raw body (not JSON): up to 64 MB without a multipart parser. */
async function uploadFile(kind: ContactKind, file: File): Promise<Import> {
  const q = new URLSearchParams({ kind, fileName: file.name.slice(0, 200) || 'import.csv' });
  let res: Response;
  try {
    res = await fetch(`/api/imports?${q}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'text/csv' },
      body: file,
    });
  } catch {
    throw networkError();
  }
  const data = (await res.json().catch(() => undefined)) as unknown;
  if (!res.ok) throw apiErrorOf(res, data);
  return data as Import;
}

export function useUploadImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ContactKind; file: File }) => uploadFile(kind, file),
    onSuccess: (imp) => qc.setQueryData([...importsKey, imp.id], imp),
  });
}

export function useRunImport(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportRun) => api.post<Import>(`/api/imports/${id}/run`, body),
    onSuccess: (imp) => {
      qc.setQueryData([...importsKey, id], imp);
      // New and changed persons or companies: every list and card reloads.
      if (!imp.dryRun) {
        void qc.invalidateQueries({ queryKey: ['persons'] });
        void qc.invalidateQueries({ queryKey: ['companies'] });
        void qc.invalidateQueries({ queryKey: ['crm'] });
      }
    },
  });
}
