/**
 * `npm run restore -- <file>`: puts a backup taken by `npm run backup` (or downloaded in
 * Settings) into an empty DATA_DIR; then start Spotter on that folder. It refuses a folder
 * that holds anything, so it never overwrites a database.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DataDirLockedError } from './db/dir-lock.ts';
import { BackupRefusedError, restoreFromFile } from './features/backup/index.ts';
import { ConfigError, loadDatabaseLocation } from './plugins/env.ts';

async function main() {
  const { positionals } = parseArgs({ allowPositionals: true });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    throw new BackupRefusedError('Name one backup file: npm run restore -- <file.tar.gz>');
  }
  const where = loadDatabaseLocation();
  const { organizations } = await restoreFromFile(where, path.resolve(file));
  console.log(
    `Restored ${path.resolve(file)} into ${where.dataDir} (${organizations} ` +
      `organization${organizations === 1 ? '' : 's'}). Start Spotter with DATA_DIR=${where.dataDir}; ` +
      'everyone logs in again.',
  );
}

main().catch((err: unknown) => {
  if (
    err instanceof BackupRefusedError ||
    err instanceof DataDirLockedError ||
    err instanceof ConfigError
  ) {
    console.error(`\nNothing was restored: ${err.message}\n`);
  } else {
    console.error(err);
  }
  process.exit(1);
});
