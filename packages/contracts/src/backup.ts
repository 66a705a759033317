import { z } from 'zod';

/**
 * Why Settings cannot offer a backup download: the server runs on PostgreSQL (back it up with
 * pg_dump or the provider's backups), or the embedded database also holds other
 * organizations (only the server's operator may copy it, with `npm run backup`).
 */
export const BACKUP_UNAVAILABLE_REASONS = ['postgres', 'shared_database'] as const;
export const backupUnavailableReasonSchema = z.enum(BACKUP_UNAVAILABLE_REASONS);
export type BackupUnavailableReason = z.infer<typeof backupUnavailableReasonSchema>;

/** Whether this organization's admins can download a backup of the database here. */
export const backupStatusSchema = z.object({
  database: z.enum(['embedded', 'postgres']),
  available: z.boolean(),
  reason: backupUnavailableReasonSchema.nullable(),
});
export type BackupStatus = z.infer<typeof backupStatusSchema>;
