import type {
  ContactKind,
  Import,
  ImportProblem,
  ImportProblemPage,
  ImportProblemSeverity,
  ImportRun,
  ImportTargets,
  ImportUnknownValues,
} from '@spotter/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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

/** The mapped lookup columns' values the CRM does not know (read from the stored file). */
export function useUnknownValues(id: string) {
  return useMutation({
    mutationFn: (mapping: Record<string, string>) =>
      api.post<ImportUnknownValues>(`/api/imports/${id}/unknown-values`, { mapping }),
  });
}

export const PROBLEMS_PAGE = 100;

const problemsPath = (id: string, severity: ImportProblemSeverity | undefined, after: number) => {
  const q = new URLSearchParams({ limit: String(PROBLEMS_PAGE), after: String(after) });
  if (severity) q.set('severity', severity);
  return `/api/imports/${id}/problems?${q}`;
};

/** The latest run's problems, a keyset page at a time ("show more"). */
export function useImportProblems(imp: Import, severity: ImportProblemSeverity | undefined) {
  return useInfiniteQuery({
    // The run's status and counts are in the key: a new run starts a new list.
    queryKey: [...importsKey, imp.id, 'problems', severity, imp.status, imp.errorCount],
    queryFn: ({ pageParam }) =>
      api.get<ImportProblemPage>(problemsPath(imp.id, severity, pageParam)),
    initialPageParam: 0,
    getNextPageParam: (last) => last.next ?? undefined,
    enabled: imp.errorCount > 0 && !isBusy(imp),
  });
}

/** Every problem of the run, walking all pages (for the CSV download). */
export async function fetchAllProblems(id: string): Promise<ImportProblem[]> {
  const all: ImportProblem[] = [];
  let after: number | null = 0;
  while (after !== null) {
    const q: string = new URLSearchParams({ limit: '500', after: String(after) }).toString();
    const page: ImportProblemPage = await api.get<ImportProblemPage>(
      `/api/imports/${id}/problems?${q}`,
    );
    all.push(...page.items);
    after = page.next;
  }
  return all;
}
