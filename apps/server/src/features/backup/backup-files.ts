import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { pgliteDirOf, pgliteExtensions } from '../../db/client.ts';
import { acquireDirLock } from '../../db/dir-lock.ts';
import { fetchFromServer } from './local-channel.ts';

/** Where the database is: the two settings of the server's configuration that matter here. */
export interface DatabaseLocation {
  databaseUrl: string | undefined;
  dataDir: string;
}

/** A refusal the command line says as it is, without a stack trace. */
export class BackupRefusedError extends Error {}

const onPostgres = (what: 'backup' | 'restore') =>
  new BackupRefusedError(
    `DATABASE_URL is set: this Spotter keeps its data in PostgreSQL. ` +
      (what === 'backup'
        ? 'Back it up with pg_dump (pg_dump -Fc "$DATABASE_URL" > spotter.dump) or your provider’s backups.'
        : 'Restore a pg_dump file with pg_restore; `npm run restore` is for the embedded database.'),
  );

/** Writes next to the target and renames, so a cut-off run never leaves a half file. */
async function writeAtomically(file: string, data: Buffer) {
  const partial = `${file}.partial`;
  await writeFile(partial, data, { flush: true });
  renameSync(partial, file);
}

/** The stopped server's folder, copied by opening it ourselves under its lock. */
async function dumpStopped(dataDir: string): Promise<Buffer> {
  const dir = pgliteDirOf(dataDir);
  if (!existsSync(path.join(dir, 'PG_VERSION'))) {
    throw new BackupRefusedError(`There is no Spotter database in ${dataDir} (DATA_DIR).`);
  }
  const lock = await acquireDirLock(dataDir);
  try {
    const client = await PGlite.create({ dataDir: dir, extensions: pgliteExtensions });
    try {
      return Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await client.close();
    }
  } finally {
    lock.release();
  }
}

/**
 * `npm run backup`: a running server copies its database itself (through its local socket),
 * at one moment and without stopping; a stopped one is opened and copied here.
 */
export async function backupToFile(
  where: DatabaseLocation,
  out: string,
): Promise<{ bytes: number; via: 'server' | 'folder' }> {
  if (where.databaseUrl) throw onPostgres('backup');
  const fromServer = await fetchFromServer(where.dataDir);
  const data = fromServer ?? (await dumpStopped(where.dataDir));
  await writeAtomically(out, data);
  return { bytes: data.length, via: fromServer ? 'server' : 'folder' };
}

/** The backup's tar archive (gzipped, or already unpacked by hand); anything else is refused. */
function readTarball(file: string): Buffer {
  if (!existsSync(file)) throw new BackupRefusedError(`There is no file ${file}.`);
  let data = readFileSync(file);
  try {
    if (data[0] === 0x1f && data[1] === 0x8b) data = gunzipSync(data);
  } catch {
    throw new BackupRefusedError(`${file} is damaged: it does not unpack. Nothing was restored.`);
  }
  // Every tar header carries "ustar" at byte 257.
  if (data.subarray(257, 262).toString('latin1') !== 'ustar') {
    throw new BackupRefusedError(`${file} is not a Spotter backup. Nothing was restored.`);
  }
  return data;
}

/**
 * `npm run restore`: unpacks a backup into an empty DATA_DIR and opens it once, so a file
 * that is not a Spotter backup is refused before anything is left behind.
 */
export async function restoreFromFile(
  where: DatabaseLocation,
  file: string,
): Promise<{ organizations: number }> {
  if (where.databaseUrl) throw onPostgres('restore');
  const { dataDir } = where;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    throw new BackupRefusedError(
      `${dataDir} (DATA_DIR) is not empty. Restore into an empty folder, then point DATA_DIR at ` +
        'it; nothing was changed.',
    );
  }
  const tarball = readTarball(file);
  mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDirLock(dataDir);
  const unpacking = path.join(dataDir, 'pglite.restoring');
  try {
    mkdirSync(unpacking);
    const client = await PGlite.create({
      dataDir: unpacking,
      loadDataDir: new Blob([tarball], { type: 'application/x-tar' }),
      extensions: pgliteExtensions,
    });
    let organizations: number;
    try {
      const res = await client.query<{ n: number }>('select count(*)::int as n from organizations');
      organizations = res.rows[0]?.n ?? 0;
    } finally {
      await client.close();
    }
    renameSync(unpacking, pgliteDirOf(dataDir));
    return { organizations };
  } catch (err) {
    rmSync(unpacking, { recursive: true, force: true });
    throw new BackupRefusedError(
      `${file} could not be restored: it is not a readable Spotter backup ` +
        `(${err instanceof Error ? err.message : String(err)}). ${dataDir} is left empty.`,
    );
  } finally {
    lock.release();
  }
}
