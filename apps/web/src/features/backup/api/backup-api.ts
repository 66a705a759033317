import type { BackupStatus } from '@spotter/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { api, apiErrorOf, networkError } from '../../../lib/api.ts';

/** Whether this server can hand this organization a backup, and if not, why. */
export const useBackupStatus = () =>
  useQuery({
    queryKey: ['backup', 'status'],
    queryFn: () => api.get<BackupStatus>('/api/backup/status'),
  });

/** The file name the server gives the backup (spotter-backup-<time>.tar.gz). */
const fileNameOf = (res: Response) =>
  /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
  'spotter-backup.tar.gz';

/**
 * Fetches the backup and saves it, so the button can show that the copy is being taken and
 * an error comes back as a message instead of a downloaded error page.
 */
async function downloadBackup(): Promise<void> {
  let res: Response;
  try {
    res = await fetch('/api/backup', { credentials: 'same-origin' });
  } catch {
    throw networkError();
  }
  if (!res.ok) throw apiErrorOf(res, await res.json().catch(() => undefined));
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res);
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const useDownloadBackup = () => useMutation({ mutationFn: downloadBackup });
