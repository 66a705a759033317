import type { BackupStatus } from '@spotter/contracts';
import type { Db } from '../../db/client.ts';
import { assertCan, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { countOrganizations } from '../organizations/index.ts';

/** What the embedded database offers for a backup (app.embeddedDb); null on PostgreSQL. */
export interface EmbeddedDump {
  dump: () => Promise<Blob>;
}

export const notEmbedded = () =>
  new AppError(
    501,
    'backup_not_embedded',
    'This server keeps its data in PostgreSQL: back it up with pg_dump (or your provider’s ' +
      'backups). The download covers only the embedded database.',
  );

const sharedDatabase = () =>
  new AppError(
    403,
    'backup_shared_database',
    'This database also holds other organizations, so it cannot be downloaded from one ' +
      'organization’s settings. The server’s operator backs it up with `npm run backup`.',
  );

/**
 * The file holds the whole database: only an organization that is alone in it may download
 * it (a hosted server's clubs never see each other's data).
 */
const isAlone = async (db: Db) => (await countOrganizations(db)) <= 1;

export async function backupStatus(
  db: Db,
  actor: Actor,
  embedded: EmbeddedDump | null,
): Promise<BackupStatus> {
  assertCan(actor, 'settings.manage');
  if (!embedded) return { database: 'postgres', available: false, reason: 'postgres' };
  if (!(await isAlone(db))) {
    return { database: 'embedded', available: false, reason: 'shared_database' };
  }
  return { database: 'embedded', available: true, reason: null };
}

/** A gzipped tarball of the data folder, consistent at the moment it was taken. */
export async function takeBackup(db: Db, actor: Actor, embedded: EmbeddedDump | null, now: Date) {
  assertCan(actor, 'settings.manage');
  if (!embedded) throw notEmbedded();
  if (!(await isAlone(db))) throw sharedDatabase();
  const file = await embedded.dump();
  // An organization created while the copy was taken may be in it: checked again after.
  if (!(await isAlone(db))) throw sharedDatabase();
  return { file, fileName: backupFileName(now) };
}

/** spotter-backup-2026-05-01T10-00-00Z.tar.gz: sorts by time, no characters a shell minds. */
export function backupFileName(now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-');
  return `spotter-backup-${stamp}.tar.gz`;
}
